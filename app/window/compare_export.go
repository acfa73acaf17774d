package window

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2/lang"

	"qicao/app/workspace"
	"qicao/drafts/docx"
	"qicao/drafts/redline"
	"qicao/drafts/safefile"
)

// ExportHTML writes the comparison shown as the HTML report of
// `qicao compare --html`, with --strict when it was made with 标点差异.
func (cv *CompareView) ExportHTML(w io.Writer) error {
	return redline.WriteHTML(w, cv.oldName, cv.newName, cv.c, cv.strict)
}

// ExportDocx writes the new version with the changes from the old as
// Word tracked changes.
func (cv *CompareView) ExportDocx(w io.Writer) error {
	return docx.WriteComparison(w, cv.oldDoc, cv.newDoc, cv.c, cv.docxOptions())
}

// ExportTable writes the 修改对照表 as a Word document.
func (cv *CompareView) ExportTable(w io.Writer) error {
	return docx.WriteTable(w, cv.c, cv.docxOptions())
}

func (cv *CompareView) docxOptions() docx.Options {
	return docx.Options{Time: time.Now(), Strict: cv.strict}
}

func (cv *CompareView) exportHTML()  { cv.save("比对报告.html", ".html", cv.ExportHTML) }
func (cv *CompareView) exportDocx()  { cv.save("修订稿.docx", ".docx", cv.ExportDocx) }
func (cv *CompareView) exportTable() { cv.save("修改对照表.docx", ".docx", cv.ExportTable) }

// save asks for a folder and a file name and writes the file with write,
// through the same guard as the command line: never onto the database or
// another SQLite file, and onto an existing file only after asking.
// (Fyne's own save dialog opens, and so empties, the file it is given
// before the program sees its name.)
func (cv *CompareView) save(name, ext string, write func(io.Writer) error) {
	if cv.c == nil {
		return
	}
	cv.s.askSaveFolder(func(dir string) {
		askFileName(cv.s.Window, name, func(n string) {
			cv.writeFile(filepath.Join(dir, n), false, write)
		})
	})
}

// writeFile writes path with write; an existing file is replaced only
// once the officer has said yes.
func (cv *CompareView) writeFile(path string, force bool, write func(io.Writer) error) {
	g := workspace.OutputGuard(cv.s.Session.WS.Path(), force)
	err := safefile.WriteFunc(path, 0o644, g, write)
	if errors.Is(err, safefile.ErrExists) {
		confirm(cv.s.Window, lang.L("Replace the file?"), fmt.Sprintf(lang.L("%s exists. Replace it?"), filepath.Base(path)), func(ok bool) {
			if ok {
				cv.writeFile(path, true, write)
			}
		})
		return
	}
	cv.s.ShowError(err)
}
