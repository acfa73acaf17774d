package docx

import "unicode/utf8"

// LibreOffice (7.4) merges two revisions of one kind and author made
// within a minute of each other when one ends a paragraph and the other
// starts the next, and the merged revision takes the paragraph mark
// between them with it: rejecting (or, for deletions, accepting) then
// joins two paragraphs that should stay apart. separateRevisions rewrites
// every such meeting over an unchanged paragraph mark into an equivalent
// one where the kinds differ, so that accept-all and reject-all give the
// same text in LibreOffice as in Word:
//   - a run of paragraphs inserted (deleted) whole after a paragraph
//     ending in an insertion (deletion) takes the change onto the mark
//     before it, as Word itself writes a paragraph typed after another;
//   - otherwise an insertion opening the next paragraph is preceded by
//     the deletion after it ([+X][-Y] → [-Y][+X]) or by its first kept
//     character deleted and inserted again ([+X][=Zz] → [-Z][+XZ][=z]);
//   - a deletion ending the paragraph is followed by the insertion before
//     it, or by its last kept character deleted and inserted again.
func (t *tracker) separateRevisions(blocks []block) {
	var ps []*paragraph
	for _, b := range blocks {
		if b.P != nil {
			ps = append(ps, b.P)
		}
	}
	for i := 0; i+1 < len(ps); i++ {
		p, q := ps[i], ps[i+1]
		k := meetingKind(p, q)
		if k == "" {
			continue
		}
		if end := wholeRunEnd(ps, i+1, k); end > i {
			p.Mark, ps[end].Mark = t.changeNamed(k), nil
			continue
		}
		if k == changeIns {
			q.Runs = t.openWithoutInsertion(q.Runs)
		} else {
			p.Runs = t.closeWithoutDeletion(p.Runs)
		}
	}
}

// meetingKind returns the kind of change that ends p and opens q over
// p's unchanged mark, "" if none does.
func meetingKind(p, q *paragraph) string {
	if p.Mark != nil || len(p.Runs) == 0 || len(q.Runs) == 0 {
		return ""
	}
	a, b := runKind(p.Runs[len(p.Runs)-1]), runKind(q.Runs[0])
	if a != b || a != changeIns && a != changeDel {
		return ""
	}
	return a
}

func runKind(r run) string {
	if r.Change == nil {
		return ""
	}
	return r.Change.Kind
}

// wholeRunEnd returns the last of the paragraphs from ps[from] on that
// are changed whole by kind k, runs and marks, or -1 if ps[from] is not.
func wholeRunEnd(ps []*paragraph, from int, k string) int {
	end := -1
	for j := from; j < len(ps); j++ {
		p := ps[j]
		if p.Mark == nil || p.Mark.Kind != k || len(p.Starts) > 0 {
			break
		}
		for _, r := range p.Runs {
			if runKind(r) != k {
				return end
			}
		}
		end = j
	}
	return end
}

// openWithoutInsertion rewrites the runs of a paragraph that opens with
// an insertion so that it opens with a deletion instead.
func (t *tracker) openWithoutInsertion(runs []run) []run {
	switch {
	case len(runs) > 1 && runKind(runs[1]) == changeDel:
		runs[0], runs[1] = runs[1], runs[0]
	case len(runs) > 1 && runs[1].Change == nil:
		z, rest := splitFirstRune(runs[1].Text)
		head := []run{{Text: z, Style: runs[1].Style, Change: t.change(segDel)},
			{Text: runs[0].Text + z, Style: runs[0].Style, Change: runs[0].Change}}
		if rest != "" {
			head = append(head, run{Text: rest, Style: runs[1].Style})
		}
		runs = append(head, runs[2:]...)
	}
	return runs
}

// closeWithoutDeletion rewrites the runs of a paragraph that closes with
// a deletion so that it closes with an insertion instead.
func (t *tracker) closeWithoutDeletion(runs []run) []run {
	n := len(runs)
	switch {
	case n > 1 && runKind(runs[n-2]) == changeIns:
		runs[n-2], runs[n-1] = runs[n-1], runs[n-2]
	case n > 1 && runs[n-2].Change == nil:
		rest, z := splitLastRune(runs[n-2].Text)
		tail := []run{{Text: z + runs[n-1].Text, Style: runs[n-1].Style, Change: runs[n-1].Change},
			{Text: z, Style: runs[n-2].Style, Change: t.change(segIns)}}
		if rest != "" {
			tail = append([]run{{Text: rest, Style: runs[n-2].Style}}, tail...)
		}
		runs = append(runs[:n-2], tail...)
	}
	return runs
}

func splitFirstRune(s string) (first, rest string) {
	_, n := utf8.DecodeRuneInString(s)
	return s[:n], s[n:]
}

func splitLastRune(s string) (rest, last string) {
	_, n := utf8.DecodeLastRuneInString(s)
	return s[:len(s)-n], s[len(s)-n:]
}
