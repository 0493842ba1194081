package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"tuanxue/app"
	"tuanxue/data"
	"tuanxue/views"
)

// windowCommand is tuanxue without a subcommand: the window, or --version.
func windowCommand(fs *flag.FlagSet, e *env) func([]string) int {
	at := placeFlags(fs, e)
	version := fs.Bool("version", false, "")
	return func([]string) int {
		if *version {
			d := e.meta.Details
			fmt.Fprintf(e.stdout, "%s %s (build %d)\n", d.Name, d.Version, d.Build)
			return 0
		}
		return runWindow(e.meta, *at)
	}
}

// runWindow opens the data file and shows the main window; a file that
// cannot be used is explained in a window of its own.
func runWindow(meta metadata, at place) int {
	a := fyneapp.NewWithID(meta.Details.ID)
	if a.Metadata().Version == "" {
		// Built with go build rather than fyne package: 关于 still names the
		// version FyneApp.toml gives, embedded in the program.
		d := meta.Details
		fyneapp.SetMetadata(fyne.AppMetadata{ID: d.ID, Name: d.Name, Version: d.Version, Build: d.Build})
	}
	views.Setup(a)
	views.SetDataFolder(at.dir)
	crashLog(at.dir)
	ws := at.workspace()
	defer ws.Close()
	if ws.OnServer() {
		return runOnServer(a, at, ws)
	}
	svc, err := ws.Open()
	if errors.Is(err, data.ErrDamaged) {
		// A damaged file opens read-only, to look at and export what can be
		// read while a backup is chosen.
		svc, err = ws.OpenReadOnly()
	}
	if err != nil {
		views.ShowStartupError(a, ws, err)
		return 1
	}
	svc.UseOperator()
	w := views.NewMainWindow(a, svc)
	a.Lifecycle().SetOnStarted(w.Started)
	w.Win.ShowAndRun()
	return 0
}

// runOnServer shows the main window on the shared database, after asking
// for the password when the keychain has none.
func runOnServer(a fyne.App, at place, ws *app.Workspace) int {
	// The folder still holds this computer's backups and evidence copies:
	// one window per folder, as with the data file.
	if err := ws.Hold(); err != nil {
		views.ShowStartupError(a, ws, err)
		return 1
	}
	// The main window's start (sample offer, daily backup) runs once the
	// app runs: at once when the login window came first.
	started, onStart := false, func() {}
	a.Lifecycle().SetOnStarted(func() { started = true; onStart() })
	login := views.ServerLogin{Workspace: ws, Opened: func(svc *app.Service) error {
		svc.UseOperator()
		w := views.NewMainWindow(a, svc)
		w.Win.Show()
		if started {
			w.Started()
		} else {
			onStart = w.Started
		}
		return nil
	}}
	if at.db == "" { // the folder's own choice, kept in database.json
		conn, _ := app.LoadConnection(at.dir)
		login.Remember = func(password string) error { return app.SaveConnection(at.dir, conn, password) }
		login.UseFile = func() error { return app.SaveConnection(at.dir, app.Connection{}, "") }
	}
	views.ConnectToServer(a, login)
	a.Run()
	return 0
}

// crashLog sends the report of a crash to crash.log in the data folder,
// where a teacher can find it for whoever helps them. It holds the Go stack
// only, no records, and is the owner's only, as app.LogCrash makes it.
func crashLog(dir string) {
	f, err := os.OpenFile(filepath.Join(dir, app.CrashLog), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return
	}
	_ = f.Chmod(0o600)
	_ = debug.SetCrashOutput(f, debug.CrashOptions{})
	f.Close() // SetCrashOutput keeps its own copy
}
