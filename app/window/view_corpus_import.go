package window

import (
	"io/fs"
	"path/filepath"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// importJob is an import of files into the corpus, running off the UI
// goroutine.
type importJob struct {
	paths  []string
	once   sync.Once
	cancel chan struct{}
	done   chan struct{}
	// added and errs are final once done is closed.
	added    int
	errs     []error
	canceled bool
}

// Cancel stops the import before its next file; files already added stay.
func (j *importJob) Cancel() { j.once.Do(func() { close(j.cancel) }) }

func (j *importJob) stopped() bool {
	select {
	case <-j.cancel:
		return true
	default:
		return false
	}
}

// addFiles asks for a file and imports it.
func (c *corpusUI) addFiles() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			c.s.ShowError(err)
			return
		}
		r.Close()
		c.importFiles([]string{r.URI().Path()})
	}, c.s.Window)
	d.Resize(fyne.NewSize(900, 600))
	showFileDialog(d, c.s.Window)
}

// addFolder asks for a folder and imports every file in it and below.
func (c *corpusUI) addFolder() {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil || u == nil {
			c.s.ShowError(err)
			return
		}
		paths, err := folderFiles(u.Path())
		if err != nil {
			c.s.ShowError(err)
			return
		}
		c.importFiles(paths)
	}, c.s.Window)
	d.Resize(fyne.NewSize(900, 600))
	showFileDialog(d, c.s.Window)
}

// folderFiles lists the files in dir and below, skipping hidden ones.
func folderFiles(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if strings.HasPrefix(e.Name(), ".") && p != dir {
			if e.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if e.Type().IsRegular() {
			out = append(out, p)
		}
		return nil
	})
	return out, err
}

// importFiles adds the files to the corpus in a goroutine, with a progress
// bar and a cancel button; at the end it shows what was added and what
// was refused, and the bank is current.
func (c *corpusUI) importFiles(paths []string) *importJob {
	j := &importJob{paths: paths, cancel: make(chan struct{}), done: make(chan struct{})}
	bar := widget.NewProgressBar()
	bar.Max = float64(len(paths))
	label := widget.NewLabel(lang.L("Importing {{.N}} files…", map[string]any{"N": len(paths)}))
	cancel := widget.NewButton(lang.L("Cancel"), j.Cancel)
	prog := dialog.NewCustomWithoutButtons(lang.L("Import into the corpus"),
		container.NewVBox(label, bar, cancel), c.s.Window)
	prog.Resize(fyne.NewSize(420, 160))
	prog.Show()
	go c.runImport(j, func(done int, name string) {
		bar.SetValue(float64(done))
		label.SetText(name)
	}, prog.Hide)
	return j
}

// runImport is the import's goroutine.
func (c *corpusUI) runImport(j *importJob, progress func(int, string), hide func()) {
	defer close(j.done)
	ws := c.s.Session.WS
	for i, p := range j.paths {
		if j.stopped() {
			j.canceled = true
			break
		}
		if _, err := ws.AddCorpusFile(p); err != nil {
			j.errs = append(j.errs, err)
		} else {
			j.added++
		}
		onUIWait(func() {
			progress(i+1, filepath.Base(p))
			if c.progressHook != nil {
				c.progressHook(i+1, len(j.paths), j)
			}
		})
	}
	onUIWait(func() {
		hide()
		c.finishImport(j)
	})
}

// finishImport shows the import's outcome and tells the views.
func (c *corpusUI) finishImport(j *importJob) {
	if j.added > 0 {
		c.reload()
		c.s.emit(CorpusChanged)
	}
	lines := []string{lang.L("Added {{.N}} of {{.Total}} files.", map[string]any{"N": j.added, "Total": len(j.paths)})}
	if j.canceled {
		lines = append(lines, lang.L("The import was cancelled."))
	}
	if len(j.errs) > 0 {
		lines = append(lines, lang.L("Not added:"))
		for _, err := range j.errs {
			lines = append(lines, "· "+message(c.s.App, err))
		}
	}
	l := widget.NewLabel(strings.Join(lines, "\n"))
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(lang.L("Import into the corpus"), lang.L("OK"), container.NewVScroll(l), c.s.Window)
	d.Resize(fyne.NewSize(560, 320))
	d.Show()
}

// confirmRemove asks before removing the shown document.
func (c *corpusUI) confirmRemove() {
	if c.doc == nil {
		return
	}
	id, title := c.doc.ID, c.doc.Title
	confirm(c.s.Window, lang.L("Remove"), lang.L("Remove {{.Title}} from the corpus?", map[string]any{"Title": title}),
		func(ok bool) {
			if ok {
				c.remove(id)
			}
		})
}

// remove takes document id out of the corpus and the bank.
func (c *corpusUI) remove(id int64) {
	if err := c.s.Session.WS.RemoveCorpusDoc(id); err != nil {
		c.s.ShowError(err)
		return
	}
	c.doc, c.rows = nil, nil
	c.outline.Refresh()
	c.header.SetText("")
	c.text.SetText(lang.L("Choose a document on the left."))
	c.removeB.Disable()
	c.tree.UnselectAll()
	c.reload()
	c.s.emit(CorpusChanged)
}
