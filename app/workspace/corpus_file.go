package workspace

import (
	"fmt"
	"path/filepath"

	"qicao/drafts"
	"qicao/drafts/input"
)

// AddCorpusFile reads, parses and stores a file in the corpus under its
// base name, and adds it to the bank. Unreadable files, files with no
// numbered clauses and names already taken are refused with a Chinese
// message, and nothing is stored; so is a file whose normalised text is
// that of a document already in the corpus.
func (w *Workspace) AddCorpusFile(path string) (drafts.CorpusDoc, error) {
	name := filepath.Base(path)
	text, err := input.ReadFile(path)
	if err != nil {
		return drafts.CorpusDoc{}, err
	}
	doc, err := drafts.Parse(text)
	if err != nil {
		return drafts.CorpusDoc{}, &drafts.Error{Code: drafts.EInvalid, Err: err,
			Message: fmt.Sprintf("「%s」无法解析：%v", name, err),
			English: fmt.Sprintf("“%s” cannot be parsed: %s", name, drafts.Message(err, true))}
	}
	if err := CheckCorpusDoc(name, doc); err != nil {
		return drafts.CorpusDoc{}, err
	}
	if d, ok, err := w.CorpusDocByText(text); err != nil {
		return drafts.CorpusDoc{}, err
	} else if ok {
		return drafts.CorpusDoc{}, drafts.Errorf(drafts.EInvalid,
			fmt.Sprintf("「%s」与参考文件库中的「%s」（编号 %d）内容相同，未重复加入", name, d.Name, d.ID),
			fmt.Sprintf("“%s” has the same text as “%s” (corpus:%d) in the corpus; not added again", name, d.Name, d.ID))
	}
	return w.AddCorpusDoc(name, text, doc)
}

// CheckCorpusDoc refuses a document for the corpus, named name in the
// message, when it has no numbered clauses to offer.
func CheckCorpusDoc(name string, doc *drafts.Document) error {
	if len(doc.Clauses()) == 0 {
		return drafts.Errorf(drafts.EInvalid,
			fmt.Sprintf("「%s」中没有找到编号条款，未加入参考文件库", name),
			fmt.Sprintf("no numbered clauses found in “%s”; not added to the corpus", name))
	}
	return nil
}
