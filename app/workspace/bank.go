package workspace

import (
	"sync"

	"qicao/drafts"
	"qicao/drafts/sqlite"
	"qicao/templates"
)

// bankState is the clause bank built from the corpus in the database,
// made on first use and kept current by AddCorpusDoc and RemoveCorpusDoc.
type bankState struct {
	once sync.Once
	bank *templates.Bank
	err  error
}

// Bank returns the clause bank over every corpus document in the
// database, built on first use.
func (w *Workspace) Bank() (*templates.Bank, error) {
	w.bank.once.Do(func() { w.bank.bank, w.bank.err = w.buildBank() })
	return w.bank.bank, w.bank.err
}

func (w *Workspace) buildBank() (*templates.Bank, error) {
	list, err := w.DB.CorpusDocs()
	if err != nil {
		return nil, err
	}
	docs := make([]templates.CorpusDoc, 0, len(list))
	for _, d := range list {
		full, err := w.DB.CorpusDoc(d.ID)
		if err != nil {
			return nil, err
		}
		docs = append(docs, bankDoc(full))
	}
	return templates.NewBank(docs), nil
}

// bankDoc is a stored corpus document as the bank takes it.
func bankDoc(d sqlite.CorpusDoc) templates.CorpusDoc {
	return templates.CorpusDoc{ID: d.ID, Name: d.Name, Doc: d.Doc}
}

// AddCorpusDoc stores a document in the corpus and adds it to the bank.
func (w *Workspace) AddCorpusDoc(name, text string, doc *drafts.Document) (sqlite.CorpusDoc, error) {
	d, err := w.DB.AddCorpusDoc(name, text, doc, false)
	if err != nil {
		return d, err
	}
	if bank, err := w.Bank(); err == nil {
		d.Doc = doc
		bank.Add(bankDoc(d))
	}
	return d, nil
}

// RemoveCorpusDoc removes a document from the corpus and from the bank.
func (w *Workspace) RemoveCorpusDoc(id int64) error {
	if err := w.DB.RemoveCorpusDoc(id); err != nil {
		return err
	}
	if bank, err := w.Bank(); err == nil {
		bank.Remove(id)
	}
	return nil
}
