package workspace

import "qicao/drafts"

// The use cases both front ends call: the store itself is unexported, so
// neither can reach past the workspace into it (the workspace's own tests
// reach it through StoreOf, in export_test.go).

// Drafts lists the drafts, most recently updated first.
func (w *Workspace) Drafts() ([]drafts.Draft, error) { return w.db.Drafts() }

// CreateDraft makes a draft with text as its first version (none when
// text is empty).
func (w *Workspace) CreateDraft(title, city, text, note string) (drafts.Draft, error) {
	return w.db.CreateDraft(title, city, text, note)
}

// RenameDraft gives draft id a new title.
func (w *Workspace) RenameDraft(id int64, title string) error { return w.db.RenameDraft(id, title) }

// DeleteDraft deletes draft id with its versions and working text.
func (w *Workspace) DeleteDraft(id int64) error { return w.db.DeleteDraft(id) }

// Versions lists the saved versions of a draft, oldest first.
func (w *Workspace) Versions(draftID int64) ([]drafts.Version, error) { return w.db.Versions(draftID) }

// Version returns version n of a draft (n <= 0: its latest).
func (w *Workspace) Version(draftID int64, n int) (drafts.Version, error) {
	return w.db.Version(draftID, n)
}

// Working returns the officer's autosaved text of a draft, ok false when
// there is none.
func (w *Workspace) Working(draftID int64) (text string, ok bool, err error) {
	return w.db.Working(draftID)
}

// SetWorking autosaves the officer's text of a draft.
func (w *Workspace) SetWorking(draftID int64, text string) error {
	return w.db.SetWorking(draftID, text)
}

// CorpusDocs lists the corpus documents.
func (w *Workspace) CorpusDocs() ([]drafts.CorpusDoc, error) { return w.db.CorpusDocs() }

// CorpusDoc returns corpus document id.
func (w *Workspace) CorpusDoc(id int64) (drafts.CorpusDoc, error) { return w.db.CorpusDoc(id) }

// Path names the database: a file path or a server URL.
func (w *Workspace) Path() string { return w.db.Path() }

// ReadOnly reports whether the database was opened for reading only.
func (w *Workspace) ReadOnly() bool {
	ro, ok := w.db.(interface{ ReadOnly() bool })
	return ok && ro.ReadOnly()
}

// Draft returns draft id.
func (w *Workspace) Draft(id int64) (drafts.Draft, error) { return w.db.Draft(id) }
