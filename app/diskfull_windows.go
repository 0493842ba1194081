package app

import (
	"errors"
	"syscall"
)

// diskFull: Windows says ERROR_DISK_FULL (112) or ERROR_HANDLE_DISK_FULL (39).
func diskFull(err error) bool {
	return errors.Is(err, syscall.Errno(112)) || errors.Is(err, syscall.Errno(39))
}
