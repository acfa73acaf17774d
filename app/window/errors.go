package window

import (
	"fyne.io/fyne/v2"

	"qicao/drafts"
)

// english reports whether the window speaks English (its settings).
func english(a fyne.App) bool { return CurrentSettings(a).Language == LangEnglish }

// message is err as the officer reads it in the window's language: the
// English message of an error that has one (drafts.Message) when the
// window speaks English, else the Chinese.
func message(a fyne.App, err error) string { return drafts.Message(err, english(a)) }

// localized is err with its message in the window's language, for Fyne's
// error dialog; errors.Is and errors.As still see err.
func localized(a fyne.App, err error) error {
	if err == nil || !english(a) {
		return err
	}
	return localizedError{err, drafts.Message(err, true)}
}

type localizedError struct {
	err error
	msg string
}

func (e localizedError) Error() string { return e.msg }
func (e localizedError) Unwrap() error { return e.err }
