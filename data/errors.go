package data

import (
	"errors"
	"fmt"
)

// Sentinel errors. Callers test them with errors.Is; the app layer turns them
// into Chinese messages.
var (
	// ErrNotFound: the record does not exist or is in the recycle bin.
	ErrNotFound = errors.New("record not found")
	// ErrDuplicate: a unique constraint refused the write.
	ErrDuplicate = errors.New("duplicate record")
	// ErrConflict: the record was saved by someone else since it was read.
	ErrConflict = errors.New("record changed since it was read")
	// ErrDiskFull: the disk is full or the file cannot be written; the
	// change was not saved and the file is as it was before it.
	ErrDiskFull = errors.New("disk full or not writable")
	// ErrReadOnly: the data file was opened read-only because it is damaged.
	ErrReadOnly = errors.New("data file is open read-only")
	// ErrNotWritable: a new file cannot be made where it was asked for.
	ErrNotWritable = errors.New("cannot write a file there")
	// ErrInUse: the record cannot be removed while others depend on it.
	ErrInUse = errors.New("record in use")

	// ErrEmptyFile: the data file exists but holds zero bytes.
	ErrEmptyFile = errors.New("data file is empty")
	// ErrForeignFile: the file is not a SQLite database made by this program.
	ErrForeignFile = errors.New("data file belongs to another program")
	// ErrDamaged: the file fails SQLite's integrity check.
	ErrDamaged = errors.New("data file is damaged")
	// ErrNewerSchema: the file was written by a newer version of the program.
	ErrNewerSchema = errors.New("data file is from a newer version")
	// ErrBadSchema: the file's schema number is zero, negative or does not
	// match its tables; it is treated as damaged.
	ErrBadSchema = fmt.Errorf("%w: schema number out of place", ErrDamaged)
	// ErrTampered: a backup's records differ from the digest written into it
	// when it was made; it is treated as damaged.
	ErrTampered = fmt.Errorf("%w: records differ from the backup's digest", ErrDamaged)
)
