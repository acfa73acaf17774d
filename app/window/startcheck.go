package window

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// The window opens the database quickly (workspace.OpenQuickly: only the
// officer's own tables are checked before the first frame) and checks the
// rest of the file, then makes the day's backup, once it shows.

// CheckRest runs that check off the UI goroutine and tells the officer
// what it found: damage, with the way to the recovery window (recover),
// or a daily backup that failed.
func (s *Shell) CheckRest(recover func(error)) {
	ws := s.Session.WS
	s.bg.run(func() {
		err := ws.CheckRest()
		backup := ws.BackupProblem()
		onUI(func() { s.toldCheck(err, backup, recover) })
	})
}

// toldCheck shows what CheckRest found, if anything.
func (s *Shell) toldCheck(err, backup error, recover func(error)) {
	switch {
	case err != nil:
		text := widget.NewLabel(message(s.App, err) + "\n\n" +
			lang.L("Your drafts, versions and templates were checked and are sound; the damage is in the reference documents or their index. Restore a backup, or go on and restore later (what you type is still saved)."))
		text.Wrapping = fyne.TextWrapWord
		d := dialog.NewCustomConfirm(lang.L("The database is partly damaged"), lang.L("Restore a backup…"), lang.L("Later"), text, func(now bool) {
			if now {
				recover(err)
			}
		}, s.Window)
		d.Resize(fyne.NewSize(520, d.MinSize().Height+text.MinSize().Height))
		d.Show()
	case backup != nil:
		s.ShowError(errors.Join(fmt.Errorf("%s", lang.L("Today's automatic backup failed; drafts are saved as usual. Check the disk space.")), localized(s.App, backup)))
	}
}
