package window

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// placeNames are the side-bar places of Fyne's file dialog, by the fixed
// English name Fyne gives them; each is also a key of the translations.
var placeNames = map[string]bool{
	"Home": true, "App Files": true, "Computer": true, "Desktop": true, "Documents": true,
	"Downloads": true, "Music": true, "Pictures": true, "Videos": true, "Movies": true,
}

// showFileDialog shows d in w with its side bar in the UI's language.
// Fyne 2.7 labels the places of its file dialog (Home, Computer, Desktop…)
// with English names its translations never reach; the side bar is found
// as the dialog's list whose first row reads Home, and each row is
// relabelled as the list draws it.
func showFileDialog(d *dialog.FileDialog, w fyne.Window) {
	d.Show()
	if top := w.Canvas().Overlays().Top(); top != nil {
		if l := placesList(top); l != nil {
			localisePlaces(l)
		}
	}
}

// placesList finds the file dialog's side bar in o.
func placesList(o fyne.CanvasObject) *widget.List {
	switch o := o.(type) {
	case *widget.List:
		if isPlacesList(o) {
			return o
		}
	case *widget.PopUp:
		return placesList(o.Content)
	case *container.Split:
		if l := placesList(o.Leading); l != nil {
			return l
		}
		return placesList(o.Trailing)
	case *container.Scroll:
		return placesList(o.Content)
	case *fyne.Container:
		for _, c := range o.Objects {
			if l := placesList(c); l != nil {
				return l
			}
		}
	}
	return nil
}

// isPlacesList tells whether l's first row reads Home.
func isPlacesList(l *widget.List) bool {
	if l.Length == nil || l.CreateItem == nil || l.UpdateItem == nil || l.Length() == 0 {
		return false
	}
	row := l.CreateItem()
	l.UpdateItem(0, row)
	label := rowLabel(row)
	return label != nil && label.Text == "Home"
}

// localisePlaces makes l translate each place name after Fyne has set it.
func localisePlaces(l *widget.List) {
	update := l.UpdateItem
	l.UpdateItem = func(id widget.ListItemID, row fyne.CanvasObject) {
		update(id, row)
		if label := rowLabel(row); label != nil && placeNames[label.Text] {
			label.SetText(lang.L(label.Text))
		}
	}
	l.Refresh()
}

// rowLabel is the label of a side-bar row (an icon and a label).
func rowLabel(row fyne.CanvasObject) *widget.Label {
	c, ok := row.(*fyne.Container)
	if !ok {
		return nil
	}
	for _, o := range c.Objects {
		if label, ok := o.(*widget.Label); ok {
			return label
		}
	}
	return nil
}

// askFileName asks for a file name, prefilled with name in a field wide
// enough to read it; Enter saves as the 保存 button does, and save gets
// the name trimmed, never an empty one.
func askFileName(w fyne.Window, name string, save func(name string)) {
	entry := widget.NewEntry()
	entry.SetText(name)
	d := dialog.NewForm(lang.L("Save as"), lang.L("Save"), lang.L("Cancel"),
		[]*widget.FormItem{widget.NewFormItem(lang.L("File name"), entry)}, func(ok bool) {
			if n := strings.TrimSpace(entry.Text); ok && n != "" {
				save(n)
			}
		}, w)
	entry.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fyne.NewSize(640, d.MinSize().Height))
	d.Show()
	w.Canvas().Focus(entry)
}
