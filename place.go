package main

import (
	"flag"

	"tuanxue/app"
)

// place is where the records are: the data folder, and the server that
// --db names instead of the folder's own choice (database.json).
type place struct{ dir, db string }

// placeFlags defines --data and --db on a subcommand's flag set.
func placeFlags(fs *flag.FlagSet, e *env) *place {
	at := &place{}
	fs.StringVar(&at.dir, "data", e.defaultDir, "")
	fs.StringVar(&at.db, "db", "", "")
	return at
}

// workspace is the place as the store's home in app.
func (p place) workspace() *app.Workspace { return app.NewWorkspace(p.dir, p.db, nil) }

// open opens the records of a place through its workspace: a data file
// after taking its folder, a server for everyone. done closes them and
// lets the folder go.
func (p place) open() (svc *app.Service, done func(), err error) {
	ws := p.workspace()
	if svc, err = ws.Open(); err != nil {
		ws.Close()
		return nil, nil, err
	}
	return svc, func() { ws.Close() }, nil
}
