package templates

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"qicao/drafts"
)

// storedOf returns a stored index of srcs (ids 1…) in memory.
func storedOf(t *testing.T, srcs []drafts.CorpusDoc) (*StoredBank, *memStore) {
	t.Helper()
	m := newMemStore()
	for i := range srcs {
		srcs[i].ID = int64(i + 1)
		m.docs[srcs[i].ID] = srcs[i]
	}
	st, err := OpenStoredBank(m, m.load)
	if err != nil {
		t.Fatal(err)
	}
	return st, m
}

// sameAsFull checks that the tracker's gaps of doc are exactly what a
// fresh, full StoredBank.Gaps gives.
func sameAsFull(t *testing.T, st *StoredBank, tr *GapTracker, doc *drafts.Document, opts GapOptions, step string) []GapGroup {
	t.Helper()
	want, err := st.Gaps(context.Background(), doc, opts)
	if err != nil {
		t.Fatal(err)
	}
	got, err := tr.Gaps(context.Background(), doc, opts)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		g, w := gapSummary(got), gapSummary(want)
		for i := range max(len(g), len(w)) {
			var a, b string
			if i < len(g) {
				a = g[i]
			}
			if i < len(w) {
				b = w[i]
			}
			if a != b {
				t.Fatalf("%s: topic %d differs:\n got %s\nwant %s", step, i, a, b)
			}
		}
		for i := range got {
			for j := range got[i].Gaps {
				if j < len(want[i].Gaps) && !reflect.DeepEqual(got[i].Gaps[j], want[i].Gaps[j]) {
					t.Fatalf("%s: topic %d example %d:\n got %+v %+v\nwant %+v %+v", step, i, j,
						got[i].Gaps[j], got[i].Gaps[j].Nearest, want[i].Gaps[j], want[i].Gaps[j].Nearest)
				}
			}
		}
		t.Fatalf("%s: differ:\n got %+v\nwant %+v", step, got, want)
	}
	return want
}

func parsed(t *testing.T, text string) *drafts.Document {
	t.Helper()
	d, err := drafts.Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestGapTrackerSameAsFull edits the 泰安 draft (seed 000) clause by clause
// — a clause reworded to take up a missing measure, clauses of other
// cities inserted, clauses deleted, moved, repeated, the whole draft
// renumbered, another draft opened, the text put back — and after every
// step compares the tracker's gaps, from what changed, with a full
// computation on a fresh call: on the seeds alone and on the seeds with
// 3,000 synthetic clauses (groups of overlapping topics merged, thousands
// of gap clauses).
func TestGapTrackerSameAsFull(t *testing.T) {
	for _, synth := range []int{0, 3000} {
		srcs := seeds(t)
		srcs = append(append([]drafts.CorpusDoc(nil), srcs...), SynthSources(synth, 3)...)
		st, _ := storedOf(t, srcs)
		tr := st.NewGapTracker()
		opts := GapOptions{}
		doc := seedSource(t, "000").Doc
		first := sameAsFull(t, st, tr, doc, opts, "start")
		if len(first) == 0 {
			t.Fatal("no gaps to follow")
		}
		step := func(name string, d *drafts.Document) []GapGroup {
			doc = d
			return sameAsFull(t, st, tr, d, opts, name)
		}
		edit := func(name string, e drafts.Edit, err error) []GapGroup {
			t.Helper()
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			return step(name, parsed(t, e.Text))
		}
		cs := doc.Clauses()
		// One clause reworded to cover the strongest missing measure.
		topic := first[0].Topic
		c := cs[5]
		got := step("reworded", parsed(t, strings.Replace(doc.Source, c.Text, c.Text+"推进"+topic+"建设。", 1)))
		if len(got) > 0 && got[0].Topic == topic {
			t.Errorf("%s still the first gap after the draft took it up", topic)
		}
		// The strongest example inserted as a clause of its own, then
		// another city's clause before the first clause.
		ex := first[0].Gaps[0].Text
		cs = doc.Clauses()
		e, err := drafts.InsertAfter(doc, cs[2].Node, ex)
		edit("inserted", e, err)
		cs = doc.Clauses()
		e, err = drafts.InsertBefore(doc, cs[0].Node, first[len(first)-1].Gaps[0].Text)
		edit("inserted first", e, err)
		// A clause deleted, which renumbers those after it.
		cs = doc.Clauses()
		e, err = drafts.Delete(doc, cs[len(cs)/2].Node)
		edit("deleted", e, err)
		// A clause moved.
		cs = doc.Clauses()
		e, err = drafts.MoveUp(doc, cs[len(cs)-2].Node)
		edit("moved", e, err)
		// The nearest clause of an example twice, the copy before it (two
		// clauses scoring the same: the earlier is named), then once.
		got = step("moved again", doc)
		near := got[0].Gaps[0].Nearest
		if near == nil {
			t.Fatal("no nearest clause")
		}
		cs = doc.Clauses()
		e, err = drafts.InsertBefore(doc, cs[near.Index].Node, cs[near.Index].Text)
		edit("repeated", e, err)
		cs = doc.Clauses()
		e, err = drafts.Delete(doc, cs[near.Index+1].Node)
		edit("repeat deleted", e, err)
		// Renumbered as a whole (000's two （六） and missing （五）).
		step("renumbered", parsed(t, drafts.Renumber(doc)))
		// A clause emptied of everything but its label.
		cs = doc.Clauses()
		step("emptied", parsed(t, strings.Replace(doc.Source, cs[3].Text, "（略）", 1)))
		// Another draft, of another city, then the first one back.
		step("other draft", seedSource(t, "003").Doc)
		step("back", seedSource(t, "000").Doc)
		// Other options: another threshold and an excluded city.
		opts = GapOptions{Threshold: 0.7, ExcludeCities: []string{first[0].City}, Limit: 5, Examples: 4}
		step("options", doc)
		opts = GapOptions{}
		step("options back", doc)
	}
}

// TestGapTrackerRandomEdits makes 60 random edits of seed 000 against the
// seeds and 3,000 synthetic clauses — clauses of the corpus pasted in,
// clauses deleted, a sentence of another clause typed into one, undo to an
// earlier text — comparing with a full computation after each.
func TestGapTrackerRandomEdits(t *testing.T) {
	srcs := append(append([]drafts.CorpusDoc(nil), seeds(t)...), SynthSources(3000, 5)...)
	st, _ := storedOf(t, srcs)
	bank := NewBank(srcs)
	pool := bank.Clauses()
	tr := st.NewGapTracker()
	rng := rand.New(rand.NewPCG(11, 12))
	doc := seedSource(t, "000").Doc
	history := []*drafts.Document{doc}
	sameAsFull(t, st, tr, doc, GapOptions{}, "start")
	for i := range 60 {
		cs := doc.Clauses()
		var text string
		var err error
		var e drafts.Edit
		op := rng.IntN(5)
		switch {
		case op == 0 || len(cs) < 4:
			e, err = drafts.InsertAfter(doc, cs[rng.IntN(len(cs))].Node, pool[rng.IntN(len(pool))].Text)
			text = e.Text
		case op == 1:
			e, err = drafts.Delete(doc, cs[rng.IntN(len(cs))].Node)
			text = e.Text
		case op == 2:
			// A sentence of a corpus clause typed at the end of a clause.
			c, from := cs[rng.IntN(len(cs))], pool[rng.IntN(len(pool))].Text
			s, _, _ := strings.Cut(from, "。")
			text = strings.Replace(doc.Source, c.Text, c.Text+s+"。", 1)
		case op == 3:
			// Undo: an earlier text.
			text = history[rng.IntN(len(history))].Source
		default:
			// A word of a clause deleted.
			c := cs[rng.IntN(len(cs))]
			r := []rune(c.Text)
			at := rng.IntN(len(r))
			text = strings.Replace(doc.Source, c.Text, string(r[:at])+string(r[min(len(r), at+4):]), 1)
		}
		if err != nil {
			t.Fatalf("edit %d: %v", i, err)
		}
		doc = parsed(t, text)
		history = append(history, doc)
		sameAsFull(t, st, tr, doc, GapOptions{}, "random edit "+string(rune('0'+op)))
	}
}

// stopAfter is a context whose Err is Canceled from its n-th call on.
type stopAfter struct {
	context.Context
	n int
}

func (s *stopAfter) Err() error {
	if s.n--; s.n < 0 {
		return context.Canceled
	}
	return nil
}

// TestGapTrackerCancelAndIndexChanges: a call cancelled before it starts,
// or in the middle of finding the gaps from nothing, returns the context's
// error, and the next call is still right; documents added to or removed
// from the index are taken into account at the next call.
func TestGapTrackerCancelAndIndexChanges(t *testing.T) {
	defer func(n int) { checkEvery = n }(checkEvery)
	checkEvery = 64
	srcs := append(append([]drafts.CorpusDoc(nil), seeds(t)...), SynthSources(3000, 3)...)
	st, m := storedOf(t, srcs)
	tr := st.NewGapTracker()
	doc := seedSource(t, "000").Doc
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if g, err := tr.Gaps(ctx, doc, GapOptions{}); err == nil || g != nil {
		t.Fatalf("cancelled: %d groups, %v", len(g), err)
	}
	// Cancelled while judging the index's clauses.
	if g, err := tr.Gaps(&stopAfter{context.Background(), 3}, doc, GapOptions{}); !errors.Is(err, context.Canceled) || g != nil {
		t.Fatalf("cancelled midway: %d groups, %v", len(g), err)
	}
	sameAsFull(t, st, tr, doc, GapOptions{}, "after cancel")
	// Cancelled while judging again the clauses of a long paste.
	other := seedSource(t, "002").Doc
	pasted := parsed(t, doc.Source+"\n"+other.Source[strings.Index(other.Source, "一、"):])
	if g, err := tr.Gaps(&stopAfter{context.Background(), 1}, pasted, GapOptions{}); !errors.Is(err, context.Canceled) || g != nil {
		t.Fatalf("cancelled paste: %d groups, %v", len(g), err)
	}
	sameAsFull(t, st, tr, pasted, GapOptions{}, "after cancelled paste")
	sameAsFull(t, st, tr, doc, GapOptions{}, "paste undone")
	// A document added: the strongest example's text as another city's.
	got := sameAsFull(t, st, tr, doc, GapOptions{}, "before add")
	add := drafts.CorpusDoc{ID: 100000, Name: "new", Doc: seedSource(t, "001").Doc}
	m.docs[add.ID] = add
	if err := st.Add([]drafts.CorpusDoc{add}); err != nil {
		t.Fatal(err)
	}
	sameAsFull(t, st, tr, doc, GapOptions{}, "added")
	// The strongest example's document removed.
	delete(m.docs, got[0].Gaps[0].SourceID)
	if err := st.Refresh(); err != nil {
		t.Fatal(err)
	}
	after := sameAsFull(t, st, tr, doc, GapOptions{}, "removed")
	for _, g := range after {
		for _, x := range g.Gaps {
			if x.SourceID == got[0].Gaps[0].SourceID {
				t.Fatalf("removed document listed: %s", x.Heading)
			}
		}
	}
}

// LastWork says what the tracker's last call did (a test helper, for the
// benchmarks of templates_test).
func (t *GapTracker) LastWork() string {
	w := t.work
	return fmt.Sprintf("fresh %v, %d clause texts looked up, %d phrases gained or lost, %d clauses of the index judged",
		w.fresh, w.texts, w.phrases, w.judged)
}

// TestGapTrackerWorkIsTheChange: what a call does is what changed — the
// same text again looks up nothing and judges nothing; punctuation typed
// into a clause or the whole draft renumbered looks up that clause's text
// at most and judges nothing; a sentence on a missing measure looks up one
// text and judges only the clauses with a topic it gained.
func TestGapTrackerWorkIsTheChange(t *testing.T) {
	srcs := append(append([]drafts.CorpusDoc(nil), seeds(t)...), SynthSources(3000, 3)...)
	st, _ := storedOf(t, srcs)
	tr := st.NewGapTracker()
	doc := seedSource(t, "000").Doc
	first := sameAsFull(t, st, tr, doc, GapOptions{}, "first")
	if w := tr.work; !w.fresh || w.judged != st.Len() || w.texts == 0 {
		t.Errorf("first call: %s, want fresh, every one of %d clauses judged", tr.LastWork(), st.Len())
	}
	sameAsFull(t, st, tr, doc, GapOptions{}, "again")
	if w := tr.work; w != (gapWork{}) {
		t.Errorf("same text: %s, want nothing", tr.LastWork())
	}
	c := doc.Clauses()[5]
	punct := parsed(t, strings.Replace(doc.Source, c.Text, strings.Replace(c.Text, "，", "、", 1), 1))
	sameAsFull(t, st, tr, punct, GapOptions{}, "punctuation")
	if w := tr.work; w != (gapWork{texts: 1}) {
		t.Errorf("punctuation: %s, want one text looked up", tr.LastWork())
	}
	sameAsFull(t, st, tr, parsed(t, drafts.Renumber(punct)), GapOptions{}, "renumbered")
	if w := tr.work; w != (gapWork{}) {
		t.Errorf("renumbered: %s, want nothing", tr.LastWork())
	}
	sentence := parsed(t, strings.Replace(doc.Source, c.Text, c.Text+"谋划布局"+first[0].Topic+"。", 1))
	sameAsFull(t, st, tr, sentence, GapOptions{}, "sentence")
	if w := tr.work; w.fresh || w.texts != 1 || w.phrases == 0 || w.judged == 0 || w.judged > st.Len()/5 {
		t.Errorf("sentence: %s, want one text, a few phrases and the clauses with them of %d", tr.LastWork(), st.Len())
	}
	t.Logf("sentence: %s", tr.LastWork())
}
