package data

import (
	"errors"
	"fmt"
	"path/filepath"

	"github.com/gofrs/flock"
)

// ErrRunning: another copy of the program has the data folder open.
var ErrRunning = errors.New("another copy of the program uses this data folder")

// LockName is the lock file in the data folder.
const LockName = "tuanxue.lock"

// LockDir takes the data folder for this process: an operating-system lock
// on a file in it, which the system drops when the process ends, so a crash
// never leaves the folder locked. A second copy gets ErrRunning and must
// not touch the data. The holder then clears what an interrupted backup or
// restore left behind: nobody else can be writing it.
func LockDir(dir string) (release func(), err error) {
	if err := makePrivateDir(dir); err != nil {
		return nil, fmt.Errorf("create data folder: %w", err)
	}
	release, err = tryLock(dir)
	if err != nil {
		return nil, err
	}
	cleanLeftovers(dir)
	return release, nil
}

// tryLock takes the folder's lock, changing nothing else in it.
func tryLock(dir string) (release func(), err error) {
	l := flock.New(filepath.Join(dir, LockName))
	ok, err := l.TryLock()
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", dir, err)
	}
	if !ok {
		return nil, ErrRunning
	}
	return func() { _ = l.Unlock() }, nil
}
