package window

import (
	"fmt"

	"fyne.io/fyne/v2/lang"

	"qicao/app/window/comparemodel"
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
)

// CompareSources lists what can be compared: the open draft's versions
// (oldest first), its working text, then the corpus documents.
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
	return out, nil
}

// SourceText returns the text of a comparison source. It reads the
// database and may run off the UI goroutine, except for SourceWorking,
// whose text the caller takes from the session beforehand.
func (s *Shell) SourceText(src Source) (string, error) {
	db := s.Session.WS
	switch src.Kind {
	case SourceVersion:
		v, err := db.Version(s.Session.DraftID, src.N)
		return v.Text, err
	case SourceCorpus:
		d, err := db.CorpusDoc(src.ID)
		return d.Text, err
	}
	return "", fmt.Errorf("比较来源 %q 不能从数据库读取", src.Name)
}

// CompareTexts parses two texts and compares them; it is safe off the UI
// goroutine.
func CompareTexts(oldText, newText string, strict bool) (old, new *drafts.Document, c *drafts.Comparison, err error) {
	if old, err = drafts.Parse(oldText); err != nil {
		return nil, nil, nil, err
	}
	if new, err = drafts.Parse(newText); err != nil {
		return nil, nil, nil, err
	}
	return old, new, drafts.Compare(old, new, drafts.CompareOptions{Strict: strict}), nil
}
