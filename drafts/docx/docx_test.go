package docx

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"qicao/drafts"
)

// seedDoc parses a document of the built-in corpus by its number prefix.
func seedDoc(t testing.TB, prefix string) *drafts.Document {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "..", "assets", "corpus", prefix+"_*.txt"))
	if err != nil || len(files) != 1 {
		t.Fatalf("seed %s: %v %v", prefix, files, err)
	}
	b, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	d, err := drafts.Parse(string(b))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// draftDocx writes a seed as a draft .docx in memory.
func draftDocx(t testing.TB, prefix string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteDraft(&buf, seedDoc(t, prefix), Options{}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestWriteDraftSeeds(t *testing.T) {
	for _, p := range []string{"000", "001", "002", "003", "004"} {
		b := draftDocx(t, p)
		if dir := os.Getenv("QICAO_DOCX_OUT"); dir != "" {
			os.WriteFile(filepath.Join(dir, p+".docx"), b, 0o644)
		}
	}
}
