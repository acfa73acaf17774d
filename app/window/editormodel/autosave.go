package editormodel

// Autosave paces the writing of the working text: the write happens a
// fixed delay after the first change not yet written, however many
// follow (steady typing cannot put it off), and a failing write is told
// to the officer once, not at every retry. It holds no timer and no lock:
// the window's autosaver starts the timer when Schedule says so and
// serialises the calls.
type Autosave struct {
	pending bool
	id      int64
	text    string
	lastErr string
}

// Schedule makes text the working text of draft id to write; first
// reports whether it is the first change not yet written, for which the
// caller starts the delay.
func (a *Autosave) Schedule(id int64, text string) (first bool) {
	first = !a.pending
	a.pending, a.id, a.text = true, id, text
	return first
}

// Take returns the text to write now, if any, and forgets it.
func (a *Autosave) Take() (id int64, text string, ok bool) {
	if !a.pending {
		return 0, "", false
	}
	a.pending = false
	id, text = a.id, a.text
	a.text = ""
	return id, text, true
}

// Pending reports whether a text waits to be written.
func (a *Autosave) Pending() bool { return a.pending }

// Written records a write's outcome and reports whether to tell the
// officer: a failure, unless it is the same as the last write's (a
// read-only database would otherwise raise a dialog a second).
func (a *Autosave) Written(err error) (tell bool) {
	msg := ""
	if err != nil {
		msg = err.Error()
	}
	tell = err != nil && msg != a.lastErr
	a.lastErr = msg
	return tell
}
