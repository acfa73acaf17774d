// Package cli is Qicao's command-line front end: each sub-command reads
// files or the database, calls the domain packages and prints text or JSON.
package cli

import (
	"fmt"
	"io"
)

// Main runs the command line and returns the process exit code.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "qicao: 尚未实现")
	return 2
}
