package workspace

import (
	"fmt"
	"strconv"
	"strings"

	"qicao/drafts"
	"qicao/drafts/input"
)

// RefKind says what a Ref names.
type RefKind int

// The kinds of reference.
const (
	// RefFile is a file on disk, read by drafts/input.
	RefFile RefKind = iota + 1
	// RefDraft (draft:ID) is a draft's current text: its working text
	// where it has unsaved changes, else its latest version — the text
	// the window opens and `draft show` prints.
	RefDraft
	// RefVersion (draft:ID@N) is version N of a draft, exactly.
	RefVersion
	// RefCorpus (corpus:ID) is a document of the corpus.
	RefCorpus
)

// Ref names a text to read, the same way in the command line and the
// window: a file path, draft:ID, draft:ID@N or corpus:ID.
type Ref struct {
	Kind RefKind
	Path string // the file, for RefFile
	ID   int64  // the draft or corpus document
	N    int    // the version, for RefVersion
}

// The forms of a stored reference.
const (
	draftPrefix  = "draft:"
	corpusPrefix = "corpus:"
)

// ParseRef reads a reference as the command line writes it: draft:ID,
// draft:ID@N, corpus:ID, or else a file path. A draft: or corpus: form
// that does not read is an error, never a file.
func ParseRef(s string) (Ref, error) {
	switch {
	case strings.HasPrefix(s, draftPrefix):
		idPart, nPart, hasN := strings.Cut(strings.TrimPrefix(s, draftPrefix), "@")
		id, err := strconv.ParseInt(idPart, 10, 64)
		n := 0
		if err == nil && hasN {
			n, err = strconv.Atoi(nPart)
		}
		if err != nil || id <= 0 || hasN && n <= 0 {
			return Ref{}, &RefError{Ref: s}
		}
		if hasN {
			return Ref{Kind: RefVersion, ID: id, N: n}, nil
		}
		return Ref{Kind: RefDraft, ID: id}, nil
	case strings.HasPrefix(s, corpusPrefix):
		id, err := strconv.ParseInt(strings.TrimPrefix(s, corpusPrefix), 10, 64)
		if err != nil || id <= 0 {
			return Ref{}, &RefError{Ref: s, Corpus: true}
		}
		return Ref{Kind: RefCorpus, ID: id}, nil
	}
	return Ref{Kind: RefFile, Path: s}, nil
}

// String writes the reference as ParseRef reads it.
func (r Ref) String() string {
	switch r.Kind {
	case RefDraft:
		return fmt.Sprintf("draft:%d", r.ID)
	case RefVersion:
		return fmt.Sprintf("draft:%d@%d", r.ID, r.N)
	case RefCorpus:
		return fmt.Sprintf("corpus:%d", r.ID)
	}
	return r.Path
}

// Stored reports whether the reference names something in the database
// (anything but a file).
func (r Ref) Stored() bool { return r.Kind != RefFile }

// RefError is a reference that does not read.
type RefError struct {
	Ref    string
	Corpus bool // a corpus: form
}

func (e *RefError) Error() string {
	if e.Corpus {
		return fmt.Sprintf("「%s」不是有效的语料文档，应写作 corpus:编号，例如 corpus:3", e.Ref)
	}
	return fmt.Sprintf("「%s」不是有效的草稿版本，应写作 draft:编号@版本，例如 draft:1@2", e.Ref)
}

// EnglishMessage says the same in English.
func (e *RefError) EnglishMessage() string {
	if e.Corpus {
		return fmt.Sprintf("“%s” is not a corpus document; write corpus:ID, e.g. corpus:3", e.Ref)
	}
	return fmt.Sprintf("“%s” is not a draft version; write draft:ID@N, e.g. draft:1@2", e.Ref)
}

// ErrorCode is drafts.EInvalid.
func (e *RefError) ErrorCode() drafts.Code { return drafts.EInvalid }

// Source is a text read through a reference.
type Source struct {
	// Ref is the reference resolved: draft:ID read as a saved version is
	// draft:ID@N; read as the working text it stays draft:ID.
	Ref  Ref
	Text string
}

// Name is how the source is named in outputs: the reference resolved.
func (s Source) Name() string { return s.Ref.String() }

// Read returns the text a reference names. A file is read by
// drafts/input and needs no database, so w may be nil for RefFile.
func (w *Workspace) Read(r Ref) (Source, error) {
	switch r.Kind {
	case RefFile:
		text, err := input.ReadFile(r.Path)
		return Source{r, text}, err
	case RefDraft:
		text, ok, err := w.Working(r.ID)
		if err != nil {
			return Source{}, err
		}
		if ok {
			return Source{r, text}, nil
		}
		fallthrough
	case RefVersion:
		v, err := w.Version(r.ID, r.N)
		if err != nil {
			return Source{}, err
		}
		return Source{Ref{Kind: RefVersion, ID: r.ID, N: v.N}, v.Text}, nil
	case RefCorpus:
		d, err := w.CorpusDoc(r.ID)
		return Source{r, d.Text}, err
	}
	return Source{}, drafts.Errorf(drafts.EInvalid, fmt.Sprintf("无法读取「%s」", r), fmt.Sprintf("Cannot read “%s”", r))
}
