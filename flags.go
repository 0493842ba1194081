package main

import (
	"flag"
	"strings"
)

// parseFlags parses the flags of one subcommand wherever they stand among its
// positional arguments, which it returns.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var words []string
	for rest := args; ; {
		if err := fs.Parse(rest); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return words, nil
		}
		words = append(words, fs.Arg(0))
		rest = fs.Args()[1:]
	}
}

// positional picks the positional arguments out of a command line before
// the subcommand, and so its flags, is known: takesValue says whether a
// flag of some subcommand takes the next argument as its value.
func positional(args []string, takesValue func(name string) bool) []string {
	var words []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch name, isFlag := flagName(a); {
		case a == "--":
			return append(words, args[i+1:]...)
		case !isFlag:
			words = append(words, a)
		case !strings.Contains(a, "=") && takesValue(name):
			i++
		}
	}
	return words
}

// unknownFlag returns the first flag on the command line that fs does not
// define, as it was written ("--dry-run"), or "".
func unknownFlag(args []string, fs *flag.FlagSet) string {
	for i := 0; i < len(args); i++ {
		a := args[i]
		name, isFlag := flagName(a)
		switch {
		case a == "--":
			return ""
		case !isFlag:
		case name == "h" || name == "help":
		case fs.Lookup(name) == nil:
			shown, _, _ := strings.Cut(a, "=")
			return shown
		case !strings.Contains(a, "=") && flagTakesValue(fs, name):
			i++
		}
	}
	return ""
}

// flagName is the name of a flag argument ("--out=x" → "out").
func flagName(a string) (string, bool) {
	if len(a) < 2 || a[0] != '-' || a == "--" {
		return "", false
	}
	name := strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-")
	name, _, _ = strings.Cut(name, "=")
	return name, true
}

// flagTakesValue says whether fs has a flag name that is not a switch.
func flagTakesValue(fs *flag.FlagSet, name string) bool {
	f := fs.Lookup(name)
	if f == nil {
		return false
	}
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return !ok || !b.IsBoolFlag()
}

// flagError says in Chinese what the flag package found wrong.
func flagError(err error) string {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return "-" + name + " 后面要写一个值"
	}
	return msg
}
