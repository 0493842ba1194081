//go:build !windows

package app

import (
	"errors"
	"syscall"
)

// diskFull: the system said there is no room left (or the user's quota is
// used up) while a file was written outside the store.
func diskFull(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT)
}
