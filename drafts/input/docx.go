package input

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
)

// Limits against zip bombs. Declared sizes are checked first, then the
// bytes actually unpacked are counted: declared sizes are not trusted.
const (
	// maxUnzipped caps the bytes unpacked from word/document.xml.
	maxUnzipped = 100 << 20
	// maxRatio caps the compression ratio of an entry over ratioFloor.
	maxRatio = 200
	// ratioFloor is the unpacked size below which the ratio is not checked.
	ratioFloor = 1 << 20
)

// documentPart is the main part of a Word document.
const documentPart = "word/document.xml"

// errZipBomb is returned by bombGuard when a limit is passed.
var errZipBomb = errors.New("zip bomb")

// otherZips name the main parts of other zip-based formats, for a clearer
// message than "not a Word document".
var otherZips = []struct{ part, detail string }{
	{"xl/workbook.xml", detailXLSX},
	{"ppt/presentation.xml", detailPPTX},
}

// decodeDocx extracts the paragraph text of a .docx (or refuses any other
// zip archive).
func decodeDocx(name string, data []byte) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", refuse(name, KindBrokenDocx, "", err)
	}
	if isODT(zr) {
		return viaOffice(name, ".odt", data)
	}
	f, err := mainPart(zr)
	if err == nil && f == nil {
		return "", refuse(name, KindNotWord, notWordDetail(zr), nil)
	}
	if err == nil && declaredBomb(f) {
		err = errZipBomb
	}
	text := ""
	if err == nil {
		text, err = readPart(f)
	}
	switch {
	case errors.Is(err, errZipBomb):
		return "", refuse(name, KindZipBomb, "", err)
	case err != nil:
		return "", refuse(name, KindBrokenDocx, "", err)
	}
	return text, nil
}

// findPart returns the archive's entry named exactly part, or nil. Names
// are compared as written: a decoy WORD/DOCUMENT.XML is not the document.
func findPart(zr *zip.Reader, part string) *zip.File {
	for _, f := range zr.File {
		if f.Name == part {
			return f
		}
	}
	return nil
}

// notWordDetail says what a zip archive without a Word document is.
func notWordDetail(zr *zip.Reader) string {
	for _, o := range otherZips {
		if findPart(zr, o.part) != nil {
			return o.detail
		}
	}
	return "" // the kind's default
}

// declaredBomb reports an entry whose declared sizes pass the limits.
func declaredBomb(f *zip.File) bool { return overLimits(f.UncompressedSize64, f.CompressedSize64) }

// overLimits reports whether unpacking compressed bytes into unpacked ones
// passes maxUnzipped, or maxRatio above ratioFloor.
func overLimits(unpacked, compressed uint64) bool {
	return unpacked > maxUnzipped || (unpacked > ratioFloor && unpacked > maxRatio*max(compressed, 1))
}

// readPart unpacks f, under bombGuard, and extracts its paragraphs.
func readPart(f *zip.File) (string, error) {
	rc, err := f.Open()
	if err != nil {
		return "", err
	}
	defer rc.Close()
	guard := &bombGuard{r: io.LimitReader(rc, maxUnzipped+1), compressed: f.CompressedSize64}
	return paragraphs(guard)
}

// bombGuard counts the bytes unpacked and fails with errZipBomb past
// maxUnzipped or past maxRatio times the compressed size.
type bombGuard struct {
	r          io.Reader
	n          uint64 // bytes read so far
	compressed uint64 // the entry's compressed size
}

// Read reads from the guarded reader.
func (g *bombGuard) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	g.n += uint64(n)
	if overLimits(g.n, g.compressed) {
		return 0, errZipBomb
	}
	return n, err
}
