package templates

import (
	"runtime"
	"strings"
	"sync"

	"qicao/drafts"
	"qicao/drafts/norm"
)

// BankClause is one clause of the clause bank with where it comes from.
type BankClause struct {
	SourceID int64  `json:"source_id"`
	Source   string `json:"source"` // the source's name, e.g. its file name
	City     string `json:"city"`   // simplified, e.g. 济宁
	Number   string `json:"number"` // 文号
	Title    string `json:"title"`
	Date     string `json:"date"`
	Label    string `json:"label"`
	Ordinal  int    `json:"ordinal"`
	Heading  string `json:"heading"`
	// Path holds the headings of the sections above the clause.
	Path []string `json:"path"`
	// Text is the clause as written: heading, body and 责任单位.
	Text string `json:"text"`
	// Index is the clause's position among its document's clauses.
	Index int `json:"index"`
	// StoredTopics are the clause's topics as the store keeps them
	// (EncodeTopics), "" when it keeps none: the bank finds them then.
	StoredTopics string `json:"-"`
}

// Bank is the clause bank: every clause of every corpus document, with
// the suggestion index over them. Build it with NewBank from the store's
// corpus and keep it current with Add and Remove. It is safe for
// concurrent use: queries share a read lock, Add and Remove take the
// write lock.
type Bank struct {
	mu       sync.RWMutex
	opts     Options
	clauses  []BankClause
	alive    []bool
	city     []uint16 // city id of each clause
	cityIDs  map[string]uint16
	bySource map[int64][]uint32
	idx      *index
	dead     int

	topicMu sync.Mutex
	topics  topicPart   // topics by clause, filled by topicIndex
	phrases phraseTable // their phrases
}

// NewBank builds a bank from the given documents with DefaultOptions.
func NewBank(srcs []drafts.CorpusDoc) *Bank { return NewBankOptions(srcs, DefaultOptions) }

// NewBankOptions builds a bank from the given documents, ranking with
// opts.
func NewBankOptions(srcs []drafts.CorpusDoc, opts Options) *Bank {
	b := &Bank{opts: opts}
	b.reset()
	var all []BankClause
	for _, s := range srcs {
		all = append(all, ClausesOf(s)...)
	}
	b.addClauses(all)
	return b
}

// NewBankClauses builds a bank with DefaultOptions from clauses read from
// the store (IndexedClauses), without parsing their documents again.
func NewBankClauses(cs []BankClause) *Bank {
	b := &Bank{opts: DefaultOptions}
	b.reset()
	for i := range cs {
		cs[i].City = cityKey(cs[i].City)
	}
	b.addClauses(cs)
	return b
}

func (b *Bank) reset() {
	b.clauses, b.alive, b.city = nil, nil, nil
	b.cityIDs = map[string]uint16{"": 0}
	b.bySource = map[int64][]uint32{}
	b.idx = newIndex(b.opts)
	b.dead = 0
	b.topics, b.phrases = topicPart{}, phraseTable{}
}

// Add puts a document's clauses into the bank, replacing any document
// with the same ID.
func (b *Bank) Add(src drafts.CorpusDoc) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.remove(src.ID)
	b.add(src)
}

// Remove takes a document's clauses out of the bank and reports whether
// it was there.
func (b *Bank) Remove(id int64) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	ok := b.remove(id)
	b.idx.refresh()
	return ok
}

// Len returns the number of clauses in the bank.
func (b *Bank) Len() int {
	b.mu.RLock()
	defer b.mu.RUnlock()
	return len(b.clauses) - b.dead
}

// Clauses returns the clauses of the bank, document by document in the
// order they were added.
func (b *Bank) Clauses() []BankClause {
	b.mu.RLock()
	defer b.mu.RUnlock()
	out := make([]BankClause, 0, len(b.clauses)-b.dead)
	for i, c := range b.clauses {
		if b.alive[i] {
			out = append(out, c)
		}
	}
	return out
}

// Cities returns the cities of the bank's documents, in order of first
// appearance.
func (b *Bank) Cities() []string {
	b.mu.RLock()
	defer b.mu.RUnlock()
	seen := map[string]bool{}
	var out []string
	for i, c := range b.clauses {
		if b.alive[i] && c.City != "" && !seen[c.City] {
			seen[c.City] = true
			out = append(out, c.City)
		}
	}
	return out
}

// ClausesOf returns a document's clauses as bank rows, with its metadata.
func ClausesOf(src drafts.CorpusDoc) []BankClause {
	if src.Doc == nil {
		return nil
	}
	m := src.Doc.Meta
	var out []BankClause
	for _, c := range src.Doc.Clauses() {
		out = append(out, BankClause{
			SourceID: src.ID, Source: src.Name, City: cityKey(m.City), Number: m.Number,
			Title: m.Title, Date: m.Date, Label: c.Label, Ordinal: c.Ordinal,
			Heading: c.Heading, Path: c.Path, Text: c.Text, Index: c.Index,
		})
	}
	return out
}

func (b *Bank) add(src drafts.CorpusDoc) { b.addClauses(ClausesOf(src)) }

// addClauses indexes clauses, tokenizing them on all cores in chunks
// while this goroutine adds the chunks to the index in order.
func (b *Bank) addClauses(cs []BankClause) {
	const chunk = 512
	if len(cs) <= chunk {
		var scratch []term
		for _, c := range cs {
			b.addTokens(c, clauseTokens(c.Text, c.Heading, b.opts.UnigramWeight > 0, &scratch))
		}
		b.idx.refresh()
		return
	}
	type job struct {
		cs   []BankClause
		done chan []tokens
	}
	jobs := make(chan job, runtime.GOMAXPROCS(0))
	queue := make(chan job, runtime.GOMAXPROCS(0))
	for range runtime.GOMAXPROCS(0) {
		go func() {
			var scratch []term
			for j := range jobs {
				ts := make([]tokens, len(j.cs))
				for i, c := range j.cs {
					ts[i] = clauseTokens(c.Text, c.Heading, b.opts.UnigramWeight > 0, &scratch)
				}
				j.done <- ts
			}
		}()
	}
	go func() {
		for i := 0; i < len(cs); i += chunk {
			j := job{cs[i:min(i+chunk, len(cs))], make(chan []tokens, 1)}
			queue <- j
			jobs <- j
		}
		close(jobs)
		close(queue)
	}()
	for j := range queue {
		for i, t := range <-j.done {
			b.addTokens(j.cs[i], t)
		}
	}
	b.idx.refresh()
}

// addTokens appends a clause with its tokens.
func (b *Bank) addTokens(c BankClause, t tokens) {
	doc := uint32(len(b.clauses))
	b.clauses = append(b.clauses, c)
	b.alive = append(b.alive, true)
	b.city = append(b.city, b.cityID(c.City))
	b.bySource[c.SourceID] = append(b.bySource[c.SourceID], doc)
	b.idx.add(doc, t)
}

func (b *Bank) remove(id int64) bool {
	docs, ok := b.bySource[id]
	if !ok {
		return false
	}
	var scratch []term
	uni := b.opts.UnigramWeight > 0
	for _, d := range docs {
		b.idx.remove(d, clauseTokens(b.clauses[d].Text, b.clauses[d].Heading, uni, &scratch))
		b.alive[d] = false
		b.dead++
	}
	delete(b.bySource, id)
	if b.dead > 1024 && b.dead > len(b.clauses)/4 {
		b.compact()
	}
	return true
}

// compact rebuilds the index from the live clauses, dropping the postings
// of removed ones.
func (b *Bank) compact() {
	var live []BankClause
	for i, c := range b.clauses {
		if b.alive[i] {
			live = append(live, c)
		}
	}
	b.reset()
	b.addClauses(live)
}

func (b *Bank) cityID(city string) uint16 {
	id, ok := b.cityIDs[city]
	if !ok {
		id = uint16(len(b.cityIDs))
		b.cityIDs[city] = id
	}
	return id
}

// clauseTokens tokenizes a clause, of the bank or of a draft: its text
// without 责任单位, and its heading.
func clauseTokens(text, heading string, unigrams bool, scratch *[]term) tokens {
	key, _ := MatchKey(text)
	head, _ := norm.KeyRunes(heading)
	return tokenize(key, head, unigrams, scratch)
}

// cityKey is the form cities are compared in: simplified, without 市.
func cityKey(city string) string {
	return strings.TrimSuffix(norm.Key(city), "市")
}
