package workspace

import (
	"sync"

	"qicao/drafts"
	"qicao/templates"
)

// bankState is the clause bank built from the corpus in the database,
// made on first use and kept current by AddCorpusDoc and RemoveCorpusDoc.
// mu is held while the bank is built, so a change made meanwhile waits
// for it and then updates it.
type bankState struct {
	mu    sync.Mutex
	built bool
	bank  *templates.Bank
	err   error
}

// Bank returns the clause bank over every corpus document in the
// database, built on first use.
func (w *Workspace) Bank() (*templates.Bank, error) {
	w.bank.mu.Lock()
	defer w.bank.mu.Unlock()
	if !w.bank.built {
		w.bank.bank, w.bank.err = w.buildBank()
		w.bank.built = true
	}
	return w.bank.bank, w.bank.err
}

// builtBank returns the bank if it has been built, else nil: a bank not
// built yet will read a change from the database when it is, and need not
// be built to take it.
func (w *Workspace) builtBank() *templates.Bank {
	w.bank.mu.Lock()
	defer w.bank.mu.Unlock()
	if !w.bank.built || w.bank.err != nil {
		return nil
	}
	return w.bank.bank
}

// BankBuilt reports whether the clause bank has been built in memory: on
// a store that keeps the clause index, suggestions and gaps never need it
// (tests hold the window to that).
func (w *Workspace) BankBuilt() bool { return w.builtBank() != nil }

// clauseStore is a store that reads every corpus clause, with its stored
// topics, in one query (the SQLite store; the PostgreSQL store parses
// the documents instead).
type clauseStore interface {
	IndexedClauses() ([]templates.BankClause, error)
}

func (w *Workspace) buildBank() (*templates.Bank, error) {
	if cs, ok := w.db.(clauseStore); ok {
		all, err := cs.IndexedClauses()
		if err != nil {
			return nil, err
		}
		return templates.NewBankClauses(all), nil
	}
	list, err := w.db.CorpusDocs()
	if err != nil {
		return nil, err
	}
	docs := make([]drafts.CorpusDoc, 0, len(list))
	for _, d := range list {
		full, err := w.db.CorpusDoc(d.ID)
		if err != nil {
			return nil, err
		}
		docs = append(docs, full)
	}
	return templates.NewBank(docs), nil
}

// AddCorpusDoc stores a document in the corpus and adds it to the bank.
func (w *Workspace) AddCorpusDoc(name, text string, doc *drafts.Document) (drafts.CorpusDoc, error) {
	d, err := w.db.AddCorpusDoc(name, text, doc, false)
	if err != nil {
		return d, err
	}
	d.Doc = doc
	if bank := w.builtBank(); bank != nil {
		bank.Add(d)
	}
	return d, w.indexAdded([]drafts.CorpusDoc{d})
}

// RemoveCorpusDoc removes a document from the corpus and from the bank.
func (w *Workspace) RemoveCorpusDoc(id int64) error {
	if err := w.db.RemoveCorpusDoc(id); err != nil {
		return err
	}
	if bank := w.builtBank(); bank != nil {
		bank.Remove(id)
	}
	return w.indexRemoved()
}
