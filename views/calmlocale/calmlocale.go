// Package calmlocale keeps the terminal calm: it reads a C locale as
// Chinese for messages before Fyne looks at it, and leaves two harmless
// lines Fyne logs on every run out of the log (quiet.go).
//
// Under LANG=C.UTF-8 (Debian's default) Fyne's lang package, in its own
// init, logs "Error parsing user locale C" in English on every run, before
// main can do anything. Go initializes packages in the order of their
// import paths (the spec, since Go 1.21) once their imports are ready, so
// this package lives in a module of its own whose path, "calmlocale",
// sorts before "fyne.io/…"; main imports it for its effect.
//
// Only LC_MESSAGES is set, so the encoding and every other category that
// programs started from here inherit stay as they were. The program speaks
// Chinese whatever the locale.
package calmlocale

import (
	"os"
	"strings"
)

func init() {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(k)
		if v == "" {
			continue
		}
		if base, _, _ := strings.Cut(v, "."); base == "C" || base == "POSIX" {
			if k == "LC_ALL" { // LC_ALL would hide LC_MESSAGES
				os.Unsetenv("LC_ALL")
				os.Setenv("LANG", v)
				os.Setenv("LC_CTYPE", v)
			}
			os.Setenv("LC_MESSAGES", "zh_CN.UTF-8")
		}
		return
	}
}
