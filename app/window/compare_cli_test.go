package window

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"qicao/app/cli"
)

// The window's HTML and Word exports are the files qicao compare writes
// for the same pair and the same 标点差异 (--strict) setting: the kinds,
// counts and marks alike, only the sources' names and the time differ.
// The second pair differs in one comma only, which --strict counts as a
// change: the window must too, in its summary and in its exports.
func TestCompareExportsEqualCLI(t *testing.T) {
	s, cv := openCompare(t)
	dir := t.TempDir()
	v2, err := s.Session.WS.Version(1, 2)
	if err != nil {
		t.Fatal(err)
	}
	i := strings.LastIndex(v2.Text, ",") // in the last clause; the example has half-width commas
	if i < 0 {
		t.Fatal("no comma in the example's version 2")
	}
	working := v2.Text[:i] + "，" + v2.Text[i+1:]
	workFile := filepath.Join(dir, "working.txt")
	if err := os.WriteFile(workFile, []byte(working), 0o644); err != nil {
		t.Fatal(err)
	}
	s.SetText(working)
	exportsEqualCLI(t, s, cv, "draft:1@1", "draft:1@2")
	cv.oldSel.SetSelectedIndex(1) // 第 2 版
	cv.newSel.SetSelectedIndex(2) // 工作稿
	unchanged := map[bool]int{}
	for _, strict := range []bool{false, true} {
		cv.SetShowForm(strict)
		settle(cv)
		unchanged[strict] = cv.c.Summary.Unchanged
	}
	if unchanged[false] != unchanged[true]+1 {
		t.Fatalf("a comma changed: %d pairs unchanged without 标点差异, %d with (want one fewer)", unchanged[false], unchanged[true])
	}
	exportsEqualCLI(t, s, cv, "draft:1@2", workFile)
}

// exportsEqualCLI holds the window's exports of the pair shown to
// qicao compare OLD NEW, without and with 标点差异.
func exportsEqualCLI(t *testing.T, s *Shell, cv *CompareView, old, new string) {
	t.Helper()
	for _, strict := range []bool{false, true} {
		cv.SetShowForm(strict)
		settle(cv)
		if cv.strict != strict || cv.oldName == "" {
			t.Fatalf("标点差异 %v: the comparison shown was made with strict %v", strict, cv.strict)
		}
		names := strings.NewReplacer(cv.oldName, "OLD", cv.newName, "NEW", old, "OLD", new, "NEW")
		dir := t.TempDir()
		args := []string{"--db", s.Session.WS.Path(), "--read-only", "compare", "--html", filepath.Join(dir, "c.html"),
			"--docx", filepath.Join(dir, "c.docx"), "--table", filepath.Join(dir, "t.docx"), old, new}
		if strict {
			args = append(args, "--strict")
		}
		var stderr bytes.Buffer
		if code := cli.Main(args, strings.NewReader(""), io.Discard, &stderr); code != 0 {
			t.Fatalf("qicao %s: exit %d: %s", strings.Join(args, " "), code, stderr.String())
		}
		for _, f := range []struct {
			file  string
			write func(io.Writer) error
		}{{"c.html", cv.ExportHTML}, {"c.docx", cv.ExportDocx}, {"t.docx", cv.ExportTable}} {
			want, err := os.ReadFile(filepath.Join(dir, f.file))
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := f.write(&got); err != nil {
				t.Fatal(err)
			}
			if g, w := exportParts(t, got.Bytes(), names), exportParts(t, want, names); g != w {
				t.Errorf("%s → %s, 标点差异 %v: the window's %s differs from qicao compare's (%d bytes against %d)",
					old, new, strict, f.file, len(g), len(w))
			}
		}
	}
}

var exportTime = regexp.MustCompile(`\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d)?Z?`)

// exportParts is an export's text with names and times normalised: the
// page of an HTML report, or every part of a .docx in order.
func exportParts(t *testing.T, b []byte, names *strings.Replacer) string {
	t.Helper()
	if !bytes.HasPrefix(b, []byte("PK")) {
		return exportTime.ReplaceAllString(names.Replace(string(b)), "TIME")
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		part, _ := io.ReadAll(rc)
		rc.Close()
		out.WriteString(f.Name + "\n" + exportTime.ReplaceAllString(names.Replace(string(part)), "TIME") + "\n")
	}
	return out.String()
}
