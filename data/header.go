package data

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
)

// ApplicationID marks a SQLite file as ours ("TXTZ", 团学台账) in the header
// field that SQLite reserves for this purpose.
const ApplicationID = 0x5458545A

// fileHeader is what the first 100 bytes of a SQLite file say about it.
type fileHeader struct {
	userVersion   int // our schema version
	applicationID uint32
}

var sqliteMagic = []byte("SQLite format 3\x00")

// readHeader inspects an existing data file without opening it through SQLite,
// so a file that is going to be refused is never touched (no journal
// recovery, no pragma writes). ok is false when the file does not exist.
func readHeader(path string) (h fileHeader, ok bool, err error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return h, false, nil
	}
	if err != nil {
		return h, false, fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return h, true, ErrForeignFile // a folder where a data file should be
	}

	buf := make([]byte, 100)
	n, err := io.ReadFull(f, buf)
	switch {
	case n == 0:
		return h, true, ErrEmptyFile
	case err != nil, !bytes.Equal(buf[:16], sqliteMagic):
		return h, true, ErrForeignFile
	}
	h.userVersion = int(int32(binary.BigEndian.Uint32(buf[60:64])))
	h.applicationID = binary.BigEndian.Uint32(buf[68:72])
	return h, true, nil
}

// existingHeader is readHeader of a file that must be there.
func existingHeader(path string) (fileHeader, error) {
	h, exists, err := readHeader(path)
	if err == nil && !exists {
		err = fmt.Errorf("%s: %w", path, os.ErrNotExist)
	}
	return h, err
}
