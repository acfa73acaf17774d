package cli

import (
	"fmt"
	"os"
	"strings"

	"qicao/drafts"
)

// loadedDoc is a document read for a command, with the name it goes by.
type loadedDoc struct {
	Name string // file path or draft:ID@N
	Text string
	Doc  *drafts.Document
}

// loadDocument reads a document named on the command line: a file path, or
// draft:ID@N for version N of a draft in the database (draft:ID for its
// latest version).
func loadDocument(env *Env, ref string) (*loadedDoc, error) {
	if strings.HasPrefix(ref, "draft:") {
		return loadDraftRef(env, ref)
	}
	text, err := readText(ref)
	if err != nil {
		return nil, err
	}
	doc, err := drafts.Parse(text)
	if err != nil {
		return nil, fmt.Errorf("「%s」：%w", ref, err)
	}
	return &loadedDoc{Name: ref, Text: text, Doc: doc}, nil
}

// readText reads and decodes a file into text.
func readText(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("无法读取「%s」：%v", path, err)
	}
	return string(b), nil
}

// loadDraftRef is replaced once the store lands.
func loadDraftRef(env *Env, ref string) (*loadedDoc, error) {
	return nil, fmt.Errorf("尚不支持 %s", ref)
}
