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

// damageState is how far the window has told of a damaged database.
type damageState struct {
	toRecovery func(error) // to the recovery window; nil until CheckRest
	told       bool        // the damage dialog has been shown
}

// CheckRest runs that check off the UI goroutine and tells the officer
// what it found: damage, with the way to the recovery window (toRecovery),
// or a daily backup that failed. From then on, an error met on a page
// SQLite found damaged is told the same way, once, instead of as a plain
// error.
func (s *Shell) CheckRest(toRecovery func(error)) {
	s.damage.toRecovery = toRecovery
	ws := s.Session.WS
	s.bg.run(func() {
		err := ws.CheckRest()
		backup := ws.BackupProblem()
		onUI(func() { s.toldCheck(err, backup) })
	})
}

// toldCheck shows what CheckRest found, if anything.
func (s *Shell) toldCheck(err, backup error) {
	switch {
	case err != nil:
		s.tellDamage(err, true)
	case backup != nil:
		s.ShowError(errors.Join(fmt.Errorf("%s", lang.L("Today's automatic backup failed; drafts are saved as usual. Check the disk space.")), localized(s.App, backup)))
	}
}

// tellDamage shows, once, that the database is damaged, with the way to
// the recovery window; checked says the officer's own tables were checked
// sound (the damage is elsewhere).
func (s *Shell) tellDamage(err error, checked bool) {
	if s.damage.told {
		return
	}
	s.damage.told = true
	advice := lang.L("Restore a backup now (the damaged file is moved aside, not deleted), or choose Later and first export what you are working on: until the file is restored, saving may be refused.")
	if checked {
		advice = lang.L("Your drafts, versions and templates were checked and are sound; the damage is in the reference documents or their index.") + " " + advice
	}
	text := widget.NewLabel(message(s.App, err) + "\n\n" + advice)
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(lang.L("The database is damaged"), lang.L("Restore a backup…"), lang.L("Later"), text, func(now bool) {
		if now && s.damage.toRecovery != nil {
			s.damage.toRecovery(err)
		}
	}, s.Window)
	d.Resize(fyne.NewSize(520, d.MinSize().Height+text.MinSize().Height))
	d.Show()
}
