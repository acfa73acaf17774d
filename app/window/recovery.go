package window

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"qicao/app/workspace"
)

// Recovery is the window shown instead of the main window when the
// database does not open: it says why, in the officer's language, and
// offers what can be done — open it read-only, restore a backup, move it
// aside and start a new one, or quit. Nothing is done to the file until a
// choice is made.
type Recovery struct {
	Window fyne.Window
	app    fyne.App
	path   string
	// opened gets the workspace the choice opened; the recovery window
	// closes after it.
	opened func(*workspace.Workspace)
	inUse  bool // open in the main window until now (see newRecovery)
}

// NewRecovery makes the recovery window (not yet shown) for the database
// at path, which failed to open with err; opened receives the workspace
// once a choice has opened one.
func NewRecovery(a fyne.App, path string, err error, opened func(*workspace.Workspace)) *Recovery {
	return newRecovery(a, path, err, opened, false)
}

// newRecovery is NewRecovery; inUse says the database was open in the
// main window until now (damage found after it opened), which has saved
// into it, so the window does not say the file is unchanged.
func newRecovery(a fyne.App, path string, err error, opened func(*workspace.Workspace), inUse bool) *Recovery {
	r := &Recovery{Window: a.NewWindow(Title), app: a, path: path, opened: opened, inUse: inUse}
	r.Window.SetContent(r.content(err))
	r.Window.Resize(fyne.NewSize(820, 440))
	r.Window.CenterOnScreen()
	return r
}

// content lays out the problem and the choices.
func (r *Recovery) content(err error) fyne.CanvasObject {
	title, unchanged := lang.L("The database cannot be opened"), lang.L("Qicao has not changed the file. You can:")
	if r.inUse {
		title, unchanged = lang.L("The database is damaged"), lang.L("Qicao writes nothing more to the file until you choose. You can:")
	}
	head := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	why := widget.NewLabel(message(r.app, err))
	why.Wrapping = fyne.TextWrapWord
	note := widget.NewLabel(unchanged)
	var oe *workspace.OpenError
	readOnly := errors.As(err, &oe) && oe.CanReadOnly()
	rows := container.NewVBox()
	add := func(label string, icon fyne.Resource, hint string, fn func()) *widget.Button {
		b := widget.NewButtonWithIcon(label, icon, fn)
		b.Alignment = widget.ButtonAlignLeading
		h := widget.NewLabel(hint)
		h.Wrapping = fyne.TextWrapWord
		rows.Add(container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(230, b.MinSize().Height), b), nil, h))
		return b
	}
	ro := add(lang.L("Open read-only"), theme.VisibilityIcon(), lang.L("Read and export every draft; nothing can be saved."), r.openReadOnly)
	if !readOnly {
		ro.Disable()
	}
	backups, _ := workspace.Backups(r.path)
	restore := add(lang.L("Restore a backup…"), theme.HistoryIcon(),
		fmt.Sprintf(lang.L("Replace it with one of the %d automatic backups; the file is moved aside, not deleted."), len(backups)), r.chooseBackup)
	if len(backups) == 0 {
		restore.Disable()
	}
	add(lang.L("Start a new database"), theme.ContentAddIcon(), lang.L("Move the file aside (not deleted) and start afresh with the built-in documents."), r.startNew)
	add(lang.L("Quit"), theme.LogoutIcon(), lang.L("Leave everything as it is."), r.app.Quit)
	where := widget.NewLabel(r.path)
	where.TextStyle = fyne.TextStyle{Monospace: true}
	where.Truncation = fyne.TextTruncateEllipsis
	icon := widget.NewIcon(theme.WarningIcon())
	top := container.NewBorder(nil, nil, icon, nil, head)
	// In a scroll the wrapped labels take the window's width; laid out
	// bare they would ask for a window one character wide and 2,000 high.
	return container.NewVScroll(container.NewPadded(container.NewVBox(top, why, where, widget.NewSeparator(), note, rows)))
}

// openReadOnly opens the database for reading only.
func (r *Recovery) openReadOnly() {
	r.open(workspace.OpenReadOnly(r.path))
}

// open hands a workspace the choice opened to the caller and closes the
// recovery window, or shows why it did not open.
func (r *Recovery) open(ws *workspace.Workspace, err error) {
	if err != nil {
		dialog.ShowError(localized(r.app, err), r.Window)
		return
	}
	r.opened(ws)
	r.Window.Close()
}

// chooseBackup lists the backups, newest first, and restores the one
// chosen after asking.
func (r *Recovery) chooseBackup() {
	list, err := workspace.Backups(r.path)
	if err != nil || len(list) == 0 {
		dialog.ShowError(errors.New(lang.L("There are no backups of this database.")), r.Window)
		return
	}
	names := make([]string, len(list))
	for i, b := range list {
		names[i] = fmt.Sprintf("%s  (%d KB)", b.Made.Local().Format("2006-01-02 15:04"), (b.Size+1023)/1024)
	}
	choice := widget.NewRadioGroup(names, nil)
	choice.SetSelected(names[0])
	dialog.ShowCustomConfirm(lang.L("Restore a backup…"), lang.L("Restore"), lang.L("Cancel"), choice, func(ok bool) {
		if !ok {
			return
		}
		for i, n := range names {
			if n == choice.Selected {
				r.restore(list[i].Path)
			}
		}
	}, r.Window)
}

// restore puts the backup at from in place of the database and opens it.
func (r *Recovery) restore(from string) {
	if _, err := workspace.Restore(r.path, from); err != nil {
		dialog.ShowError(localized(r.app, err), r.Window)
		return
	}
	r.open(workspace.Open(r.path))
}

// startNew moves the database aside, after asking, and opens a new one.
func (r *Recovery) startNew() {
	confirm(r.Window, lang.L("Start a new database"), lang.L("Move the file aside (not deleted) and start afresh with the built-in documents."), func(ok bool) {
		if !ok {
			return
		}
		if _, err := workspace.MoveAside(r.path, "damaged"); err != nil {
			dialog.ShowError(localized(r.app, err), r.Window)
			return
		}
		r.open(workspace.Open(r.path))
	})
}
