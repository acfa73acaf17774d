package workspace

import (
	"path/filepath"
	"strings"
	"testing"

	"qicao/drafts"
)

// The corpus import's refusals are in both languages, with a code.
func TestCorpusRefusalsInEnglish(t *testing.T) {
	doc, err := drafts.Parse("一段没有编号的文字。\n")
	if err != nil {
		t.Fatal(err)
	}
	err = CheckCorpusDoc("x.txt", doc)
	if drafts.ErrorCode(err) != drafts.EInvalid || !strings.Contains(err.Error(), "未加入参考文件库") ||
		drafts.Message(err, true) != "no numbered clauses found in “x.txt”; not added to the corpus" {
		t.Errorf("no clauses: %v / %q", err, drafts.Message(err, true))
	}
	missing := filepath.Join(t.TempDir(), "missing")
	_, err = CorpusFiles([]string{missing})
	if drafts.ErrorCode(err) != drafts.ENotFound || !strings.HasPrefix(drafts.Message(err, true), "Cannot read “"+missing+"”") {
		t.Errorf("missing: %v / %q", err, drafts.Message(err, true))
	}
}
