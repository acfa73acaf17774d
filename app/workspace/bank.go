package workspace

import (
	"fmt"
	"path/filepath"
	"sync"

	"qicao/drafts"
	"qicao/drafts/input"
	"qicao/drafts/sqlite"
	"qicao/templates"
)

// bankCache holds the clause bank once built.
type bankCache struct {
	mu   sync.Mutex
	bank *templates.Bank
}

// Bank returns the clause bank over the corpus documents of the database,
// built on first use (from the stored parses, a few tens of milliseconds
// for the built-in corpus) and kept current by AddCorpusFile, AddCorpus and
// RemoveCorpus. It is safe to call from any goroutine.
func (w *Workspace) Bank() (*templates.Bank, error) {
	w.bank.mu.Lock()
	defer w.bank.mu.Unlock()
	if w.bank.bank != nil {
		return w.bank.bank, nil
	}
	list, err := w.DB.CorpusDocs()
	if err != nil {
		return nil, err
	}
	srcs := make([]templates.CorpusDoc, 0, len(list))
	for _, d := range list {
		full, err := w.DB.CorpusDoc(d.ID)
		if err != nil {
			return nil, err
		}
		if full.Doc != nil {
			srcs = append(srcs, templates.CorpusDoc{ID: d.ID, Name: d.Name, Doc: full.Doc})
		}
	}
	w.bank.bank = templates.NewBank(srcs)
	return w.bank.bank, nil
}

// AddCorpus stores a parsed document in the corpus under name and adds
// its clauses to the bank if the bank is built.
func (w *Workspace) AddCorpus(name, text string, doc *drafts.Document) (sqlite.CorpusDoc, error) {
	d, err := w.DB.AddCorpusDoc(name, text, doc, false)
	if err != nil {
		return d, err
	}
	w.bank.mu.Lock()
	defer w.bank.mu.Unlock()
	if w.bank.bank != nil {
		w.bank.bank.Add(templates.CorpusDoc{ID: d.ID, Name: d.Name, Doc: doc})
	}
	return d, nil
}

// AddCorpusFile reads, parses and stores a file in the corpus under its
// base name. Unreadable files, files with no numbered clauses and names
// already taken are refused with a Chinese message and nothing stored.
func (w *Workspace) AddCorpusFile(path string) (sqlite.CorpusDoc, error) {
	name := filepath.Base(path)
	text, err := input.ReadFile(path)
	if err != nil {
		return sqlite.CorpusDoc{}, err
	}
	doc, err := drafts.Parse(text)
	if err != nil {
		return sqlite.CorpusDoc{}, fmt.Errorf("「%s」无法解析：%w", name, err)
	}
	if len(doc.Clauses()) == 0 {
		return sqlite.CorpusDoc{}, fmt.Errorf("「%s」中没有找到编号条款，未加入参考文件库", name)
	}
	return w.AddCorpus(name, text, doc)
}

// RemoveCorpus removes a corpus document from the database and the bank.
func (w *Workspace) RemoveCorpus(id int64) error {
	if err := w.DB.RemoveCorpusDoc(id); err != nil {
		return err
	}
	w.bank.mu.Lock()
	defer w.bank.mu.Unlock()
	if w.bank.bank != nil {
		w.bank.bank.Remove(id)
	}
	return nil
}
