package window

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/sergi/go-diff/diffmatchpatch"

	"qicao/drafts/safefile"
)

// TestExportWordAndPDFReadBack exports the example draft from the window
// as .docx and .pdf and reads both back with LibreOffice / pdftotext.
func TestExportWordAndPDFReadBack(t *testing.T) {
	s := editorShell(t)
	name := s.ExportName()
	if !strings.Contains(name, "泰安") || !strings.Contains(name, "版") {
		t.Fatalf("export name %q carries neither title nor version", name)
	}
	dir := t.TempDir()
	docxPath := filepath.Join(dir, name+".docx")
	if err := s.ExportWordTo(docxPath, false); err != nil {
		t.Fatal(err)
	}
	if err := s.ExportWordTo(docxPath, false); !errors.Is(err, safefile.ErrExists) {
		t.Fatalf("second export without force: %v, want ErrExists", err)
	}
	if err := s.ExportWordTo(s.Session.WS.Path(), true); !errors.Is(err, safefile.ErrProtected) {
		t.Fatalf("export onto the database: %v, want ErrProtected", err)
	}
	if testing.Short() {
		t.Skip("LibreOffice read-back skipped in -short mode")
	}
	if _, err := lookOffice(); err != nil {
		t.Skip("LibreOffice not installed (" + OfficePackage + ")")
	}
	pdfPath := filepath.Join(dir, name+".pdf")
	if err := s.ExportPDFTo(pdfPath, false); err != nil {
		t.Fatal(err)
	}
	// The Word file, as LibreOffice reads it, holds every line of the
	// draft; the PDF (pdftotext) all but the punctuation LibreOffice hangs
	// past a line's end, which a PDF's text leaves out (docs/ARCHITECTURE.md).
	lines := draftLines(s.Session.Text)
	word := flat(officeText(t, docxPath))
	for _, l := range lines {
		if !strings.Contains(word, l) {
			t.Errorf("the Word file as LibreOffice reads it lacks %q", l)
		}
	}
	txt, err := exec.Command("pdftotext", pdfPath, "-").Output()
	if err != nil {
		t.Skipf("pdftotext: %v", err)
	}
	share := sharedRunes(strings.Join(lines, ""), flat(string(txt)))
	t.Logf("%d lines of the draft in the Word file; %.2f%% of its characters in the PDF", len(lines), 100*share)
	if share < 0.99 {
		t.Errorf("the PDF's text holds %.1f%% of the draft's characters in order, want 99%%", 100*share)
	}
}

// flat is s without white space.
func flat(s string) string { return strings.Join(strings.Fields(s), "") }

// draftLines are the non-blank lines of text, without white space.
func draftLines(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if l = flat(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// officeText is the text LibreOffice reads from a Word file.
func officeText(t *testing.T, docxPath string) string {
	t.Helper()
	soffice, _ := lookOffice()
	dir := t.TempDir()
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless", "--norestore",
		"--convert-to", "txt:Text (encoded):UTF8", "--outdir", dir, docxPath)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v %s", err, out)
	}
	b, err := os.ReadFile(filepath.Join(dir, strings.TrimSuffix(filepath.Base(docxPath), ".docx")+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// sharedRunes is the share of want's characters found, in order, in got.
func sharedRunes(want, got string) float64 {
	dmp := diffmatchpatch.New()
	a, b := []rune(want), []rune(got)
	same := 0
	for _, d := range dmp.DiffMainRunes(a, b, false) {
		if d.Type == diffmatchpatch.DiffEqual {
			same += len([]rune(d.Text))
		}
	}
	return float64(same) / float64(max(len(a), 1))
}

func TestExportNoOfficeMessage(t *testing.T) {
	s := editorShell(t)
	old := lookOffice
	lookOffice = func() (string, error) { return "", exec.ErrNotFound }
	defer func() { lookOffice = old }()
	err := s.ExportPDFTo(filepath.Join(t.TempDir(), "x.pdf"), false)
	if !errors.Is(err, ErrNoOffice) || !strings.Contains(err.Error(), OfficePackage) {
		t.Fatalf("without LibreOffice: %v", err)
	}
}

// TestWholeTextSelectAllCopy: in 全文, Ctrl+A selects the whole document
// and Ctrl+C puts it on the clipboard (it copied nothing); in the clause
// pane the entry keeps its own Ctrl+A / Ctrl+C.
func TestWholeTextSelectAllCopy(t *testing.T) {
	s := editorShell(t)
	s.App.Clipboard().SetContent("")
	typeShortcut(s, &fyne.ShortcutCopy{})
	if got := s.App.Clipboard().Content(); got != "" {
		t.Fatalf("Ctrl+C with nothing selected copied %.40q", got)
	}
	s.ToggleFullText()
	typeShortcut(s, &fyne.ShortcutSelectAll{})
	typeShortcut(s, &fyne.ShortcutCopy{})
	if got := s.App.Clipboard().Content(); got != s.Session.Text || got == "" {
		t.Fatalf("Ctrl+A, Ctrl+C in 全文 copied %d of %d bytes", len(got), len(s.Session.Text))
	}
	s.ToggleFullText()
	s.App.Clipboard().SetContent("")
	typeShortcut(s, &fyne.ShortcutCopy{})
	if got := s.App.Clipboard().Content(); got != "" {
		t.Errorf("back in the clause pane Ctrl+C still copies the whole text")
	}
}

// TestPrintHandsPDFToLp: Ctrl+P makes the draft's PDF (LibreOffice) and
// hands it to lp under the draft's name, then says so; without lp it
// names the package to install.
func TestPrintHandsPDFToLp(t *testing.T) {
	s := editorShell(t)
	oldLook, oldPrint := lookPrinter, printPDF
	t.Cleanup(func() { lookPrinter, printPDF = oldLook, oldPrint })
	lookPrinter = func() (string, error) { return "", exec.ErrNotFound }
	typeShortcut(s, ctrl(fyne.KeyP))
	if msg := dialogText(s); !strings.Contains(msg, "cups-client") {
		t.Errorf("without lp the window says %q", msg)
	}
	closeDialogs(s)
	if testing.Short() {
		t.Skip("LibreOffice skipped in -short mode")
	}
	if _, err := lookOffice(); err != nil {
		t.Skip("LibreOffice not installed (" + OfficePackage + ")")
	}
	printed := make(chan string, 1)
	lookPrinter = func() (string, error) { return "/usr/bin/lp", nil }
	printPDF = func(lp, path string) error {
		data, err := os.ReadFile(path)
		if err != nil || !strings.HasPrefix(string(data), "%PDF") {
			t.Errorf("lp got no PDF at %s: %v", path, err)
		}
		printed <- filepath.Base(path)
		return nil
	}
	typeShortcut(s, ctrl(fyne.KeyP))
	select {
	case name := <-printed:
		if name != s.ExportName()+".pdf" {
			t.Errorf("printed %q, want the draft's name", name)
		}
	case <-time.After(3 * time.Minute):
		t.Fatal("nothing reached lp")
	}
}

// dialogText is the text of the dialog on top, "" for none.
func dialogText(s *Shell) string {
	top := s.Window.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var b strings.Builder
	for _, o := range test.LaidOutObjects(top) {
		switch o := o.(type) {
		case *widget.Label:
			b.WriteString(o.Text + "\n")
		case *widget.RichText:
			b.WriteString(o.String() + "\n")
		}
	}
	return b.String()
}

// closeDialogs takes every dialog off the window.
func closeDialogs(s *Shell) {
	o := s.Window.Canvas().Overlays()
	for top := o.Top(); top != nil; top = o.Top() {
		o.Remove(top)
	}
}
