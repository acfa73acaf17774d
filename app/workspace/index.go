package workspace

import (
	"context"
	"sync"

	"qicao/drafts"
	"qicao/templates"
)

// indexState is the stored clause index, opened on first use.
type indexState struct {
	mu    sync.Mutex
	index *templates.StoredBank
}

// Suggester answers suggestion queries: the stored clause index, or the
// clause bank for a store that keeps no index.
type Suggester interface {
	Suggest(q templates.Query) ([]templates.Suggestion, error)
}

// Suggester returns the stored clause index when the store keeps one,
// else the clause bank built in memory.
func (w *Workspace) Suggester() (Suggester, error) {
	if _, ok := w.db.(templates.IndexStore); !ok {
		b, err := w.Bank()
		if err != nil {
			return nil, err
		}
		return memSuggester{b}, nil
	}
	return w.StoredBank()
}

type memSuggester struct{ b *templates.Bank }

func (m memSuggester) Suggest(q templates.Query) ([]templates.Suggestion, error) {
	return m.b.Suggest(q), nil
}

// StoredBank returns the clause index kept in the database, opened on
// first use; documents it lacks (added by an older Qicao, or before the
// index existed) are indexed then. A store that keeps no index has none:
// use Suggester.
func (w *Workspace) StoredBank() (*templates.StoredBank, error) {
	w.index.mu.Lock()
	defer w.index.mu.Unlock()
	if w.index.index != nil {
		return w.index.index, nil
	}
	store, ok := w.db.(templates.IndexStore)
	if !ok {
		return nil, drafts.Errorf(drafts.EInvalid, "此数据库不保存条款索引", "This database keeps no clause index")
	}
	b, err := templates.OpenStoredBank(store, w.loadCorpus)
	if err != nil {
		return nil, err
	}
	w.index.index = b
	return b, nil
}

// loadCorpus reads corpus documents for the bank.
func (w *Workspace) loadCorpus(ids []int64) ([]drafts.CorpusDoc, error) {
	out := make([]drafts.CorpusDoc, 0, len(ids))
	for _, id := range ids {
		d, err := w.db.CorpusDoc(id)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}

// indexAdded adds stored documents to the clause index if it is open;
// one not open indexes them when it is.
func (w *Workspace) indexAdded(docs []drafts.CorpusDoc) error {
	w.index.mu.Lock()
	defer w.index.mu.Unlock()
	if w.index.index == nil {
		return nil
	}
	return w.index.index.Add(docs)
}

// indexRemoved tells an open clause index that documents were removed.
func (w *Workspace) indexRemoved() error {
	w.index.mu.Lock()
	defer w.index.mu.Unlock()
	if w.index.index == nil {
		return nil
	}
	return w.index.index.Refresh()
}

// Gaps lists the measures other cities' documents cover that doc lacks
// (templates.Bank.Gaps): from the stored clause index's topic tables when
// the store keeps one, which reads no document, else from the clause
// bank. ctx cancels it.
func (w *Workspace) Gaps(ctx context.Context, doc *drafts.Document, opts templates.GapOptions) ([]templates.GapGroup, error) {
	if _, ok := w.db.(templates.IndexStore); ok {
		b, err := w.StoredBank()
		if err != nil {
			return nil, err
		}
		return b.Gaps(ctx, doc, opts)
	}
	b, err := w.Bank()
	if err != nil {
		return nil, err
	}
	return b.GapsContext(ctx, doc, opts)
}

// DraftGaps answers the gaps of one draft as it is edited (the window's
// gaps panel asks after every pause in typing).
type DraftGaps struct {
	w       *Workspace
	mu      sync.Mutex
	index   *templates.StoredBank
	tracker *templates.GapTracker
}

// DraftGaps returns a DraftGaps over the workspace's clause index.
func (w *Workspace) DraftGaps() *DraftGaps { return &DraftGaps{w: w} }

// Gaps is Workspace.Gaps of doc. Where the store keeps a clause index it
// works out only what changed since the last call (templates.GapTracker):
// the clauses edited, added or removed, and the index's clauses whose
// coverage they change; the answer is the same.
func (g *DraftGaps) Gaps(ctx context.Context, doc *drafts.Document, opts templates.GapOptions) ([]templates.GapGroup, error) {
	if _, ok := g.w.db.(templates.IndexStore); !ok {
		return g.w.Gaps(ctx, doc, opts)
	}
	b, err := g.w.StoredBank()
	if err != nil {
		return nil, err
	}
	g.mu.Lock()
	if g.index != b {
		g.index, g.tracker = b, b.NewGapTracker()
	}
	t := g.tracker
	g.mu.Unlock()
	return t.Gaps(ctx, doc, opts)
}
