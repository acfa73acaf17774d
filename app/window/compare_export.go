package window

import (
	"bytes"
	"io"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"qicao/drafts/docx"
	"qicao/drafts/redline"
)

// ExportHTML writes the comparison shown as the HTML report of
// `qicao compare --html`.
func (cv *CompareView) ExportHTML(w io.Writer) error {
	return redline.WriteHTML(w, cv.oldName, cv.newName, cv.c, cv.showForm)
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
	return docx.Options{Time: time.Now(), Strict: cv.showForm}
}

func (cv *CompareView) exportHTML()  { cv.save("比对报告.html", ".html", cv.ExportHTML) }
func (cv *CompareView) exportDocx()  { cv.save("修订稿.docx", ".docx", cv.ExportDocx) }
func (cv *CompareView) exportTable() { cv.save("修改对照表.docx", ".docx", cv.ExportTable) }

// save asks where to save a file and writes it with write.
func (cv *CompareView) save(name, ext string, write func(io.Writer) error) {
	if cv.c == nil {
		return
	}
	d := dialog.NewFileSave(func(uc fyne.URIWriteCloser, err error) {
		if err != nil || uc == nil {
			cv.s.ShowError(err)
			return
		}
		defer uc.Close()
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			cv.s.ShowError(err)
			return
		}
		_, err = uc.Write(buf.Bytes())
		cv.s.ShowError(err)
	}, cv.s.Window)
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	d.Show()
}
