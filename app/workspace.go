package app

import (
	"errors"
	"fmt"
	"time"

	"tuanxue/data"
)

// Workspace is where the records are and the whole life of the store
// there: the data folder and its lock (one copy of the program per folder),
// the data file or the shared server the folder chose, opening (read-only
// for a damaged file), backups, the one way to restore, closing. The window
// and the command line reach the store only through it.
type Workspace struct {
	dir     string
	server  string // a postgres:// URL given for this run, over the folder's choice
	now     func() time.Time
	store   *data.Store
	release func() // the folder's lock, while held
	svc     *Service
}

// NewWorkspace is the data folder dir, on the server serverURL when it is
// not empty (--db), else on what the folder chose in 系统设置. now is the
// clock of its records (nil: time.Now). Nothing is opened yet.
func NewWorkspace(dir, serverURL string, now func() time.Time) *Workspace {
	if now == nil {
		now = time.Now
	}
	return &Workspace{dir: dir, server: serverURL, now: now}
}

// Dir is the data folder: the data file, backups, evidence copies.
func (w *Workspace) Dir() string { return w.dir }

// Config is the store configuration: --db, or the server chosen for the
// folder (password from the keychain, or PGPASSWORD), or the data file.
func (w *Workspace) Config() (data.Config, error) {
	if w.server != "" {
		return data.Config{Dir: w.dir, URL: w.server, Now: w.now}, nil
	}
	c, err := LoadConnection(w.dir)
	if err != nil {
		return data.Config{}, err
	}
	cfg := c.Config(w.dir, "")
	cfg.Now = w.now
	return cfg, nil
}

// OnServer reports whether the records are on a shared server.
func (w *Workspace) OnServer() bool {
	cfg, err := w.Config()
	return err == nil && cfg.URL != ""
}

// Hold takes the data folder for this copy of the program, if it has not
// yet. The window holds it on a server too: the folder keeps this
// computer's backups and evidence copies.
func (w *Workspace) Hold() error {
	if w.release != nil {
		return nil
	}
	release, err := data.LockDir(w.dir)
	if err != nil {
		return err
	}
	w.release = release
	return nil
}

// Open opens the records. A data file is for this copy of the program
// only, so the folder is held first; a server is for everyone.
func (w *Workspace) Open() (*Service, error) {
	cfg, err := w.Config()
	if err != nil {
		return nil, err
	}
	if cfg.URL == "" {
		if err := w.Hold(); err != nil {
			return nil, err
		}
	}
	return w.use(data.Open(cfg))
}

// OpenReadOnly opens a damaged data file for reading only, so the teacher
// can look at and export what is still readable while a backup is chosen.
func (w *Workspace) OpenReadOnly() (*Service, error) {
	if err := w.Hold(); err != nil {
		return nil, err
	}
	svc, err := w.use(data.OpenReadOnly(w.dir))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", data.ErrDamaged, err)
	}
	return svc, nil
}

// OpenServer opens the shared server with a password the teacher typed
// (empty: the one the start has, from the keychain, the URL or PGPASSWORD).
func (w *Workspace) OpenServer(password string) (*Service, error) {
	cfg, err := w.Config()
	if err != nil {
		return nil, err
	}
	if cfg.URL == "" {
		return nil, errors.New("这个数据文件夹没有选用共享数据库")
	}
	if password != "" {
		cfg.Password = password
	}
	return w.use(data.Open(cfg))
}

// use makes an opened store the workspace's.
func (w *Workspace) use(store *data.Store, err error) (*Service, error) {
	if err != nil {
		return nil, err
	}
	if w.store != nil {
		w.store.Close()
	}
	w.store = store
	w.svc = New(store, w.now)
	w.svc.ws = w
	return w.svc, nil
}

// Service is the use cases over the open store, or nil.
func (w *Workspace) Service() *Service { return w.svc }

// Close closes the store and lets the folder go.
func (w *Workspace) Close() error {
	err := w.closeStore()
	if w.release != nil {
		w.release()
		w.release = nil
	}
	return err
}

// CloseStore closes the store and keeps the folder: for a login that
// failed after the server opened, before the next try.
func (w *Workspace) CloseStore() error { return w.closeStore() }

func (w *Workspace) closeStore() error {
	if w.store == nil {
		return nil
	}
	err := w.store.Close()
	w.store, w.svc = nil, nil
	return err
}

// ErrRestoreOnServer: a backup cannot replace a shared server's records.
var ErrRestoreOnServer = errors.New("这个数据文件夹使用共享数据库，不能用一个备份整体替换服务器上的记录。" +
	"请学校信息中心用服务器的备份恢复，或用 tuanxue db copy --from 备份文件 --to 一个空数据库。")

// Restore replaces the data file with a backup: the one way to restore,
// from the window and the command line. The backup is checked whole on a
// copy first (data.RestoreFile); on any failure the data file is as it
// was. The current file is kept aside under a name of its own in backups.
// The store is closed for it and stays closed: every screen showed the
// records that were replaced, so the program starts again.
func (w *Workspace) Restore(backup string) (kept string, err error) {
	if w.OnServer() {
		return "", ErrRestoreOnServer
	}
	if err := w.closeStore(); err != nil {
		return "", err
	}
	if err := w.Hold(); err != nil {
		return "", err
	}
	return data.RestoreFile(w.dir, backup)
}

// CheckBackup says whether a file is a backup this program can restore,
// without changing it.
func (w *Workspace) CheckBackup(path string) error { return data.Verify(path) }

// Backups lists the automatic and safety backups, newest first.
func (w *Workspace) Backups() ([]data.Backup, error) { return data.ListBackups(w.dir) }

// NewestGoodBackup is the newest backup that passes its check, or "".
func (w *Workspace) NewestGoodBackup() string {
	backups, err := w.Backups()
	if err != nil {
		return ""
	}
	for _, b := range backups {
		if data.Verify(b.Path) == nil {
			return b.Path
		}
	}
	return ""
}

// BackupTo writes a checked backup of the open records to path: never over
// the data folder's own files, and over an existing file only when replace
// is set.
func (w *Workspace) BackupTo(path string, replace bool) (string, error) {
	if w.store == nil {
		return "", errors.New("数据没有打开")
	}
	if err := CheckOutput(w.dir, path, replace); err != nil {
		return "", err
	}
	return w.store.BackupTo(path)
}

// ServerShown is the server's address as it may be shown: no password.
func (w *Workspace) ServerShown() string {
	cfg, err := w.Config()
	if err != nil || cfg.URL == "" {
		return ""
	}
	return data.RedactURL(cfg.URL)
}

// ServerPasswordKnown reports whether the start has a password for the
// server: in the keychain or in the address.
func (w *Workspace) ServerPasswordKnown() bool {
	cfg, err := w.Config()
	return err == nil && (cfg.Password != "" || data.HasPassword(cfg.URL))
}
