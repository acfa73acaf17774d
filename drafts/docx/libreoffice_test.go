package docx

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"qicao/assets"
	"qicao/drafts"
)

// The integration tests open every .docx written for the 泰安 pair (000
// the draft for comments, 002 the issued text) in LibreOffice: as text,
// with all changes accepted and rejected, and as PDF measured for the
// GB/T 9704 grid. They skip, saying why, only when LibreOffice is not
// installed (make test installs it: libreoffice-writer-nogui, python3-uno).

// office drives a headless LibreOffice with its own profile and fonts.
type office struct {
	soffice   string
	profile   string // -env:UserInstallation URL
	fontsConf string // FONTCONFIG_FILE: the app's embedded CJK faces
}

func newOffice(t *testing.T) *office {
	t.Helper()
	if testing.Short() {
		t.Skip("LibreOffice tests skipped in -short mode")
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) is not installed: `make test` installs libreoffice-writer-nogui; skipping the .docx integration tests")
	}
	dir := t.TempDir()
	o := &office{soffice: soffice, profile: "file://" + filepath.Join(dir, "profile")}
	o.fontsConf = writeFontsConf(t, dir, cjkFonts(t, dir))
	return o
}

// run runs soffice headless with the test's profile and fonts.
func (o *office) command(ctx context.Context, args ...string) *exec.Cmd {
	args = append([]string{"-env:UserInstallation=" + o.profile, "--headless", "--norestore"}, args...)
	cmd := exec.CommandContext(ctx, o.soffice, args...)
	cmd.Env = os.Environ()
	if o.fontsConf != "" {
		cmd.Env = append(cmd.Env, "FONTCONFIG_FILE="+o.fontsConf)
	}
	return cmd
}

// convert converts files into dir, e.g. to "pdf" or "txt:Text (encoded):UTF8".
func (o *office) convert(t *testing.T, format, dir string, files ...string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := o.command(ctx, append([]string{"--convert-to", format, "--outdir", dir}, files...)...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice --convert-to %s: %v\n%s", format, err, out)
	}
}

// resolveAll accepts or rejects all tracked changes of files through
// LibreOffice's UNO API (testdata/lo_revisions.py) and saves each as
// text; jobs are triples action, in.docx, out.txt.
func (o *office) resolveAll(t *testing.T, jobs ...string) {
	t.Helper()
	py := "/usr/bin/python3"
	if err := exec.Command(py, "-c", "import uno").Run(); err != nil {
		t.Skip("python3-uno is not installed (make test installs it); skipping accept/reject round trips")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	pipe := fmt.Sprintf("qicao-docx-%d", os.Getpid())
	server := o.command(ctx, "--accept=pipe,name="+pipe+";urp;", "--nologo", "--nodefault")
	if err := server.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = server.Process.Kill(); _ = server.Wait() }()
	script, _ := filepath.Abs(filepath.Join("testdata", "lo_revisions.py"))
	cmd := exec.CommandContext(ctx, py, append([]string{script, pipe}, jobs...)...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("lo_revisions.py: %v\n%s", err, out)
	}
}

// cjkFonts writes the app's own embedded CJK faces (a subset of Noto Sans
// CJK SC covering every character of the corpus, assets/fonts) into a
// directory of the test for LibreOffice to render with. They are the same
// bytes on every machine, so the layout measured does not depend on which
// fonts-noto-cjk a Debian release ships, on a download, or on anything an
// earlier run left in a cache. A CJK face's advance is 1 em whatever its
// design, so the 28-character line and the 22-line grid measure the same
// as with the 仿宋 and 小标宋 faces an office has.
func cjkFonts(t *testing.T, tmp string) string {
	dir := filepath.Join(tmp, "fonts")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, b := range map[string][]byte{"QicaoCJK-Regular.otf": assets.FontRegular(), "QicaoCJK-Bold.otf": assets.FontBold()} {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// writeFontsConf writes a fontconfig file adding the fonts in dir and
// mapping every official face (宋, 仿宋, 楷, 黑) to them.
func writeFontsConf(t *testing.T, tmp, fonts string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>` +
		`<include ignore_missing="yes">/etc/fonts/fonts.conf</include>`)
	fmt.Fprintf(&b, "<dir>%s</dir><cachedir>%s</cachedir>", fonts, filepath.Join(tmp, "fc-cache"))
	for _, f := range []string{fontTitle, fontBody, fontHeading1, fontHeading2, fontPageNum, "仿宋", "楷体"} {
		fmt.Fprintf(&b, `<alias binding="same"><family>%s</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>`, f)
	}
	b.WriteString("</fontconfig>")
	path := filepath.Join(tmp, "fonts.conf")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// textParagraphs reads a text file LibreOffice saved: its non-empty
// lines, the byte-order mark dropped.
func textParagraphs(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range strings.Split(strings.TrimPrefix(string(b), "\ufeff"), "\n") {
		if l = strings.TrimRight(l, "\r"); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// taianFiles writes every .docx of the 泰安 pair into dir and returns
// their paths by name.
func taianFiles(t *testing.T, dir string) map[string]string {
	old, new := taianPair(t)
	cDefault := drafts.Compare(old, new, drafts.CompareOptions{})
	cStrict := drafts.Compare(old, new, drafts.CompareOptions{Strict: true})
	when := time.Date(2024, 8, 15, 9, 0, 0, 0, time.UTC)
	writers := map[string]func(*bytes.Buffer) error{
		"draft-000": func(b *bytes.Buffer) error { return WriteDraft(b, old, Options{}) },
		"draft-002": func(b *bytes.Buffer) error { return WriteDraft(b, new, Options{}) },
		"tracked": func(b *bytes.Buffer) error {
			return WriteComparison(b, old, new, cDefault, Options{Time: when})
		},
		"tracked-strict": func(b *bytes.Buffer) error {
			return WriteComparison(b, old, new, cStrict, Options{Time: when, Strict: true})
		},
		"table": func(b *bytes.Buffer) error { return WriteTable(b, cDefault, Options{Time: when}) },
	}
	paths := map[string]string{}
	for name, write := range writers {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			t.Fatal(err)
		}
		paths[name] = filepath.Join(dir, name+".docx")
		if err := os.WriteFile(paths[name], buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return paths
}

func TestLibreOffice(t *testing.T) {
	o := newOffice(t)
	dir := t.TempDir()
	files := taianFiles(t, dir)
	var all []string
	for _, p := range files {
		all = append(all, p)
	}
	o.convert(t, "txt:Text (encoded):UTF8", dir, all...)
	txt := func(name string) []string { return textParagraphs(t, filepath.Join(dir, name+".txt")) }
	old, new := taianPair(t)

	t.Run("draft text", func(t *testing.T) {
		assertLines(t, "000", txt("draft-000"), versionText(old))
		want := append([]string{new.Issuers[0] + "文件"}, versionText(new)...)
		assertLines(t, "002", txt("draft-002"), want)
	})
	t.Run("table text", func(t *testing.T) { checkTableText(t, txt("table"), new) })
	t.Run("accept and reject", func(t *testing.T) { checkRoundTrips(t, o, dir, files, old, new) })
	t.Run("layout", func(t *testing.T) { checkLayout(t, o, dir, files) })
}

// checkTableText checks the table as LibreOffice reads it: the heading,
// the column heads, each kind of change in the notes, and the new text
// of every clause of the new version that changed.
func checkTableText(t *testing.T, got []string, new *drafts.Document) {
	text := strings.Join(got, "\n")
	for _, want := range []string{new.Title, "修改对照表", "修改前", "修改后", "修改说明", "合并", "拆分", "新增", "删除", "修改"} {
		if !strings.Contains(text, want) {
			t.Errorf("table text lacks %q", want)
		}
	}
	for _, n := range nodeList(new) {
		if !strings.Contains(text, n.Heading) {
			t.Errorf("table text lacks the heading %q", n.Heading)
		}
	}
}

// checkRoundTrips accepts and rejects all changes in LibreOffice: strict,
// accepting gives the new text and rejecting the old, paragraph by
// paragraph; by default accepting gives the new text and rejecting the old
// up to the changes of form left unmarked.
func checkRoundTrips(t *testing.T, o *office, dir string, files map[string]string, old, new *drafts.Document) {
	out := func(name string) string { return filepath.Join(dir, name+".txt") }
	o.resolveAll(t,
		"accept", files["tracked-strict"], out("strict-accepted"),
		"reject", files["tracked-strict"], out("strict-rejected"),
		"accept", files["tracked"], out("accepted"),
		"reject", files["tracked"], out("rejected"))
	assertLines(t, "strict, accept all", textParagraphs(t, out("strict-accepted")), versionText(new))
	assertLines(t, "strict, reject all", textParagraphs(t, out("strict-rejected")), versionText(old))
	assertLines(t, "default, accept all", textParagraphs(t, out("accepted")), versionText(new))
	assertLinesUpToForm(t, "default, reject all", textParagraphs(t, out("rejected")), versionText(old))
}
