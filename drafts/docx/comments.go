package docx

import (
	"strings"
	"unicode/utf8"
)

// Comment is a note on a stretch of a draft's text, written as a Word
// comment (批注): a 校对 finding. The layout re-renders the draft, so a
// comment is placed by its text and the text around it in the source
// rather than by offsets.
type Comment struct {
	// Text is the stretch commented on, as in the source; it may be a
	// space or a line break that the layout drops.
	Text string
	// Before and After are a few characters of the source just before and
	// after Text, on the same line, to tell one occurrence from another.
	Before, After string
	// Message is the comment's text.
	Message string
}

// placedComment is a comment with its id in the package.
type placedComment struct {
	ID      int
	Message string
}

// placeComments marks each comment's range in the blocks' runs and returns
// those placed. Comments are looked for in order, each from where the one
// before it was found, so that repeated text lands on the right occurrence.
func placeComments(blocks []block, cs []Comment) []placedComment {
	var paras []*paragraph
	for _, b := range blocks {
		if b.P != nil {
			paras = append(paras, b.P)
		}
	}
	var out []placedComment
	at, from := 0, 0
	for _, c := range cs {
		pi, s, e, ok := findComment(paras, c, at, from)
		if !ok {
			if pi, s, e, ok = findComment(paras, c, 0, 0); !ok {
				continue
			}
		}
		id := len(out)
		markRange(paras[pi], s, e, id)
		out = append(out, placedComment{ID: id, Message: c.Message})
		at, from = pi, e
	}
	return out
}

// findComment looks for c from paragraph at, byte from of it, trying the
// text with both contexts, with one, then alone. It returns the paragraph
// and the byte range in its text.
func findComment(paras []*paragraph, c Comment, at, from int) (pi, s, e int, ok bool) {
	text := c.Text
	if strings.TrimSpace(text) == "" {
		text = "" // a space or a line break: the layout may have dropped it
	}
	type probe struct{ needle, lead string }
	probes := []probe{{c.Before + text + c.After, c.Before}, {c.Before + text, c.Before}, {text + c.After, ""}}
	if utf8.RuneCountInString(text) >= 2 {
		probes = append(probes, probe{text, ""})
	}
	for _, p := range probes {
		if p.needle == "" {
			continue
		}
		for i := at; i < len(paras); i++ {
			t := paraText(paras[i])
			start := 0
			if i == at {
				start = min(from, len(t))
			}
			k := strings.Index(t[start:], p.needle)
			if k < 0 {
				continue
			}
			s = start + k + len(p.lead)
			e = s + len(text)
			if e == s { // nothing of it left: mark the character before
				if s == 0 {
					_, n := utf8.DecodeRuneInString(t)
					e = n
				} else {
					_, n := utf8.DecodeLastRuneInString(t[:s])
					s -= n
				}
			}
			return i, s, e, true
		}
	}
	return 0, 0, 0, false
}

func paraText(p *paragraph) string {
	var b strings.Builder
	for _, r := range p.Runs {
		if !r.Deleted() {
			b.WriteString(r.Text)
		}
	}
	return b.String()
}

// markRange splits p's runs at byte offsets s and e of its text and marks
// the runs between as comment id's range.
func markRange(p *paragraph, s, e, id int) {
	splitRuns(p, s)
	splitRuns(p, e)
	off, first, last := 0, -1, -1
	for i, r := range p.Runs {
		if r.Deleted() {
			continue
		}
		if off == s && first < 0 {
			first = i
		}
		off += len(r.Text)
		if off == e && first >= 0 {
			last = i
			break
		}
	}
	if first < 0 || last < 0 {
		return
	}
	p.Runs[first].CommentStarts = append(p.Runs[first].CommentStarts, id)
	p.Runs[last].CommentEnds = append(p.Runs[last].CommentEnds, id)
}

// splitRuns cuts the run that spans byte offset at of the paragraph's
// text in two, so that a run boundary falls there.
func splitRuns(p *paragraph, at int) {
	off := 0
	for i, r := range p.Runs {
		if r.Deleted() {
			continue
		}
		if at > off && at < off+len(r.Text) {
			a, b := r, r
			a.Text, b.Text = r.Text[:at-off], r.Text[at-off:]
			a.CommentEnds, b.CommentStarts = nil, nil
			p.Runs = append(p.Runs[:i], append([]run{a, b}, p.Runs[i+1:]...)...)
			return
		}
		off += len(r.Text)
	}
}
