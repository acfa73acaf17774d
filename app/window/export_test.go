package window

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

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
	txt, err := exec.Command("pdftotext", "-layout", pdfPath, "-").Output()
	if err != nil {
		t.Skipf("pdftotext: %v", err)
	}
	flat := func(s string) string { return strings.Join(strings.Fields(s), "") }
	got := flat(string(txt))
	for _, n := range s.Session.Doc.Nodes[:2] {
		want := flat(outlineText(n))
		if !strings.Contains(got, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
	if fi, err := os.Stat(docxPath); err != nil || fi.Size() == 0 {
		t.Fatal("no docx")
	}
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
