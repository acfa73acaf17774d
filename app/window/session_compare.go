package window

import (
	"fmt"
	"path/filepath"
	"slices"

	"fyne.io/fyne/v2/lang"

	"qicao/app/window/comparemodel"
	"qicao/app/workspace"
	"qicao/drafts"
)

// The compare page's sources and rules live in comparemodel, Fyne-free.
type (
	// SourceKind tells where a text to compare comes from.
	SourceKind = comparemodel.SourceKind
	// Source is one text the compare view can put on either side.
	Source = comparemodel.Source
)

// The kinds of comparison source.
const (
	SourceVersion = comparemodel.SourceVersion
	SourceWorking = comparemodel.SourceWorking
	SourceCorpus  = comparemodel.SourceCorpus
	SourceFile    = comparemodel.SourceFile
)

// CompareSources lists what can be compared: the open draft's versions
// (oldest first), its working text, the corpus documents, then the files
// brought to the window (CompareFiles).
func (s *Shell) CompareSources() ([]Source, error) {
	var out []Source
	db := s.Session.WS
	if id := s.Session.DraftID; id != 0 {
		vs, err := db.Versions(id)
		if err != nil {
			return nil, err
		}
		for _, v := range vs {
			name := versionName(v.N)
			if v.Note != "" {
				name += " · " + v.Note
			}
			out = append(out, Source{Kind: SourceVersion, N: v.N, Name: name})
		}
		out = append(out, Source{Kind: SourceWorking, Name: lang.L("Working text")})
	}
	docs, err := db.CorpusDocs()
	if err != nil {
		return nil, err
	}
	for _, d := range docs {
		name := d.Title
		if d.City != "" {
			name = d.City + " · " + name
		}
		if name == "" {
			name = d.Name
		}
		out = append(out, Source{Kind: SourceCorpus, ID: d.ID, Name: name})
	}
	return append(out, s.files...), nil
}

// CompareFiles shows the compare view with files as its sides (paths
// named on the command line or dropped on the window): two files against
// each other, one against the open draft's working text (its latest
// version where it has none; with no draft open, against the first
// corpus document). The files stay in the pickers, read through their
// file references (Workspace.Read) at each comparison.
func (s *Shell) CompareFiles(paths []string) {
	var named []string
	for _, p := range paths {
		if abs, err := filepath.Abs(p); err == nil {
			p = abs
		}
		named = append(named, p)
		if !slices.ContainsFunc(s.files, func(f Source) bool { return f.Path == p }) {
			s.files = append(s.files, Source{Kind: SourceFile, Path: p, Name: lang.L("File") + " · " + filepath.Base(p)})
		}
	}
	if len(named) == 0 {
		return
	}
	s.filesPair = named
	built := s.Content("compare") != nil
	if !s.Show("compare") {
		return
	}
	if built { // else building it loaded the sources, with the files' pair
		s.Content("compare").(*CompareView).loadSources()
	}
}

// SourceText returns the text of a comparison source, read through the
// reference it names (Ref). It reads the database and may run off the UI
// goroutine, except for SourceWorking, whose text the caller takes from
// the session beforehand (it is newer than the autosaved one).
func (s *Shell) SourceText(src Source) (string, error) {
	if src.Kind == SourceWorking {
		return "", fmt.Errorf("比较来源 %q 不能从数据库读取", src.Name)
	}
	text, err := s.Session.WS.Read(s.Ref(src))
	return text.Text, err
}

// Ref is the reference a comparison source names, as the command line
// writes it: a version is draft:ID@N, the working text draft:ID (the
// working text where there is one, else the latest version, which is what
// the editor shows), a corpus document corpus:ID, a file its path.
func (s *Shell) Ref(src Source) workspace.Ref {
	switch src.Kind {
	case SourceVersion:
		return workspace.Ref{Kind: workspace.RefVersion, ID: s.Session.DraftID, N: src.N}
	case SourceCorpus:
		return workspace.Ref{Kind: workspace.RefCorpus, ID: src.ID}
	case SourceFile:
		return workspace.Ref{Kind: workspace.RefFile, Path: src.Path}
	}
	return workspace.Ref{Kind: workspace.RefDraft, ID: s.Session.DraftID}
}

// CompareTexts parses two texts and compares them; it is safe off the UI
// goroutine.
func CompareTexts(oldText, newText string, strict bool) (old, new *drafts.Document, c *drafts.Comparison, err error) {
	return compareParsed(oldText, newText, nil, strict)
}

// compareParsed is CompareTexts taking known, a parse already made (the
// editor's of the working text; nil for none), for a side whose text it
// is, and parsing a text both sides share once: a file imported and
// compared as version 1 against the working text is parsed once in all.
func compareParsed(oldText, newText string, known *drafts.Document, strict bool) (old, new *drafts.Document, c *drafts.Comparison, err error) {
	parse := func(text string) (*drafts.Document, error) {
		if known != nil && known.Source == text {
			return known, nil
		}
		return drafts.Parse(text)
	}
	if old, err = parse(oldText); err != nil {
		return nil, nil, nil, err
	}
	if newText == oldText {
		new = old
	} else if new, err = parse(newText); err != nil {
		return nil, nil, nil, err
	}
	return old, new, drafts.Compare(old, new, drafts.CompareOptions{Strict: strict}), nil
}
