package window

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"qicao/app/workspace"
	"qicao/assets"
	"qicao/drafts"
	"qicao/drafts/docx"
	"qicao/drafts/safefile"
)

// The draft leaves the window as Word (the GB/T 9704 layout of
// `qicao export docx`), as PDF (that .docx converted by LibreOffice
// headless) or on paper (the PDF handed to lp). Every file is written
// through safefile (temporary file renamed into place; never onto the
// database or another SQLite file; onto an existing file only once the
// officer said yes), named from the draft's title and version, and the
// officer is told where it went, with a button to open the folder.

// OfficePackage is the Debian package that provides LibreOffice headless,
// named in the message shown when PDF export or printing cannot run.
const OfficePackage = "libreoffice-writer-nogui"

// ErrNoOffice is matched by the error of a PDF export or a print without
// LibreOffice installed.
var ErrNoOffice = errors.New("未安装 LibreOffice，无法生成 PDF：请让管理员安装软件包 " + OfficePackage + "（sudo apt install " + OfficePackage + "），或先导出 Word 文档")

// ErrNoPrinter is matched by the error of a print where the system has no
// print command.
var ErrNoPrinter = errors.New("没有找到打印命令 lp：请让管理员安装软件包 cups-client 并设置打印机；也可以先导出 PDF，再用其他程序打印")

// ErrEmptyDraft is the error of an export with nothing to export.
var ErrEmptyDraft = errors.New("草稿还没有可导出的正文")

// officeTimeout bounds one LibreOffice conversion.
const officeTimeout = 2 * time.Minute

// Hooks replaced by tests: where LibreOffice and lp are, how a PDF is
// printed and how a folder is opened.
var (
	lookOffice = func() (string, error) {
		if p, err := exec.LookPath("soffice"); err == nil {
			return p, nil
		}
		return exec.LookPath("libreoffice")
	}
	lookPrinter = func() (string, error) { return exec.LookPath("lp") }
	printPDF    = func(lp, path string) error {
		out, err := exec.Command(lp, "-t", filepath.Base(path), path).CombinedOutput()
		if err != nil {
			return fmt.Errorf("打印失败：%v %s", err, strings.TrimSpace(string(out)))
		}
		return nil
	}
	openFolder = func(dir string) error { return exec.Command("xdg-open", dir).Start() }
)

const prefExportDir = "export.dir"

// ExportName is the file name (without extension) of an export of the
// open draft: its title and the version it is, e.g.
// 泰安市…实施意见（第2版） or, with unsaved changes, （第2版后修改稿）.
func (s *Shell) ExportName() string {
	ss := &s.Session
	title := strings.TrimSpace(ss.Title)
	if ss.Doc != nil && strings.TrimSpace(ss.Doc.Title) != "" {
		title = strings.TrimSpace(ss.Doc.Title)
	}
	if title == "" {
		title = "草稿"
	}
	switch {
	case ss.Version == 0:
		title += "（未保存版本）"
	case s.Dirty():
		title += fmt.Sprintf("（第%d版后修改稿）", ss.Version)
	default:
		title += fmt.Sprintf("（第%d版）", ss.Version)
	}
	return safeFileName(title)
}

// safeFileName replaces what a file name cannot hold and keeps it under
// 80 characters (an ext4 name is 255 bytes: 85 Chinese characters).
func safeFileName(name string) string {
	name = strings.Map(func(r rune) rune {
		switch r {
		case '/', '\\', ':', '*', '?', '"', '<', '>', '|', '\n', '\r', '\t', 0:
			return '_'
		}
		return r
	}, name)
	if r := []rune(name); len(r) > 80 {
		name = string(r[:80])
	}
	return strings.TrimLeft(name, ". ")
}

// exportDoc is the document to export: the working text with the clause
// pane's keystrokes in it.
func (s *Shell) exportDoc() (*drafts.Document, error) {
	s.FlushClauseEdit()
	if s.Session.DraftID == 0 || s.Session.Doc == nil || strings.TrimSpace(s.Session.Text) == "" {
		return nil, ErrEmptyDraft
	}
	return s.Session.Doc, nil
}

// writeDocx writes d in the GB/T 9704 layout, as `qicao export docx`.
func writeDocx(w io.Writer, d *drafts.Document) error {
	return docx.WriteDraft(w, d, docx.Options{})
}

// ExportWordTo writes the open draft as a .docx at path; force replaces
// an existing file (never the database).
func (s *Shell) ExportWordTo(path string, force bool) error {
	d, err := s.exportDoc()
	if err != nil {
		return err
	}
	g := workspace.OutputGuard(s.Session.WS.Path(), force)
	return safefile.WriteFunc(path, 0o644, g, func(w io.Writer) error { return writeDocx(w, d) })
}

// ExportPDFTo writes the open draft as a PDF at path, through LibreOffice
// headless. It may take seconds: the window calls it off the UI
// goroutine with the document taken before.
func exportPDFTo(dbPath string, d *drafts.Document, path string, force bool) error {
	g := workspace.OutputGuard(dbPath, force)
	if err := g.Check(path); err != nil {
		return err
	}
	pdf, err := draftPDF(d)
	if err != nil {
		return err
	}
	return safefile.Write(path, pdf, 0o644, g)
}

// ExportPDFTo writes the open draft as a PDF at path (on the calling
// goroutine).
func (s *Shell) ExportPDFTo(path string, force bool) error {
	d, err := s.exportDoc()
	if err != nil {
		return err
	}
	return exportPDFTo(s.Session.WS.Path(), d, path, force)
}

// draftPDF converts d's .docx to PDF with LibreOffice in a temporary
// folder of its own (own profile, the app's CJK faces standing in for
// the official fonts the system lacks).
func draftPDF(d *drafts.Document) ([]byte, error) {
	soffice, err := lookOffice()
	if err != nil {
		return nil, ErrNoOffice
	}
	dir, err := os.MkdirTemp("", "qicao-pdf-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	var b bytes.Buffer
	if err := writeDocx(&b, d); err != nil {
		return nil, err
	}
	in := filepath.Join(dir, "draft.docx")
	if err := os.WriteFile(in, b.Bytes(), 0o600); err != nil {
		return nil, err
	}
	conf, err := fontsConf(dir)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), officeTimeout)
	defer cancel()
	out := filepath.Join(dir, "out")
	cmd := exec.CommandContext(ctx, soffice,
		"-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--norestore", "--nologo", "--nolockcheck",
		"--convert-to", "pdf:writer_pdf_Export", "--outdir", out, in)
	cmd.Env = append(os.Environ(), "HOME="+dir, "FONTCONFIG_FILE="+conf)
	ownProcessGroup(cmd)
	cmd.WaitDelay = 5 * time.Second
	if msg, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("LibreOffice 转换 PDF 失败：%v %s", err, strings.TrimSpace(string(msg)))
	}
	pdf, err := os.ReadFile(filepath.Join(out, "draft.pdf"))
	if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF")) {
		return nil, errors.New("LibreOffice 没有生成 PDF 文件")
	}
	return pdf, nil
}

// fontsConf writes, in dir, the app's embedded CJK faces and a
// fontconfig file that adds them to the system's and maps the official
// faces the .docx names onto them where the system has none of its own.
func fontsConf(dir string) (string, error) {
	fonts := filepath.Join(dir, "fonts")
	if err := os.MkdirAll(fonts, 0o755); err != nil {
		return "", err
	}
	for name, data := range map[string][]byte{"QicaoCJK-Regular.otf": assets.FontRegular(), "QicaoCJK-Bold.otf": assets.FontBold()} {
		if err := os.WriteFile(filepath.Join(fonts, name), data, 0o644); err != nil {
			return "", err
		}
	}
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>` +
		`<include ignore_missing="yes">/etc/fonts/fonts.conf</include>`)
	fmt.Fprintf(&b, "<dir>%s</dir><cachedir>%s</cachedir>", fonts, filepath.Join(dir, "fc-cache"))
	for _, f := range []string{"方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312", "宋体", "仿宋", "楷体"} {
		fmt.Fprintf(&b, `<alias><family>%s</family><default><family>Noto Sans CJK SC</family></default></alias>`, f)
	}
	b.WriteString("</fontconfig>")
	path := filepath.Join(dir, "fonts.conf")
	return path, os.WriteFile(path, []byte(b.String()), 0o644)
}

// exportWord asks where to write the Word file and writes it.
func (s *Shell) exportWord() {
	if _, err := s.exportDoc(); err != nil {
		s.ShowError(err)
		return
	}
	s.askExportPath(".docx", func(path string, force bool, done func(error)) {
		done(s.ExportWordTo(path, force))
	})
}

// exportPDF asks where to write the PDF and has LibreOffice make it, with
// a progress dialog meanwhile.
func (s *Shell) exportPDF() {
	d, err := s.exportDoc()
	if err != nil {
		s.ShowError(err)
		return
	}
	if _, err := lookOffice(); err != nil {
		s.ShowError(ErrNoOffice)
		return
	}
	db := s.Session.WS.Path()
	s.askExportPath(".pdf", func(path string, force bool, done func(error)) {
		s.offUI(lang.L("Making the PDF with LibreOffice…"), func() error {
			return exportPDFTo(db, d, path, force)
		}, done)
	})
}

// PrintDraft makes the PDF and hands it to lp; done gets the outcome on
// the UI goroutine.
func (s *Shell) printDraft() {
	d, err := s.exportDoc()
	if err != nil {
		s.ShowError(err)
		return
	}
	lp, err := lookPrinter()
	if err != nil {
		s.ShowError(ErrNoPrinter)
		return
	}
	if _, err := lookOffice(); err != nil {
		s.ShowError(ErrNoOffice)
		return
	}
	name := s.ExportName() + ".pdf"
	s.offUI(lang.L("Sending to the printer…"), func() error {
		pdf, err := draftPDF(d)
		if err != nil {
			return err
		}
		dir, err := os.MkdirTemp("", "qicao-print-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, pdf, 0o600); err != nil {
			return err
		}
		return printPDF(lp, path)
	}, func(err error) {
		if err == nil {
			dialog.ShowInformation(lang.L("Print"), lang.L("Sent to the printer: {{.Name}}", map[string]any{"Name": name}), s.Window)
			return
		}
		s.ShowError(err)
	})
}

// offUI runs work off the UI goroutine behind a progress dialog and
// gives its error to done on the UI goroutine.
func (s *Shell) offUI(msg string, work func() error, done func(error)) {
	bar := widget.NewProgressBarInfinite()
	d := dialog.NewCustomWithoutButtons(msg, bar, s.Window)
	d.Show()
	if !s.bg.run(func() {
		err := work()
		onUI(func() {
			d.Hide()
			done(err)
		})
	}) {
		d.Hide()
	}
}

// askExportPath asks for a folder (the last one used first) and a file
// name (the draft's title and version), then runs write; an existing
// file is replaced only once the officer has said yes, and the officer
// is told where the file went.
func (s *Shell) askExportPath(ext string, write func(path string, force bool, done func(error))) {
	s.askSaveFolder(func(dir string) {
		askFileName(s.Window, s.ExportName()+ext, func(name string) {
			if !strings.HasSuffix(strings.ToLower(name), ext) {
				name += ext
			}
			s.exportTo(filepath.Join(dir, safeFileName(name)), false, write)
		})
	})
}

// askSaveFolder asks where an export goes, in a folder dialog titled
// 选择保存位置 that opens on the folder used last, and runs pick with it.
func (s *Shell) askSaveFolder(pick func(dir string)) {
	p := s.App.Preferences()
	fd := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil || dir == nil {
			s.ShowError(err)
			return
		}
		p.SetString(prefExportDir, dir.Path())
		pick(dir.Path())
	}, s.Window)
	fd.SetTitleText(lang.L("Choose where to save"))
	fd.SetConfirmText(lang.L("Choose"))
	if last := p.String(prefExportDir); last != "" {
		if u, err := storage.ListerForURI(storage.NewFileURI(last)); err == nil {
			fd.SetLocation(u)
		}
	}
	fd.Resize(fyne.NewSize(900, 600))
	showFileDialog(fd, s.Window)
}

// exportTo runs write on path, asks before replacing a file, and says
// where the file went.
func (s *Shell) exportTo(path string, force bool, write func(path string, force bool, done func(error))) {
	write(path, force, func(err error) {
		switch {
		case errors.Is(err, safefile.ErrExists):
			confirm(s.Window, lang.L("Replace the file?"), fmt.Sprintf(lang.L("%s exists. Replace it?"), filepath.Base(path)), func(ok bool) {
				if ok {
					s.exportTo(path, true, write)
				}
			})
		case err != nil:
			s.ShowError(err)
		default:
			s.showExported(path)
		}
	})
}

// showExported tells the officer where the file went and offers to open
// its folder.
func (s *Shell) showExported(path string) {
	msg := widget.NewLabel(lang.L("Exported to:") + "\n" + path)
	msg.Wrapping = fyne.TextWrapBreak
	var d dialog.Dialog
	open := widget.NewButton(lang.L("Open folder"), func() {
		s.ShowError(openFolder(filepath.Dir(path)))
		d.Hide()
	})
	open.Importance = widget.HighImportance
	d = dialog.NewCustom(lang.L("Exported"), lang.L("Close"), container.NewVBox(msg, container.NewHBox(open)), s.Window)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}

// selectWholeText selects the whole document in 全文 (Ctrl+A there).
func (s *Shell) selectWholeText() {
	if w := s.Session.wholeText; w != nil && w.Visible() && s.Current() == "editor" {
		w.SelectAll()
	}
}

// copyWholeTextSelected puts the whole document on the clipboard when
// 全文 has it selected (Ctrl+C after Ctrl+A).
func (s *Shell) copyWholeTextSelected() {
	if w := s.Session.wholeText; w != nil && w.Visible() && w.Selected() != "" {
		s.App.Clipboard().SetContent(w.Selected())
	}
}

// copyAll puts the whole working text on the clipboard.
func (s *Shell) copyAll() {
	s.FlushClauseEdit()
	if s.Session.Text == "" {
		return
	}
	s.App.Clipboard().SetContent(s.Session.Text)
}
