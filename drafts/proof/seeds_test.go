package proof

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"qicao/drafts"
)

var (
	organsOnce sync.Once
	organs     *Organs
)

// seedOrgans builds the organ table from the built-in corpus, as the
// command line does.
func seedOrgans(t testing.TB) *Organs {
	organsOnce.Do(func() {
		files, _ := filepath.Glob("../../assets/corpus/*.txt")
		var docs []*drafts.Document
		for _, f := range files {
			docs = append(docs, parseFile(t, f))
		}
		organs = NewOrgans(docs)
	})
	return organs
}

func parseFile(t testing.TB, path string) *drafts.Document {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := drafts.Parse(string(data))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func seed(t testing.TB, n string) *drafts.Document {
	files, _ := filepath.Glob("../../assets/corpus/" + n + "_*.txt")
	if len(files) != 1 {
		t.Fatalf("seed %s not found", n)
	}
	return parseFile(t, files[0])
}

func parseText(t testing.TB, text string) *drafts.Document {
	t.Helper()
	doc, err := drafts.Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}
