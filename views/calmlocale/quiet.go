package calmlocale

import (
	"bytes"
	"io"
	"log"
	"os"
	"sync"
)

// Fyne logs two harmless things in English on the terminal of every run:
//
//   - "Preferences load error: EOF": its own watcher reads preferences.json
//     back while Fyne itself is rewriting it (the file is truncated before
//     Fyne marks the save as its own); the next read finds it whole.
//   - "Getting favorite locations … does not define a VIDEOS folder": the
//     file dialog asks xdg-user-dir for folders a teacher's computer need
//     not have, and shows the others anyway.
//
// A teacher can do nothing about either, so they are left out; every other
// line, Fyne's or ours, reaches the terminal as written.
var noise = []struct{ reason, cause string }{
	{"Preferences load error:", "Cause: EOF"},
	{"Getting favorite locations", "does not define a "},
}

func init() { log.SetOutput(newQuiet(os.Stderr)) }

// quiet passes log lines to w except the noise above. Fyne's LogError
// writes a reason line, a "  Cause:" line and an "  At:" line, one log
// call each: a noisy reason is held until its cause says whether to drop
// the three of them.
type quiet struct {
	mu     sync.Mutex
	w      io.Writer
	held   []byte // a reason line whose cause is still to come
	cause  string // the cause that makes it noise
	skipAt bool   // drop the next "  At:" line
}

func newQuiet(w io.Writer) *quiet { return &quiet{w: w} }

func (q *quiet) Write(p []byte) (int, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.skipAt {
		q.skipAt = false
		if bytes.Contains(p, []byte("  At: ")) {
			return len(p), nil
		}
	}
	if q.held != nil {
		held, cause := q.held, q.cause
		q.held = nil
		if bytes.Contains(p, []byte(cause)) {
			q.skipAt = true
			return len(p), nil
		}
		if _, err := q.w.Write(held); err != nil {
			return 0, err
		}
	}
	for _, n := range noise {
		if bytes.Contains(p, []byte("Fyne error: ")) && bytes.Contains(p, []byte(n.reason)) {
			q.held, q.cause = append([]byte(nil), p...), n.cause
			return len(p), nil
		}
	}
	return q.w.Write(p)
}
