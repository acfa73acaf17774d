package window

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"qicao/drafts"
	"qicao/templates"
)

// Sample titles from the built-in corpus, one simplified and one
// traditional: the theme tests render them to show that the embedded font
// covers both scripts.
const (
	SampleSimplified  = "泰安市人民政府关于以科技创新引领现代化产业体系建设的实施意见"
	SampleTraditional = "濟寧市人民政府關于加快科技創新與產業創新深度融合的實施意見"
	SampleDocNumber   = "濟政發〔2025〕8號　泰政发〔2024〕5号"
	SampleNumbering   = "一、总体要求　（一）指导思想　1. 强化企业创新主体地位　①②③④⑤　“双招双引”……"
)

// draftsView lists the officer's drafts of 实施意见: search, open, new,
// rename, delete, and import from a file, a drop or the clipboard.
func draftsView() View {
	return View{
		ID:    "drafts",
		Title: "Drafts",
		Icon:  theme.DocumentIcon(),
		Make:  func(s *Shell) fyne.CanvasObject { return newDraftsPage(s).content() },
	}
}

// draftsPage is the drafts view's state.
type draftsPage struct {
	s        *Shell
	all      []drafts.Draft
	shown    []drafts.Draft
	selected int64 // draft chosen in the list, 0 for none

	search  *widget.Entry
	list    *widget.List
	title   *widget.Label // title of the chosen draft
	info    *widget.Label
	actions *fyne.Container
}

func newDraftsPage(s *Shell) *draftsPage {
	p := &draftsPage{s: s}
	s.Session.newDraft = p.newDraft
	p.search = widget.NewEntry()
	p.search.SetPlaceHolder(lang.L("Search drafts by title"))
	p.search.OnChanged = func(string) { p.filter() }
	p.list = widget.NewList(func() int { return len(p.shown) }, p.newRow, p.updateRow)
	p.list.OnSelected = func(i widget.ListItemID) {
		if i >= 0 && i < len(p.shown) {
			p.selected = p.shown[i].ID
			p.showDetails()
		}
	}
	p.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.title.Wrapping = fyne.TextWrapWord
	p.info = widget.NewLabel("")
	p.info.Wrapping = fyne.TextWrapWord
	p.actions = container.NewHBox(
		widget.NewButtonWithIcon(lang.L("Open"), theme.FolderOpenIcon(), p.open),
		widget.NewButtonWithIcon(lang.L("Rename"), theme.DocumentCreateIcon(), p.rename),
		widget.NewButtonWithIcon(lang.L("Delete"), theme.DeleteIcon(), p.confirmDelete),
	)
	s.Listen(func(e Event) {
		switch e {
		case DraftOpened:
			if s.Session.DraftID != 0 {
				p.selected = s.Session.DraftID
			}
			p.reload()
		case DraftsChanged, VersionSaved:
			p.reload()
		case TextChanged: // the unsaved mark of the open draft
			p.list.Refresh()
			p.showDetails()
		}
	})
	p.reload()
	return p
}

func (p *draftsPage) content() fyne.CanvasObject {
	tools := container.NewHBox(
		widget.NewButtonWithIcon(lang.L("New draft"), theme.ContentAddIcon(), p.newDraft),
		widget.NewButtonWithIcon(lang.L("Import file…"), theme.FileIcon(), func() { p.importFile(false) }),
		widget.NewButtonWithIcon(lang.L("Paste as new draft"), theme.ContentPasteIcon(), func() { p.paste(false) }),
		widget.NewButtonWithIcon(lang.L("Import file as new version…"), theme.FileIcon(), func() { p.importFile(true) }),
		widget.NewButtonWithIcon(lang.L("Paste as new version"), theme.ContentPasteIcon(), func() { p.paste(true) }),
	)
	top := container.NewVBox(container.NewHScroll(tools), p.search)
	hint := widget.NewLabel(lang.L("Drop a file on the window to import it as a new draft or to compare it."))
	hint.Wrapping = fyne.TextWrapWord
	details := container.NewVBox(p.title, p.info, p.actions, widget.NewSeparator(), hint)
	split := container.NewHSplit(p.list, container.NewVScroll(details))
	split.Offset = 0.62
	return container.NewBorder(top, nil, nil, nil, split)
}

func (p *draftsPage) newRow() fyne.CanvasObject {
	r := &draftRow{p: p, title: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		info: widget.NewLabel("")}
	r.title.Truncation = fyne.TextTruncateEllipsis
	r.info.Truncation = fyne.TextTruncateEllipsis
	r.ExtendBaseWidget(r)
	return r
}

func (p *draftsPage) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(p.shown) {
		return
	}
	d := p.shown[i]
	r := o.(*draftRow)
	r.id = i
	r.title.SetText(draftTitle(p.s, d))
	r.info.SetText(draftInfo(p.s, d))
}

// draftRow is a row of the drafts list: a click chooses the draft, a
// double click opens it. (The row takes both: the window gives a click to
// the topmost object that handles any kind of tap.)
type draftRow struct {
	widget.BaseWidget
	p           *draftsPage
	id          widget.ListItemID
	title, info *widget.Label
}

// CreateRenderer lays out the title over the info line.
func (r *draftRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.New(layout.NewCustomPaddedVBoxLayout(-theme.Padding()), r.title, r.info))
}

// Tapped chooses the row's draft.
func (r *draftRow) Tapped(*fyne.PointEvent) { r.p.list.Select(r.id) }

// DoubleTapped opens the row's draft in the editor.
func (r *draftRow) DoubleTapped(*fyne.PointEvent) {
	r.p.list.Select(r.id)
	r.p.open()
}

// draftTitle is the title as listed: a mark for unsaved changes, and for
// the open draft.
func draftTitle(s *Shell, d drafts.Draft) string {
	t := d.Title
	if t == "" {
		t = lang.L("(untitled)")
	}
	if unsaved(s, d) {
		t = "● " + t
	}
	return t
}

// draftInfo is the line under a draft's title: versions, last change,
// unsaved state.
func draftInfo(s *Shell, d drafts.Draft) string {
	info := lang.L("{{.N}} versions · updated {{.When}}", map[string]any{
		"N": d.Versions, "When": d.Updated.Local().Format("2006-01-02 15:04")})
	if d.ID == s.Session.DraftID {
		info += " · " + lang.L("open")
	}
	if unsaved(s, d) {
		info += " · " + lang.L("unsaved changes")
	}
	return info
}

// unsaved reports whether draft d has changes not saved as a version: the
// open draft's working text as it is now, another's as last written.
func unsaved(s *Shell, d drafts.Draft) bool {
	if d.ID == s.Session.DraftID {
		return s.Dirty()
	}
	return d.HasWorking
}

// reload reads the drafts again and keeps the chosen one.
func (p *draftsPage) reload() {
	list, err := p.s.Session.WS.Drafts()
	if err != nil {
		p.s.ShowError(err)
		return
	}
	p.all = list
	if p.selected == 0 && p.s.Session.DraftID != 0 {
		p.selected = p.s.Session.DraftID
	}
	p.filter()
}

// filter shows the drafts whose title holds the search text.
func (p *draftsPage) filter() {
	q := strings.TrimSpace(p.search.Text)
	p.shown = p.shown[:0]
	for _, d := range p.all {
		if q == "" || strings.Contains(d.Title, q) {
			p.shown = append(p.shown, d)
		}
	}
	p.list.UnselectAll()
	p.list.Refresh()
	for i, d := range p.shown {
		if d.ID == p.selected {
			p.list.Select(i)
		}
	}
	p.showDetails()
}

// chosen returns the chosen draft, if it is listed.
func (p *draftsPage) chosen() (drafts.Draft, bool) {
	for _, d := range p.all {
		if d.ID == p.selected {
			return d, true
		}
	}
	return drafts.Draft{}, false
}

func (p *draftsPage) showDetails() {
	d, ok := p.chosen()
	if !ok {
		p.title.SetText(lang.L("No draft chosen"))
		p.info.SetText(lang.L("Choose a draft in the list, or make a new one."))
		p.actions.Hide()
		return
	}
	p.title.SetText(d.Title)
	p.info.SetText(draftInfo(p.s, d) + "\n" + lang.L("created {{.When}}",
		map[string]any{"When": d.Created.Local().Format("2006-01-02 15:04")}))
	p.actions.Show()
}

// open opens the chosen draft in the editor.
func (p *draftsPage) open() {
	if d, ok := p.chosen(); ok {
		p.s.OpenAndEdit(d.ID)
	}
}

// newDraft asks for a title, a kind and the city, and opens a new draft
// on the kind's skeleton (templates.Skeletons: 一、总体要求 … or 第一章
// 总则 …, placeholders for what is not known yet), or blank.
func (p *draftsPage) newDraft() {
	title, city := widget.NewEntry(), widget.NewEntry()
	city.SetPlaceHolder(lang.L("e.g. 泰安"))
	kinds := []string{}
	for _, k := range templates.Skeletons() {
		kinds = append(kinds, k.Kind)
	}
	kind := widget.NewSelect(append(kinds, lang.L("Blank")), nil)
	kind.SetSelectedIndex(0)
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Title"), title),
		widget.NewFormItem(lang.L("Kind"), kind),
		widget.NewFormItem(lang.L("City"), city),
	}
	d := dialog.NewForm(lang.L("New draft"), lang.L("OK"), lang.L("Cancel"), items, func(ok bool) {
		if ok {
			p.create(strings.TrimSpace(title.Text), kind.Selected, strings.TrimSpace(city.Text))
		}
	}, p.s.Window)
	title.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fyne.NewSize(520, d.MinSize().Height))
	d.Show()
	p.s.Window.Canvas().Focus(title)
}

// create makes and opens a draft of kind (a skeleton's, or blank) for
// city; an empty title is the skeleton's (泰安市人民政府关于……的实施意见).
func (p *draftsPage) create(title, kind, city string) {
	text := ""
	if sk, ok := templates.SkeletonOf(kind); ok {
		v := templates.DefaultSkeletonValues(kind, city, time.Now())
		if title != "" {
			v.Title = title
		}
		title, text = v.Title, sk.Text(v)
	}
	if title == "" {
		title = lang.L("New draft")
	}
	d, err := p.s.Session.WS.CreateDraft(title, strings.TrimSuffix(city, "市"), "", "")
	if err != nil {
		p.s.ShowError(err)
		return
	}
	p.selected = d.ID
	p.s.emit(DraftsChanged)
	p.s.OpenAndEdit(d.ID)
	p.s.SetText(text) // the skeleton is the working text, autosaved; no version yet
	if p.s.Session.Doc != nil && len(p.s.Session.Doc.Nodes) > 0 {
		p.s.Select(p.s.Session.Doc.Nodes[0])
	}
}

func (p *draftsPage) rename() {
	d, ok := p.chosen()
	if !ok {
		return
	}
	askText(p.s, lang.L("Rename"), lang.L("Title"), d.Title, func(title string) {
		p.s.ShowError(p.s.renameDraft(d.ID, title))
	})
}

func (p *draftsPage) confirmDelete() {
	d, ok := p.chosen()
	if !ok {
		return
	}
	msg := lang.L("Delete the draft “{{.Title}}” with all its versions? This cannot be undone.",
		map[string]any{"Title": d.Title})
	confirm(p.s.Window, lang.L("Delete"), msg, func(yes bool) {
		if !yes {
			return
		}
		if d.ID == p.s.Session.DraftID {
			p.s.CloseDraft()
		}
		if err := p.s.Session.WS.DeleteDraft(d.ID); err != nil {
			p.s.ShowError(err)
			return
		}
		p.selected = 0
		p.s.emit(DraftsChanged)
	})
}

// askText asks for one line of text; ok gets it trimmed and non-empty.
func askText(s *Shell, title, label, initial string, ok func(string)) {
	e := widget.NewEntry()
	e.SetText(initial)
	askLine(s, title, lang.L("OK"), label, e, func() {
		if t := strings.TrimSpace(e.Text); t != "" {
			ok(t)
		}
	})
}

// askLine shows a dialog with the one entry e under label, focused;
// confirm (or Enter) runs ok.
func askLine(s *Shell, title, confirm, label string, e *widget.Entry, ok func()) {
	items := []*widget.FormItem{widget.NewFormItem(label, e)}
	d := dialog.NewForm(title, confirm, lang.L("Cancel"), items, func(yes bool) {
		if yes {
			ok()
		}
	}, s.Window)
	e.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fyne.NewSize(520, d.MinSize().Height))
	d.Show()
	s.Window.Canvas().Focus(e)
}
