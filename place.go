package main

import (
	"errors"
	"flag"
	"fmt"

	"tuanxue/app"
	"tuanxue/data"
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

// config is the store configuration of a place: --db, or the server chosen
// in 系统设置 for the folder (password from the keychain, or PGPASSWORD),
// or the folder's data file.
func (p place) config() (data.Config, error) {
	if p.db != "" {
		return data.Config{Dir: p.dir, URL: p.db}, nil
	}
	c, err := app.LoadConnection(p.dir)
	if err != nil {
		return data.Config{}, err
	}
	return c.Config(p.dir, ""), nil
}

// openStore opens the records of a place. A data file is for this copy of
// the program only: the folder is taken first; a server is for everyone.
// done closes (and releases) them.
func openStore(at place) (store *data.Store, done func(), err error) {
	cfg, err := at.config()
	if err != nil {
		return nil, nil, err
	}
	if cfg.URL != "" {
		store, err := data.Open(cfg)
		if err != nil {
			return nil, nil, err
		}
		return store, func() { store.Close() }, nil
	}
	release, err := data.LockDir(at.dir)
	if err != nil {
		return nil, nil, err
	}
	store, err = data.Open(cfg)
	if err != nil {
		release()
		return nil, nil, err
	}
	return store, func() { store.Close(); release() }, nil
}

// openReadOnly takes the data folder and opens a damaged file read-only.
func openReadOnly(dir string) (*data.Store, func(), error) {
	release, err := data.LockDir(dir)
	if err != nil {
		return nil, nil, err
	}
	store, err := data.OpenReadOnly(dir)
	if err != nil {
		release()
		return nil, nil, fmt.Errorf("%w", data.ErrDamaged)
	}
	return store, func() { store.Close(); release() }, nil
}

// lockDataDir takes the data folder for this copy of the program.
func lockDataDir(dir string) (func(), error) {
	release, err := data.LockDir(dir)
	if err != nil {
		return nil, errors.New(app.Message(err))
	}
	return release, nil
}
