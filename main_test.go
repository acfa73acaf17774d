package main

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// qicao FILE and qicao FILE1 FILE2 open the window comparing them; a
// sub-command, a missing file or a flag keep the command line.
func TestWindowFiles(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	for _, f := range []string{a, b} {
		if err := os.WriteFile(f, []byte("一、总则\n"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	if err := os.WriteFile("compare", nil, 0o600); err != nil { // a file named like a sub-command
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args   []string
		window bool
	}{
		{nil, true},
		{[]string{a}, true},
		{[]string{a, b}, true},
		{[]string{a, b, a}, false},
		{[]string{"compare", a}, false},
		{[]string{"help"}, false},
		{[]string{filepath.Join(dir, "missing.txt")}, false},
		{[]string{dir}, false},
		{[]string{"--db", a}, false},
	} {
		files, ok := windowFiles(tc.args)
		if ok != tc.window || ok && !slices.Equal(files, tc.args) {
			t.Errorf("windowFiles(%q) = %q, %v, want the window: %v", tc.args, files, ok, tc.window)
		}
	}
}
