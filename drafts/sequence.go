package drafts

// levelKey names a level of numbering: a label family at a depth.
type levelKey struct {
	family Family
	level  int
}

// seqKey names one numbering sequence: a level, and for a level that
// restarts under each parent, the parent's start offset (-1 when the level
// runs on across parents).
type seqKey struct {
	levelKey
	parent int
}

// sequenceModes reads from the document, for each level, whether its
// numbering runs on across parents (true) or restarts under each (false):
// a level runs on when more of its later groups start above one than at
// one.
func sequenceModes(d *Document) map[levelKey]bool {
	groups := map[levelKey][]int{} // first ordinals, one per parent, in order
	seen := map[*Node]map[levelKey]bool{}
	d.Walk(func(n, parent *Node) {
		if n.Label == "" {
			return
		}
		k := levelKey{n.Style.Family, n.Level}
		if seen[parent] == nil {
			seen[parent] = map[levelKey]bool{}
		}
		if !seen[parent][k] {
			seen[parent][k] = true
			groups[k] = append(groups[k], n.Ordinal)
		}
	})
	modes := map[levelKey]bool{}
	for k, firsts := range groups {
		on, restart := 0, 0
		for _, f := range firsts[1:] {
			if f > 1 {
				on++
			} else {
				restart++
			}
		}
		modes[k] = on > restart
	}
	return modes
}

// keyOf returns the sequence a labelled node belongs to.
func keyOf(n, parent *Node, modes map[levelKey]bool) seqKey {
	k := levelKey{n.Style.Family, n.Level}
	if modes[k] || parent == nil {
		return seqKey{k, -1}
	}
	return seqKey{k, parent.Span.Start}
}

// sequences returns the document's labelled nodes grouped by numbering
// sequence, each in document order.
func sequences(d *Document, modes map[levelKey]bool) map[seqKey][]*Node {
	out := map[seqKey][]*Node{}
	d.Walk(func(n, parent *Node) {
		if n.Label != "" {
			k := keyOf(n, parent, modes)
			out[k] = append(out[k], n)
		}
	})
	return out
}

// renumberFrom returns the label splices that number the nodes of seq
// starting at or after offset from consecutively, each after the number
// of the node before it (1 for the first); earlier nodes keep theirs.
func renumberFrom(seq []*Node, from int) []splice {
	var ops []splice
	prev := 0
	for _, n := range seq {
		if n.Span.Start < from {
			prev = n.Ordinal
			continue
		}
		want := prev + 1
		if want != n.Ordinal {
			ops = append(ops, splice{n.LabelSpan.Start, n.LabelSpan.End, n.Style.Format(want)})
		}
		prev = want
	}
	return ops
}

// Renumber returns the document's text with every numbering sequence
// numbered from one without gaps or repeats (000's two （六） and missing
// （五） become （五）（六）), each label keeping its own form. Nothing else
// in the text changes.
func Renumber(d *Document) string {
	modes := sequenceModes(d)
	var ops []splice
	for _, seq := range sequences(d, modes) {
		ops = append(ops, renumberFrom(seq, 0)...)
	}
	return apply(d.Source, ops)
}

// finish applies an edit's splices, re-parses the result and renumbers the
// sequences the edit touched, those of the block it put in among them,
// from its offset onward.
func finish(d *Document, c change) (Edit, error) {
	text := apply(d.Source, c.ops)
	d2, err := Parse(text)
	if err != nil {
		return Edit{}, err
	}
	modes := sequenceModes(d2)
	for k, on := range sequenceModes(d) { // the original's modes win
		modes[k] = on
	}
	seqs := sequences(d2, modes)
	touched := append(c.touched, c.subject)
	d2.Walk(func(n, _ *Node) {
		if n.Span.Start >= c.block.Start && n.Span.Start < c.block.End && n.Label != "" {
			touched = append(touched, n.Span.Start)
		}
	})
	keys := map[seqKey]bool{}
	for _, off := range touched {
		if n := nodeAt(d2, off); n != nil && n.Label != "" {
			keys[keyOf(n, parentOf(d2, n), modes)] = true
		}
	}
	var ops []splice
	for k := range keys {
		ops = append(ops, renumberFrom(seqs[k], c.from)...)
	}
	e := Edit{Text: apply(text, ops)}
	if n := nodeAt(d2, c.subject); n != nil && c.subject >= 0 {
		e.Span = Span{mapOffset(ops, n.Span.Start), mapOffset(ops, n.Span.End)}
		e.Label = labelAt(e.Text, e.Span.Start)
	}
	return e, nil
}

// labelAt reads the label of the paragraph starting at offset.
func labelAt(text string, offset int) string {
	line := text[offset:]
	lead := leadingMarks(line)
	l, _ := ParseLabel(line[lead:])
	return l.Text
}

// MainLevel returns the level holding most clauses (1. in 000, （一） in
// 004, 1、 in 003) as its family and depth; ok is false for a document
// without numbered clauses.
func (d *Document) MainLevel() (family Family, level int, ok bool) {
	counts := map[levelKey]int{}
	var best levelKey
	d.Walk(func(n, _ *Node) {
		if n.Label == "" || !n.IsClause() {
			return
		}
		k := levelKey{n.Style.Family, n.Level}
		counts[k]++
		if counts[k] > counts[best] || counts[k] == counts[best] && k.level < best.level {
			best = k
		}
	})
	return best.family, best.level, counts[best] > 0
}

// ClauseByOrdinal returns the first node of the main clause level (see
// MainLevel) whose label says n, or nil.
func (d *Document) ClauseByOrdinal(n int) *Node {
	family, level, ok := d.MainLevel()
	if !ok {
		return nil
	}
	var found *Node
	d.Walk(func(m, _ *Node) {
		if found == nil && m.Label != "" && m.Style.Family == family && m.Level == level && m.Ordinal == n {
			found = m
		}
	})
	return found
}
