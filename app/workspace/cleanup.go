package workspace

import (
	"fmt"

	"qicao/drafts"
)

// Cleaned is what CleanWorking did: the text the draft goes on with, the
// lines it removed, and the version that keeps the text as it was (a new
// one when Saved, else the latest, which already held it).
type Cleaned struct {
	Text    string
	Removed []drafts.Removal
	Kept    drafts.Version
	Saved   bool
}

// CleanWorking removes from original, the draft's working text, the lines
// drafts.Boilerplate lists (web headers and footers, registration numbers,
// rules). The original is kept first as an immutable version with note,
// unless the latest version already is that text; base is the version the
// officer started from (as SaveVersion's). Version and working text are
// written in one transaction where the store can. A text with nothing to
// remove changes nothing and returns no Removed.
func (w *Workspace) CleanWorking(draftID int64, base int, original, note string) (Cleaned, error) {
	text, removed := drafts.CleanText(original)
	c := Cleaned{Text: text, Removed: removed}
	if len(removed) == 0 {
		return c, nil
	}
	latest, err := w.db.Version(draftID, 0)
	if err == nil && latest.Text == original {
		c.Kept = latest
		return c, w.db.SetWorking(draftID, text)
	}
	c.Kept, err = w.keepAndWork(draftID, base, original, note, text)
	c.Saved = err == nil
	return c, err
}

// keepAndWork saves text as a version and working as the working text.
func (w *Workspace) keepAndWork(draftID int64, base int, text, note, working string) (drafts.Version, error) {
	if s, ok := w.db.(interface {
		SaveVersionWithWorking(int64, int, string, string, string) (drafts.Version, error)
	}); ok {
		return s.SaveVersionWithWorking(draftID, base, text, note, working)
	}
	// A store without the one transaction: the original first, so that a
	// failure in between loses nothing.
	v, err := w.SaveVersion(draftID, base, text, note)
	if err != nil {
		return v, err
	}
	if err := w.db.SetWorking(draftID, working); err != nil {
		return v, &drafts.Error{Code: drafts.ErrorCode(err), Err: err,
			Message: fmt.Sprintf("原文已保存为第 %d 版，清理后的文字未能保存：%v", v.N, err),
			English: fmt.Sprintf("The original is saved as version %d; the cleaned text could not be saved: %s", v.N, drafts.Message(err, true))}
	}
	return v, nil
}
