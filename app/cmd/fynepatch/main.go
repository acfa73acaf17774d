// Command fynepatch writes a copy of the Fyne module whose text entry
// breaks Chinese lines with 避头尾, and a go.work that builds Qicao with
// it: Fyne 2.7 wraps a line of Chinese at any character
// (widget/richtext.go breaks only at unicode.IsSpace), so the clause
// pane's lines began with ，。、. The copy replaces that one call with
// drafts/linebreak.Break, compiled into Fyne's widget package from the
// same source (identifiers prefixed, package renamed), and leaves the rest
// of Fyne as it is. (A build overlay cannot do it: the go command refuses
// to overlay files in the module cache.)
//
//	go run ./app/cmd/fynepatch -o bin/fyne   (make does it)
//	export GOWORK=$PWD/bin/fyne/go.work
//
// It fails, saying so, when the Fyne in go.mod no longer has the line it
// replaces: the patch is then to be looked at again, never dropped
// silently. See docs/ARCHITECTURE.md.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// The call Fyne's word wrapping makes to find where a line ends, and
// what it becomes.
const (
	fyneCall = "spaceIndex := findSpaceIndex(sub, fallback)"
	ourCall  = "spaceIndex := qicaoBreak(sub, fallback) // Qicao: 避头尾 (app/cmd/fynepatch)"
)

func main() {
	out := flag.String("o", "bin/fyne", "folder to write the patched module and go.work into")
	src := flag.String("src", "drafts/linebreak/linebreak.go", "the line-breaking source compiled into Fyne")
	flag.Parse()
	if err := run(*out, *src); err != nil {
		fmt.Fprintln(os.Stderr, "fynepatch:", err)
		os.Exit(1)
	}
}

// run copies the Fyne module go.mod requires into out/<version>, patches
// it and writes out/go.work, which uses the module in the current folder
// with Fyne replaced by the copy.
func run(out, src string) error {
	fyne, err := module("fyne.io/fyne/v2")
	if err != nil {
		return err
	}
	main, err := os.Getwd()
	if err != nil {
		return err
	}
	if out, err = filepath.Abs(out); err != nil {
		return err
	}
	dir := filepath.Join(out, "fyne-"+fyne.Version)
	patched, err := patchRichText(filepath.Join(fyne.Dir, "widget", "richtext.go"))
	if err != nil {
		return err
	}
	breaker, err := intoWidget(src)
	if err != nil {
		return err
	}
	if err := copyTree(fyne.Dir, dir, "widget/richtext.go"); err != nil {
		return err
	}
	if err := writeIfChanged(filepath.Join(dir, "widget", "richtext.go"), patched); err != nil {
		return err
	}
	if err := writeIfChanged(filepath.Join(dir, "widget", "qicao_linebreak.go"), breaker); err != nil {
		return err
	}
	work := fmt.Sprintf("// Written by app/cmd/fynepatch: Qicao with Fyne's entry breaking Chinese lines (避头尾).\n"+
		"go %s\n\nuse %s\n\nreplace fyne.io/fyne/v2 %s => %s\n", goVersion(main), main, fyne.Version, dir)
	return writeIfChanged(filepath.Join(out, "go.work"), []byte(work))
}

// goVersion returns the go line of the main module's go.mod.
func goVersion(main string) string {
	data, err := os.ReadFile(filepath.Join(main, "go.mod"))
	if err == nil {
		for _, l := range strings.Split(string(data), "\n") {
			if v, ok := strings.CutPrefix(strings.TrimSpace(l), "go "); ok {
				return v
			}
		}
	}
	return "1.26.0"
}

// copyTree copies the files of from into to that are not there already
// with the same size (the module cache's files never change), writable;
// except, a file written afterwards.
func copyTree(from, to, except string) error {
	return filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, path)
		if filepath.ToSlash(rel) == except {
			return nil
		}
		target := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if t, err := os.Stat(target); err == nil && t.Size() == info.Size() {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

// writeIfChanged writes data to path unless path holds it already (so
// that the build cache sees nothing new).
func writeIfChanged(path string, data []byte) error {
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		return nil
	}
	return os.WriteFile(path, data, 0o644)
}

// downloaded is a module as `go mod download -json` describes it.
type downloaded struct{ Dir, Version, Error string }

// module returns where the go command keeps module path's source (the
// version go.mod requires), downloading it if need be.
func module(path string) (downloaded, error) {
	cmd := exec.Command("go", "mod", "download", "-json", path)
	cmd.Env = append(os.Environ(), "GOWORK=off") // go.mod's version, not a go.work's
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	var m downloaded
	data, err := cmd.Output()
	if err != nil {
		return m, fmt.Errorf("go mod download %s: %v %s", path, err, stderr.String())
	}
	if err := json.Unmarshal(data, &m); err != nil {
		return m, err
	}
	if m.Error != "" || m.Dir == "" {
		return m, fmt.Errorf("go mod download %s: %s", path, m.Error)
	}
	return m, nil
}

// patchRichText returns Fyne's richtext.go with its word wrapping's call
// replaced.
func patchRichText(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	text := string(data)
	if n := strings.Count(text, fyneCall); n != 1 {
		return nil, fmt.Errorf("%s holds %q %d times, not once: this Fyne wraps text differently; look at the patch again", path, fyneCall, n)
	}
	return []byte(generated(path) + strings.Replace(text, fyneCall, ourCall, 1)), nil
}

// intoWidget returns the Go file src as a file of Fyne's package widget:
// its top-level names prefixed with qicao and unexported.
func intoWidget(src string) ([]byte, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, src, nil, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	for _, imp := range f.Imports {
		if p := strings.Trim(imp.Path.Value, `"`); strings.Contains(p, ".") || strings.Contains(p, "/") {
			return nil, fmt.Errorf("%s imports %s: only the standard library can go into Fyne", src, p)
		}
	}
	names := map[string]string{}
	for _, obj := range f.Scope.Objects {
		names[obj.Name] = "qicao" + strings.ToUpper(obj.Name[:1]) + obj.Name[1:]
	}
	if len(names) == 0 {
		return nil, errors.New(src + " declares nothing")
	}
	ast.Inspect(f, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if to, ok := names[id.Name]; ok && id.Obj != nil {
				id.Name = to
			}
		}
		return true
	})
	f.Name.Name = "widget"
	f.Doc = nil
	var b bytes.Buffer
	if err := format.Node(&b, fset, f); err != nil {
		return nil, err
	}
	// The package's doc comment stays out of Fyne's package.
	body := b.String()
	if i := strings.Index(body, "package widget"); i > 0 {
		body = body[i:]
	}
	return []byte(generated(src) + body), nil
}

func generated(from string) string {
	return "// Code generated by qicao's app/cmd/fynepatch from " + filepath.ToSlash(from) + "; DO NOT EDIT.\n\n"
}
