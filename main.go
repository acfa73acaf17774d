// Command qicao is an offline assistant for drafting Chinese municipal
// policy documents. With no arguments it opens the window; with a
// sub-command (parse, compare, suggest, draft, …) it works headless.
package main

import (
	"fmt"
	"os"

	"qicao/app/cli"
	_ "qicao/app/locale" // before Fyne's lang: see its doc
	"qicao/app/window"
)

func main() {
	if len(os.Args) == 1 {
		if err := window.Run(window.Options{}); err != nil {
			fmt.Fprintf(os.Stderr, "qicao：%v\n", err)
			os.Exit(1)
		}
		return
	}
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
