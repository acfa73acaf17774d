package window

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"qicao/templates"
)

// templateForm makes a template from a clause: the proposed placeholders,
// each to accept (checked), rename or drop, and the template's name and
// category.
type templateForm struct {
	p        *templates.Proposal
	name     *widget.Entry
	category *widget.Select
	checks   []*widget.Check
	names    []*widget.Entry
}

// fromClause proposes placeholders for the clause under the cursor and
// saves the template the officer confirms.
func (u *templatesUI) fromClause() {
	f, err := u.newTemplateForm()
	if err != nil {
		u.s.ShowError(err)
		return
	}
	d := dialog.NewCustomConfirm(lang.L("Template from current clause"), lang.L("Save"), lang.L("Cancel"),
		f.content(), func(ok bool) {
			if ok {
				u.saveForm(f)
			}
		}, u.s.Window)
	d.Resize(fyne.NewSize(640, 520))
	d.Show()
}

// newTemplateForm proposes a template for the clause under the cursor.
func (u *templatesUI) newTemplateForm() (*templateForm, error) {
	n := u.s.SelectedNode()
	if n == nil || strings.TrimSpace(n.Text) == "" {
		return nil, errors.New("请先在提纲中选择一个条款，再从它生成模板")
	}
	f := &templateForm{p: templates.Propose(n.Text)}
	f.name = widget.NewEntry()
	f.name.SetText(n.Heading)
	f.category = widget.NewSelect(templates.Categories, nil)
	f.category.SetSelected("重点任务")
	for _, c := range f.p.Candidates {
		ch := widget.NewCheck(c.Value, nil)
		ch.SetChecked(c.Accepted)
		e := widget.NewEntry()
		e.SetText(c.Name)
		f.checks, f.names = append(f.checks, ch), append(f.names, e)
	}
	return f, nil
}

func (f *templateForm) content() fyne.CanvasObject {
	rows := container.NewVBox(
		widget.NewForm(widget.NewFormItem(lang.L("Name"), f.name), widget.NewFormItem(lang.L("Category"), f.category)),
		widget.NewLabel(lang.L("Placeholders: tick to keep, edit the name to rename.")))
	for i := range f.checks {
		rows.Add(container.NewGridWithColumns(2, f.checks[i], f.names[i]))
	}
	if len(f.checks) == 0 {
		rows.Add(widget.NewLabel(lang.L("No placeholders proposed: the template will be the clause as written.")))
	}
	return container.NewVScroll(rows)
}

// template applies the officer's choices to the proposal.
func (f *templateForm) template() (templates.Template, error) {
	name := strings.TrimSpace(f.name.Text)
	if name == "" {
		return templates.Template{}, errors.New("请填写模板名称")
	}
	old := make([]string, len(f.p.Candidates))
	for i, c := range f.p.Candidates {
		old[i] = c.Name
	}
	for i, o := range old {
		if !f.checks[i].Checked {
			if err := f.p.Drop(o); err != nil {
				return templates.Template{}, err
			}
			continue
		}
		if n := strings.Trim(strings.TrimSpace(f.names[i].Text), "{}"); n != o {
			if err := f.p.Rename(o, n); err != nil {
				return templates.Template{}, err
			}
		}
	}
	return f.p.Template(name, f.category.Selected), nil
}

// saveForm stores the form's template and shows it in the list.
func (u *templatesUI) saveForm(f *templateForm) error {
	t, err := f.template()
	if err == nil {
		err = u.s.Session.WS.SaveTemplate(t, false)
	}
	if err != nil {
		u.s.ShowError(err)
		return err
	}
	u.category.SetSelected(lang.L("All categories"))
	u.search.SetText("")
	u.reload(t.Name)
	u.status.SetText(lang.L("Template saved: {{.Name}}", map[string]any{"Name": t.Name}))
	return nil
}
