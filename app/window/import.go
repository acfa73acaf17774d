package window

import (
	"errors"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"qicao/drafts"
	"qicao/drafts/input"
)

// errNoDraftOpen is the error for a new version with no draft open.
var errNoDraftOpen = errors.New("没有打开的草稿：请先在草稿列表中打开一份草稿")

// errEmptyClipboard is the error for pasting an empty clipboard.
var errEmptyClipboard = errors.New("剪贴板中没有文字")

// OpenAndEdit opens a draft and shows it in the editor.
func (s *Shell) OpenAndEdit(id int64) {
	if err := s.OpenDraft(id); err != nil {
		s.ShowError(err)
		return
	}
	s.Show("editor")
}

// ImportDraft makes a new draft of text (read from a file or pasted) as its
// version 1, titled with the document's title or else name, and opens it.
func (s *Shell) ImportDraft(name, text, note string) error {
	if strings.TrimSpace(text) == "" {
		return errEmptyClipboard
	}
	title, city := strings.TrimSuffix(name, filepath.Ext(name)), ""
	doc, err := drafts.Parse(text)
	if err != nil {
		doc = nil
	} else if doc.Title != "" {
		title, city = doc.Title, doc.City
	}
	d, err := s.Session.WS.CreateDraft(title, city, text, note)
	if err != nil {
		return err
	}
	s.emit(DraftsChanged)
	s.Session.UseParse(doc) // the editor opens this parse, not a second one
	return s.OpenDraft(d.ID)
}

// ImportVersion makes text the working text of the open draft and saves it
// as a new version with note.
func (s *Shell) ImportVersion(text, note string) error {
	if s.Session.DraftID == 0 {
		return errNoDraftOpen
	}
	if strings.TrimSpace(text) == "" {
		return errEmptyClipboard
	}
	s.SetText(text)
	return s.SaveVersion(note)
}

// importText reads a file off the UI goroutine and then, on it, imports
// its text as a new draft or a new version. A file that cannot be read
// gives an error dialog (drafts/input's Chinese message) and writes
// nothing.
func (s *Shell) importText(name string, read func() (string, error), asVersion bool) {
	s.bg.run(func() {
		text, err := read()
		onUI(func() {
			if err != nil {
				s.ShowError(err)
				return
			}
			note := lang.L("imported from {{.File}}", map[string]any{"File": name})
			if asVersion {
				s.confirmReplace(func() { s.ShowError(s.ImportVersion(text, note)) })
			} else if err := s.ImportDraft(name, text, note); err != nil {
				s.ShowError(err)
			} else {
				s.Show("editor")
			}
		})
	})
}

// importFile asks for a .txt or .docx file and imports it.
func (p *draftsPage) importFile(asVersion bool) {
	if asVersion && p.s.Session.DraftID == 0 {
		p.s.ShowError(errNoDraftOpen)
		return
	}
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			p.s.ShowError(err)
			return
		}
		if r == nil {
			return
		}
		name := r.URI().Name()
		p.s.importText(name, func() (string, error) {
			defer r.Close()
			return input.Read(name, r)
		}, asVersion)
	}, p.s.Window)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".txt", ".docx", ".TXT", ".DOCX"}))
	d.Resize(fyne.NewSize(900, 600))
	showFileDialog(d, p.s.Window)
}

// Dropped handles files dropped on the window. One or two files on this
// disk can be compared (CompareFiles): on the compare view at once,
// elsewhere the officer chooses between comparing and importing them as
// new drafts. More files, or files from elsewhere, are imported.
func (s *Shell) Dropped(uris []fyne.URI) {
	var paths []string
	for _, u := range uris {
		if u.Scheme() == "file" {
			paths = append(paths, u.Path())
		}
	}
	switch {
	case len(uris) == 0:
		return
	case len(uris) > 2 || len(paths) < len(uris):
		s.importDropped(uris)
		return
	case s.Current() == "compare":
		s.CompareFiles(paths)
		return
	}
	names := make([]string, len(uris))
	for i, u := range uris {
		names[i] = u.Name()
	}
	compare := lang.L("Compare the two files")
	if len(paths) == 1 && s.Session.DraftID != 0 {
		compare = lang.L("Compare with the working text")
	} else if len(paths) == 1 {
		compare = lang.L("Compare")
	}
	msg := widget.NewLabel(strings.Join(names, "\n"))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomWithoutButtons(lang.L("Dropped files"), msg, s.Window)
	d.SetButtons([]fyne.CanvasObject{
		widget.NewButton(lang.L("Cancel"), d.Hide),
		widget.NewButtonWithIcon(lang.L("Import as new draft"), theme.FileIcon(), func() { d.Hide(); s.importDropped(uris) }),
		widget.NewButtonWithIcon(compare, theme.ViewRestoreIcon(), func() { d.Hide(); s.CompareFiles(paths) }),
	})
	d.Show()
}

// importDropped imports files dropped on the window as new drafts.
func (s *Shell) importDropped(uris []fyne.URI) {
	for _, u := range uris {
		s.importText(u.Name(), func() (string, error) {
			if u.Scheme() == "file" {
				return input.ReadFile(u.Path())
			}
			r, err := storage.Reader(u)
			if err != nil {
				return "", err
			}
			defer r.Close()
			return input.Read(u.Name(), r)
		}, false)
	}
}

// paste imports the clipboard's text as a new draft or a new version.
func (p *draftsPage) paste(asVersion bool) {
	clip := p.s.App.Clipboard().Content()
	if strings.TrimSpace(clip) == "" {
		p.s.ShowError(errEmptyClipboard)
		return
	}
	text, err := input.Decode("clipboard.txt", []byte(clip))
	if err != nil {
		p.s.ShowError(err)
		return
	}
	note := lang.L("pasted")
	if asVersion {
		p.s.confirmReplace(func() {
			if err := p.s.ImportVersion(text, note); err != nil {
				p.s.ShowError(err)
				return
			}
			p.s.Show("editor")
		})
		return
	}
	if err := p.s.ImportDraft(lang.L("Pasted draft"), text, note); err != nil {
		p.s.ShowError(err)
		return
	}
	p.s.Show("editor")
}

// confirmReplace runs replace, after asking when the working text has
// changes not saved as a version (they would be lost).
func (s *Shell) confirmReplace(replace func()) {
	if !s.Dirty() {
		replace()
		return
	}
	confirm(s.Window, lang.L("Unsaved changes"),
		lang.L("The working text has changes not saved as a version; they will be replaced. Go on?"),
		func(yes bool) {
			if yes {
				replace()
			}
		})
}
