// Command qicao is an offline assistant for drafting Chinese municipal
// policy documents. With no arguments it opens the window; with a
// sub-command (parse, compare, suggest, draft, …) it works headless.
package main

import (
	"os"

	"qicao/app/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
