package input

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

// Legacy Word (.doc), WPS (.wps, the same compound-file format), RTF and
// OpenDocument (.odt) files are converted to .docx by LibreOffice headless,
// when it is installed, and read as .docx, with the same limits. Each
// conversion runs in its own temporary folder with its own LibreOffice
// profile (so it neither touches nor waits for the officer's LibreOffice)
// and is stopped after officeTimeout.

// officeTimeout bounds one conversion; a real document takes seconds.
const officeTimeout = 90 * time.Second

// officePackage names the Debian package that provides soffice.
const officePackage = "libreoffice-writer-nogui"

// lookOffice finds the LibreOffice program; tests replace it.
var lookOffice = func() (string, error) {
	if p, err := exec.LookPath("soffice"); err == nil {
		return p, nil
	}
	return exec.LookPath("libreoffice")
}

// officeFilters are LibreOffice's import filters by extension: the file
// is read in its own format or not at all, never as plain text.
var officeFilters = map[string]string{
	".doc": "MS Word 97", ".dot": "MS Word 97", ".wps": "MS Word 97", ".wpt": "MS Word 97",
	".rtf": "Rich Text Format", ".odt": "writer8",
}

// odtMimetype starts the mimetype entry of an OpenDocument text.
const odtMimetype = "application/vnd.oasis.opendocument.text"

// isODT reports an OpenDocument text (or template) package.
func isODT(zr *zip.Reader) bool {
	f := findPart(zr, "mimetype")
	if f == nil || f.UncompressedSize64 > 100 {
		return false
	}
	rc, err := f.Open()
	if err != nil {
		return false
	}
	defer rc.Close()
	var b bytes.Buffer
	_, _ = b.ReadFrom(rc)
	return bytes.HasPrefix(b.Bytes(), []byte(odtMimetype))
}

// viaOffice converts data (a file of extension ext) to .docx with
// LibreOffice and reads it.
func viaOffice(name, ext string, data []byte) (string, error) {
	soffice, err := lookOffice()
	if err != nil {
		return "", refuse(name, KindNoOffice, "", err)
	}
	docx, err := convertToDocx(soffice, ext, data)
	if err != nil {
		return "", refuse(name, KindConvertFailed, "", err)
	}
	return decodeDocx(name, docx)
}

// errNoOutput is a conversion that ended without writing the .docx.
var errNoOutput = errors.New("LibreOffice wrote no .docx")

// convertToDocx runs soffice --convert-to docx on data in a temporary
// folder and returns the .docx, at most MaxSize bytes.
func convertToDocx(soffice, ext string, data []byte) ([]byte, error) {
	dir, err := os.MkdirTemp("", "qicao-office-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "in"+ext)
	if err := os.WriteFile(in, data, 0o600); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), officeTimeout)
	defer cancel()
	out := filepath.Join(dir, "out")
	cmd := exec.CommandContext(ctx, soffice,
		"-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--norestore", "--nologo", "--nolockcheck",
		"--infilter="+officeFilters[ext], // never the plain-text fallback
		"--convert-to", "docx:MS Word 2007 XML", "--outdir", out, in)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	ownProcessGroup(cmd)
	cmd.WaitDelay = 5 * time.Second
	if msg, err := cmd.CombinedOutput(); err != nil {
		return nil, errors.Join(err, errors.New(string(msg)))
	}
	f, err := os.Open(filepath.Join(out, "in.docx"))
	if err != nil {
		return nil, errNoOutput
	}
	defer f.Close()
	var b bytes.Buffer
	if _, err := b.ReadFrom(io.LimitReader(f, MaxSize+1)); err != nil || b.Len() > MaxSize {
		return nil, errNoOutput
	}
	return b.Bytes(), nil
}
