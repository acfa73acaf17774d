// Package comparemodel holds the compare page's rules in plain Go, apart
// from its widgets: the sources that can be compared and which pair is
// compared first, the changes the page steps through, and how a changed
// figure is shown and found. It imports no Fyne, so its table tests run
// without cgo's Fyne build.
package comparemodel

import (
	"fmt"
	"strings"

	"qicao/drafts"
)

// SourceKind tells where a text to compare comes from.
type SourceKind int

// The kinds of comparison source.
const (
	SourceVersion SourceKind = iota // a saved version of the open draft
	SourceWorking                   // the working text of the open draft
	SourceCorpus                    // a corpus document
	SourceFile                      // a file named on the command line or dropped on the window
)

// Source is one text the compare view can put on either side: a version
// of the open draft, its working text, a corpus document, or a file.
type Source struct {
	Kind SourceKind
	N    int    // the version number, for SourceVersion
	ID   int64  // the corpus document, for SourceCorpus
	Path string // the file, for SourceFile
	// Name is what the pickers show: 第 2 版 · 印发稿, 工作稿, 泰安 · 标题,
	// 文件 · 002.txt.
	Name string
}

// DefaultPair picks the sources compared first, as an officer wants
// them: with unsaved changes (dirty) the last saved version against the
// working text, else the last two versions, else the only version against
// the working text, else the first two sources; -1, -1 when there are
// fewer than two.
func DefaultPair(srcs []Source, dirty bool) (old, new int) {
	var versions []int
	working := -1
	for i, s := range srcs {
		switch s.Kind {
		case SourceVersion:
			versions = append(versions, i)
		case SourceWorking:
			working = i
		}
	}
	switch {
	case dirty && len(versions) >= 1 && working >= 0:
		return versions[len(versions)-1], working
	case len(versions) >= 2:
		return versions[len(versions)-2], versions[len(versions)-1]
	case len(versions) == 1 && working >= 0:
		return versions[0], working
	case len(srcs) >= 2:
		return 0, 1
	}
	return -1, -1
}

// FilesPair picks the sources compared when files are brought to the
// window (named on the command line, dropped): two files against each
// other, the first named old; one file against the open draft's working
// text, else its latest version, else the first other source. old or new
// is -1 when a file is not among srcs or there is nothing to compare it
// with.
func FilesPair(srcs []Source, paths []string) (old, new int) {
	file := func(path string) int {
		for i, s := range srcs {
			if s.Kind == SourceFile && s.Path == path {
				return i
			}
		}
		return -1
	}
	switch len(paths) {
	case 0:
		return -1, -1
	case 1:
	default:
		return file(paths[0]), file(paths[1])
	}
	old = file(paths[0])
	if old < 0 {
		return -1, -1
	}
	working, latest, other := -1, -1, -1
	for i, s := range srcs {
		switch {
		case s.Kind == SourceWorking:
			working = i
		case s.Kind == SourceVersion:
			latest = i // versions come oldest first
		case other < 0 && i != old:
			other = i
		}
	}
	switch {
	case working >= 0:
		return old, working
	case latest >= 0:
		return old, latest
	}
	return old, other
}

// Key names a source for remembering it (the pair an officer chose for a
// draft): its kind, version and document.
func (s Source) Key() string {
	if s.Kind == SourceFile {
		return fmt.Sprintf("%d:%s", s.Kind, strings.ReplaceAll(s.Path, "|", "%7C"))
	}
	return fmt.Sprintf("%d:%d:%d", s.Kind, s.N, s.ID)
}

// PairKey is the remembered form of the pair old, new.
func PairKey(old, new Source) string { return old.Key() + "|" + new.Key() }

// FindPair returns the indexes in srcs of the pair remembered as key; ok
// is false when either side is no longer there (a deleted version).
func FindPair(srcs []Source, key string) (old, new int, ok bool) {
	o, n, found := strings.Cut(key, "|")
	old, new = -1, -1
	for i, s := range srcs {
		switch k := s.Key(); {
		case !found:
		case k == o && old < 0:
			old = i
		case k == n && new < 0:
			new = i
		}
	}
	return old, new, old >= 0 && new >= 0
}

// IndexOf is the index of s among srcs (same kind, version and document),
// or -1; a source without a name is never found.
func IndexOf(srcs []Source, s Source) int {
	for i, x := range srcs {
		if x.Kind == s.Kind && x.N == s.N && x.ID == s.ID && x.Path == s.Path && s.Name != "" {
			return i
		}
	}
	return -1
}

// HasChange reports whether a pair is a change to stop at: any pair not
// unchanged, and with form one that changed only its punctuation.
func HasChange(p drafts.Pair, form bool) bool {
	if p.Kind != drafts.PairUnchanged {
		return true
	}
	if form {
		for _, o := range p.Ops {
			if o.Kind == drafts.OpForm {
				return true
			}
		}
	}
	return false
}

// Stops are the indexes of the pairs the page steps through (F8).
func Stops(pairs []drafts.Pair, form bool) []int {
	var out []int
	for i, p := range pairs {
		if HasChange(p, form) {
			out = append(out, i)
		}
	}
	return out
}

// FigureLine shows a figure: 高新技术企业：1200家 → 1300家（3.… → 2.…）.
func FigureLine(f drafts.Figure) string {
	dash := func(s string) string {
		if s == "" {
			return "—"
		}
		return s
	}
	clause := f.NewClause
	if f.OldClause != "" && f.OldClause != f.NewClause {
		if clause == "" {
			clause = f.OldClause
		} else {
			clause = f.OldClause + " → " + clause
		}
	}
	return fmt.Sprintf("%s：%s → %s（%s）", f.Subject, dash(f.Old), dash(f.New), clause)
}

// FigurePair is the index of the pair a figure was found in, or -1.
func FigurePair(c *drafts.Comparison, f drafts.Figure) int {
	for i, p := range c.Pairs {
		if f.NewClause != "" && p.New.Name() == f.NewClause || f.NewClause == "" && p.Old.Name() == f.OldClause {
			return i
		}
	}
	return -1
}

// Level is how alike two texts are, in the words an officer reads.
type Level string

// The levels of similarity.
const (
	High   Level = "high"
	Medium Level = "medium"
	Low    Level = "low"
)

// SimilarityLevel reads a similarity of 0–1 (a compared pair's, or a
// suggestion's score against the clause asked with) as high from 0.7,
// medium from 0.4, low below.
func SimilarityLevel(s float64) Level {
	switch {
	case s >= 0.7:
		return High
	case s >= 0.4:
		return Medium
	}
	return Low
}
