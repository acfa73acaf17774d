package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The line breaking goes into Fyne's package as it is, its names prefixed
// and unexported.
func TestIntoWidget(t *testing.T) {
	out, err := intoWidget("../../../drafts/linebreak/linebreak.go")
	if err != nil {
		t.Fatal(err)
	}
	src := string(out)
	for _, want := range []string{"package widget\n", "func qicaoBreak(text []rune, fit int) int", "qicaoBetween(text[k-1], text[k])", "qicaoNoLineStart = "} {
		if !strings.Contains(src, want) {
			t.Errorf("no %q in\n%s", want, src)
		}
	}
	if strings.Contains(src, "package linebreak") || strings.Contains(src, " Break(") {
		t.Errorf("names left as they were:\n%s", src)
	}
}

// A Fyne whose wrapping no longer makes the call replaced is refused, not
// built unpatched.
func TestPatchRefusesAnotherFyne(t *testing.T) {
	path := filepath.Join(t.TempDir(), "richtext.go")
	if err := os.WriteFile(path, []byte("package widget\n\nfunc f() { spaceIndex := findBreak(sub) }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := patchRichText(path); err == nil || !strings.Contains(err.Error(), "look at the patch again") {
		t.Errorf("patched a file without the call: %v", err)
	}
	if err := os.WriteFile(path, []byte("package widget\n\nfunc f() {\n\t"+fyneCall+"\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := patchRichText(path)
	if err != nil || !strings.Contains(string(out), "qicaoBreak(sub, fallback)") {
		t.Errorf("not patched: %v\n%s", err, out)
	}
}
