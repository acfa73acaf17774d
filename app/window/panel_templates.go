package window

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"qicao/app/window/widgets"
	"qicao/drafts/undo"
	"qicao/templates"
)

// templatesUI browses the templates, fills one in a form and inserts it.
type templatesUI struct {
	s        *Shell
	all      []templates.Template
	shown    []int // indexes into all that pass the filter
	category *widget.Select
	search   *widget.Entry
	list     *widget.List
	chosen   int              // index into all, -1 for none
	preview  *widgets.Redline // the body as Insert would insert it
	form     *fyne.Container
	scroll   *container.Scroll // the form
	previewS *container.Scroll // the preview
	fields   map[string]formField
	status   *widget.Label
	insertB  *widget.Button
}

// templatesPanel browses clause templates, fills and inserts them.
func templatesPanel(s *Shell) fyne.CanvasObject {
	u := &templatesUI{s: s, chosen: -1, fields: map[string]formField{}}
	panelsOf(s).templates = u
	obj := u.layout()
	u.reload("")
	s.Listen(func(e Event) {
		switch e {
		case DraftOpened:
			u.choose(u.chosen) // prefill from the new draft
		case Stepped:
			u.status.SetText(s.Session.StepNote())
		}
	})
	return obj
}

func (u *templatesUI) layout() fyne.CanvasObject {
	all := lang.L("All categories")
	u.category = widget.NewSelect(append([]string{all}, templates.Categories...), func(string) { u.filter() })
	u.category.SetSelected(all)
	u.search = widget.NewEntry()
	u.search.SetPlaceHolder(lang.L("Search templates"))
	u.search.OnChanged = func(string) { u.filter() }
	u.list = widget.NewList(func() int { return len(u.shown) }, newTruncatedLabel, u.updateRow)
	u.list.OnSelected = func(i widget.ListItemID) {
		if i >= 0 && i < len(u.shown) {
			u.choose(u.shown[i])
		}
	}
	u.preview = widgets.NewRedline(nil)
	u.form = container.New(layout.NewFormLayout()) // labels in one column, fields in the next
	u.status = widget.NewLabel("")
	u.status.Wrapping = fyne.TextWrapWord
	u.insertB = widget.NewButtonWithIcon(lang.L("Insert"), theme.ContentAddIcon(), u.insert)
	u.insertB.Importance = widget.HighImportance
	u.insertB.Disable()
	makeB := widget.NewButtonWithIcon(lang.L("Template from current clause"), theme.DocumentSaveIcon(), u.fromClause)
	top := container.NewBorder(container.NewBorder(nil, nil, u.category, nil, u.search), nil, nil, nil, u.list)
	u.scroll = container.NewVScroll(u.form)
	u.previewS = container.NewVScroll(container.NewPadded(u.preview))
	previewHead := widget.NewLabelWithStyle(lang.L("Preview"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	formAndPreview := container.NewVSplit(u.scroll, container.NewBorder(previewHead, nil, nil, nil, u.previewS))
	formAndPreview.Offset = 0.5
	bottom := container.NewBorder(nil, container.NewVBox(container.NewGridWithColumns(2, u.insertB, makeB), u.status),
		nil, nil, formAndPreview)
	split := container.NewVSplit(top, bottom)
	split.Offset = 0.25 // the form and preview need the height: 1366×768 shows both
	return split
}

func (u *templatesUI) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i < len(u.shown) {
		t := u.all[u.shown[i]]
		o.(*widget.Label).SetText("〔" + t.Category + "〕" + t.Name)
	}
}

// reload reads the templates again and selects the one named sel, if any.
func (u *templatesUI) reload(sel string) {
	all, err := u.s.Session.WS.Templates()
	if err != nil {
		u.s.ShowError(err)
		return
	}
	u.all = all
	u.choose(-1)
	u.filter()
	u.selectNamed(sel)
}

// selectNamed selects the listed template of that name (names are
// unique) and reports whether there is one.
func (u *templatesUI) selectNamed(name string) bool {
	for i, j := range u.shown {
		if u.all[j].Name == name {
			u.list.Select(i)
			return true
		}
	}
	return false
}

// filter shows the templates of the chosen category whose name, category
// or body contains the search text.
func (u *templatesUI) filter() {
	if u.list == nil {
		return
	}
	cat, q := u.category.Selected, strings.TrimSpace(u.search.Text)
	u.shown = u.shown[:0]
	for i, t := range u.all {
		if cat != "" && cat != lang.L("All categories") && t.Category != cat {
			continue
		}
		if q != "" && !strings.Contains(t.Name+"\n"+t.Category+"\n"+t.Body, q) {
			continue
		}
		u.shown = append(u.shown, i)
	}
	u.list.UnselectAll()
	u.list.Refresh()
}

// choose shows template i with its form, prefilled from the open draft,
// and its preview.
func (u *templatesUI) choose(i int) {
	u.form.RemoveAll()
	u.fields = map[string]formField{}
	if i < 0 || i >= len(u.all) {
		u.chosen = -1
		u.showPreview([]templates.Part{{Text: lang.L("Choose a template: its placeholders are filled from the draft, and it is inserted after the clause under the cursor.")}})
		u.insertB.Disable()
		return
	}
	u.chosen = i
	t := u.all[i]
	ctx := templates.ContextOf(u.s.Session.Doc, time.Now())
	values := templates.Defaults(t, ctx)
	for _, name := range t.Names() {
		p, ok := t.Placeholder(name)
		if !ok {
			p = templates.Placeholder{Name: name, Type: templates.TypeText}
		}
		e := u.field(p, ctx)
		e.OnChanged = e.changed(u.updatePreview)
		e.SetText(values[name])
		u.fields[name] = e
		label := widget.NewLabel("{" + name + "}")
		u.form.Add(label)
		u.form.Add(e.obj)
	}
	u.updatePreview()
	u.scroll.ScrollToTop()
	u.previewS.ScrollToTop()
	u.insertB.Enable()
}

// updatePreview shows the chosen template filled with the form's values:
// what Insert would insert, each placeholder still to fill in 【】 and
// marked.
func (u *templatesUI) updatePreview() {
	if u.chosen >= 0 {
		u.showPreview(u.all[u.chosen].Preview(u.values()))
	}
}

// showPreview writes parts into the preview, each placeholder to fill
// marked (warning colour, underlined).
func (u *templatesUI) showPreview(parts []templates.Part) {
	runs := make([]widgets.TextRun, len(parts))
	for i, p := range parts {
		runs[i] = widgets.TextRun{Text: p.Text}
		if p.Placeholder != "" {
			runs[i].Style = widgets.RunForm
		}
	}
	u.preview.SetRuns(runs)
}

// previewText is the text the preview shows.
func (u *templatesUI) previewText() string { return u.preview.Text() }

// formField is a placeholder's input: an entry, or a department picker
// around one.
type formField struct {
	*widget.Entry
	obj  fyne.CanvasObject
	dept *deptPicker // nil but for departments
}

// changed returns the entry's OnChanged: the picker's chips follow the
// text, then update runs.
func (f formField) changed(update func()) func(string) {
	return func(string) {
		if f.dept != nil {
			f.dept.refreshChips()
		}
		update()
	}
}

func (u *templatesUI) field(p templates.Placeholder, ctx templates.Context) formField {
	if p.Type == templates.TypeDepartments {
		d := newDeptPicker(templates.DepartmentChoices(ctx))
		d.entry.SetPlaceHolder(example(templates.Placeholder{Example: departmentsForCity(p.Example, ctx.City)}))
		return formField{d.entry, d.obj, d}
	}
	e := widget.NewEntry()
	e.SetPlaceHolder(example(p))
	return formField{e, e, nil}
}

// example is the placeholder text of a field: the value the source had.
func example(p templates.Placeholder) string {
	if p.Example == "" {
		return ""
	}
	return lang.L("e.g. {{.Example}}", map[string]any{"Example": p.Example})
}

// values returns what the form holds.
func (u *templatesUI) values() map[string]string {
	out := map[string]string{}
	for n, e := range u.fields {
		out[n] = e.Text
	}
	return out
}

// insert fills the chosen template and inserts it after the clause under
// the cursor; an unfilled or bad placeholder inserts nothing.
func (u *templatesUI) insert() {
	if u.chosen < 0 {
		return
	}
	text, err := u.all[u.chosen].Fill(u.values())
	if err == nil {
		var label string
		if label, err = u.s.InsertAfterSelected(undo.Template, text); err == nil {
			u.status.SetText(lang.L("Inserted as {{.Label}}.", map[string]any{"Label": labelName(label)}))
			return
		}
	}
	u.status.SetText(err.Error())
	u.s.ShowError(err)
}
