// Command qicao is an offline assistant for drafting Chinese municipal
// policy documents. With no arguments it opens the window; with a
// sub-command (parse, compare, suggest, draft, …) it works headless.
package main

import (
	"fmt"
	"os"

	"qicao/app"
	"qicao/app/cli"
	_ "qicao/app/locale" // before Fyne's lang: see its doc
)

func main() {
	if len(os.Args) == 1 {
		if err := app.Run(app.Options{}); err != nil {
			fmt.Fprintf(os.Stderr, "qicao：%v\n", err)
			os.Exit(1)
		}
		return
	}
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
