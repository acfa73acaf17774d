// Command qicao is an offline assistant for drafting Chinese municipal
// policy documents. With no arguments it opens the window; with one or
// two files it opens the window comparing them (one file against the open
// draft's working text, two against each other); with a sub-command
// (parse, compare, suggest, draft, …) it works headless.
package main

import (
	"os"

	"qicao/app/cli"
	_ "qicao/app/locale" // before Fyne's lang: see its doc
	"qicao/app/window"
)

func main() {
	if files, ok := windowFiles(os.Args[1:]); ok {
		if err := window.Run(window.Options{Compare: files}); err != nil {
			cli.PrintError(os.Stderr, "qicao", err)
			os.Exit(1)
		}
		return
	}
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// windowFiles reports whether args open the window: none, or one or two
// files that exist and are not named like a sub-command; files are the
// ones to compare.
func windowFiles(args []string) (files []string, ok bool) {
	if len(args) > 2 || len(args) > 0 && cli.IsCommand(args[0]) {
		return nil, false
	}
	for _, a := range args {
		if fi, err := os.Stat(a); err != nil || !fi.Mode().IsRegular() {
			return nil, false
		}
	}
	return args, true
}
