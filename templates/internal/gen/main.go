// Command gen draws the built-in templates from the embedded corpus and
// writes them to builtin.json in the current directory (the templates
// package, under go generate).
package main

import (
	"fmt"
	"os"

	"qicao/templates"
)

func main() {
	f, err := templates.GenerateBuiltin(templates.CorpusSources())
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	data, err := templates.EncodeBuiltin(f)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	if err := os.WriteFile("builtin.json", data, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	fmt.Printf("gen: %d templates, %s\n", len(f.Templates), f.Version)
}
