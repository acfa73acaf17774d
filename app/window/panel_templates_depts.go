package window

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"qicao/templates"
)

// deptPicker is the input of a department placeholder ({配合单位}): the
// departments as 公文 lists them (市发展改革委、市财政局) in an entry that
// also takes free text, a drop-down adding one of the departments offered,
// and a chip for each department listed that removes it when tapped.
type deptPicker struct {
	entry *widget.Entry
	add   *widget.Select
	chips *fyne.Container
	obj   fyne.CanvasObject
}

// newDeptPicker makes a picker offering choices.
func newDeptPicker(choices []string) *deptPicker {
	d := &deptPicker{entry: widget.NewEntry(), chips: container.NewVBox()}
	d.add = widget.NewSelect(choices, d.picked)
	d.add.PlaceHolder = lang.L("Add a department")
	d.obj = container.NewVBox(d.entry, d.add, d.chips)
	return d
}

// listed returns the departments the entry lists, as typed.
func (d *deptPicker) listed() []string { return templates.SplitDepartments(d.entry.Text) }

// picked adds the department chosen in the drop-down, once, and resets
// the drop-down for the next.
func (d *deptPicker) picked(name string) {
	if name == "" {
		return
	}
	d.addDepartment(name)
	d.add.ClearSelected()
}

// addDepartment appends name to the list unless it is listed already
// (under any of its names).
func (d *deptPicker) addDepartment(name string) {
	list := d.listed()
	std := templates.StandardDepartment(name)
	if slices.ContainsFunc(list, func(s string) bool { return templates.StandardDepartment(s) == std }) {
		return
	}
	d.entry.SetText(templates.JoinDepartments(append(list, name)))
}

// remove drops the i-th listed department.
func (d *deptPicker) remove(i int) {
	list := d.listed()
	if i < len(list) {
		d.entry.SetText(templates.JoinDepartments(slices.Delete(list, i, i+1)))
	}
}

// refreshChips shows a chip for each listed department.
func (d *deptPicker) refreshChips() {
	d.chips.RemoveAll()
	for i, name := range d.listed() {
		b := widget.NewButtonWithIcon(name, theme.CancelIcon(), func() { d.remove(i) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		d.chips.Add(b)
	}
}

// departmentsForCity rewrites a list of departments for a draft of city,
// as the choices are (see templates.DepartmentForCity): the example of a
// {配合单位} names no other city's organs.
func departmentsForCity(list, city string) string {
	var out []string
	for _, s := range templates.SplitDepartments(list) {
		if s, ok := templates.DepartmentForCity(s, city); ok {
			out = append(out, s)
		}
	}
	return templates.JoinDepartments(out)
}
