package window

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"qicao/app/window/widgets"
	"qicao/drafts"
	"qicao/drafts/undo"
	"qicao/templates"
)

// SuggestDelay is how long the suggestions wait after the last change of
// the clause under the cursor (a keystroke in the clause pane included)
// before asking the bank: typing pauses, then the list updates within
// 300 ms.
const SuggestDelay = 200 * time.Millisecond

// suggestionsUI shows how other cities wrote the clause under the cursor.
type suggestionsUI struct {
	s       *Shell
	head    *widget.Label
	list    *widget.List
	results []templates.Suggestion
	chosen  int
	detail  *widgets.Redline
	flags   *widget.Label
	status  *widget.Label
	buttons []*widget.Button
	timer   *time.Timer
	gen     int
	city    string // the draft's city the results were asked for
	asked   string // queryKey of the last query asked or scheduled
	// immediate asks at once on the UI goroutine instead of after
	// SuggestDelay off it (tests on the test driver, where fyne.Do runs
	// on the calling goroutine).
	immediate bool
	// shown, when set, receives after each delayed update (tests).
	shown chan struct{}
}

// suggestionsPanel shows how other cities wrote the clause under the cursor.
func suggestionsPanel(s *Shell) fyne.CanvasObject {
	u := &suggestionsUI{s: s, chosen: -1}
	panelsOf(s).suggestions = u
	s.Listen(func(e Event) {
		switch e {
		case DraftOpened, CorpusChanged:
			u.schedule()
		case TextChanged, Selected, ClauseTyped:
			u.scheduleIfChanged()
		case Stepped:
			u.status.SetText(s.Session.StepNote())
		}
	})
	obj := u.layout()
	go s.Session.WS.Suggester() // open the clause index now, before the first query needs it
	u.schedule()
	return obj
}

func (u *suggestionsUI) layout() fyne.CanvasObject {
	u.head = widget.NewLabel("")
	u.head.Wrapping = fyne.TextWrapWord
	u.list = widget.NewList(func() int { return len(u.results) }, newSuggestionRow, u.updateRow)
	u.list.OnSelected = u.choose
	u.detail = widgets.NewRedline(nil)
	u.flags = widget.NewLabel("")
	u.flags.Wrapping = fyne.TextWrapWord
	u.status = widget.NewLabel("")
	u.status.Wrapping = fyne.TextWrapWord
	insert := widget.NewButtonWithIcon(lang.L("Insert adapted"), theme.ContentAddIcon(), u.insert)
	insert.Importance = widget.HighImportance
	copyB := widget.NewButtonWithIcon(lang.L("Copy"), theme.ContentCopyIcon(), u.copy)
	open := widget.NewButtonWithIcon(lang.L("View source"), theme.FileTextIcon(), u.openSource)
	u.buttons = []*widget.Button{insert, copyB, open}
	u.enable(false)
	top := container.NewBorder(u.head, nil, nil, nil, u.list)
	bottom := container.NewBorder(nil, container.NewVBox(container.NewGridWithColumns(3, insert, copyB, open), u.status),
		nil, nil, container.NewVScroll(container.NewVBox(container.NewPadded(u.detail), u.flags)))
	split := container.NewVSplit(top, bottom)
	split.Offset = 0.55
	return split
}

// newSuggestionRow makes a list row: a header line and a one-line excerpt
// with the shared text highlighted.
func newSuggestionRow() fyne.CanvasObject {
	head := widget.NewRichText()
	head.Truncation = fyne.TextTruncateEllipsis
	text := widget.NewRichText()
	text.Truncation = fyne.TextTruncateEllipsis
	return container.NewVBox(head, text)
}

func (u *suggestionsUI) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(u.results) {
		return
	}
	r := u.results[i]
	box := o.(*fyne.Container)
	head, text := box.Objects[0].(*widget.RichText), box.Objects[1].(*widget.RichText)
	head.Segments = []widget.RichTextSegment{widgets.BoldSeg(r.City), widgets.MutedSeg(" " + similarityShort(r.Score) + " "),
		widgets.BoldSeg(r.Label + r.Heading), widgets.MutedSeg("  " + r.Number)}
	head.Refresh()
	ex, spans := excerpt(r.Text, r.Spans)
	ex = strings.ReplaceAll(ex, "\n", " ") // one line: the row is as high as the template row
	text.Segments = widgets.Highlighted(ex, spans)
	text.Refresh()
}

// schedule asks for suggestions SuggestDelay after the last call.
func (u *suggestionsUI) schedule() { u.scheduleQuery(u.query()) }

// scheduleIfChanged schedules a query unless it would ask what the list
// already shows: the write-back after typing changes nothing the panel
// has not seen, keystroke by keystroke.
func (u *suggestionsUI) scheduleIfChanged() {
	q, ok := u.query()
	if ok && !u.immediate && u.asked == queryKey(q) {
		return
	}
	u.scheduleQuery(q, ok)
}

// scheduleQuery asks the bank q (ok false: there is no clause to ask
// about) SuggestDelay after the last call.
func (u *suggestionsUI) scheduleQuery(q templates.Query, ok bool) {
	if u.immediate {
		u.s.ShowError(u.showNow(q, ok))
		return
	}
	u.gen++
	gen := u.gen
	if u.timer != nil {
		u.timer.Stop()
	}
	u.asked = ""
	if !ok {
		u.show(nil, q)
		return
	}
	u.asked = queryKey(q)
	u.timer = u.s.bg.after(SuggestDelay, func() {
		res, err := u.ask(q)
		onUI(func() {
			if gen != u.gen {
				return // the cursor moved on meanwhile
			}
			if err != nil {
				u.s.ShowError(err)
			}
			u.show(res, q)
			if u.shown != nil {
				u.shown <- struct{}{}
			}
		})
	})
}

func queryKey(q templates.Query) string {
	return strings.Join(q.ExcludeCities, ",") + "|" + q.Heading + "|" + q.Text
}

// refreshNow asks for the suggestions of the clause under the cursor and
// shows them at once, on the calling goroutine (tests, benchmarks).
func (u *suggestionsUI) refreshNow() error { return u.showNow(u.query()) }

// showNow asks the bank q and shows the answer, on the calling goroutine.
func (u *suggestionsUI) showNow(q templates.Query, ok bool) error {
	u.gen++
	if !ok {
		u.show(nil, q)
		return nil
	}
	res, err := u.ask(q)
	u.show(res, q)
	return err
}

// query is the bank query for the clause under the cursor; false when
// there is none.
func (u *suggestionsUI) query() (templates.Query, bool) {
	n, doc := u.s.SelectedNode(), u.s.Session.Doc
	if n == nil || doc == nil || strings.TrimSpace(n.Text) == "" {
		return templates.Query{}, false
	}
	text, heading := n.Text, n.Heading
	if typed, ok := u.s.TypedClause(); ok {
		text = typedBody(typed) // follow the keystrokes, not the last write-back
		heading = drafts.HeadingOf(text)
	}
	q := templates.Query{Text: text, Heading: heading, K: 20}
	if doc.City != "" {
		q.ExcludeCities = []string{doc.City}
	}
	u.city = doc.City
	return q, true
}

// typedBody is the clause pane's text without its number label.
func typedBody(typed string) string {
	if l, ok := drafts.ParseLabel(typed); ok {
		return typed[l.Len:]
	}
	return typed
}

// ask asks the stored clause index (the clause bank built in memory only
// for a store that keeps no index): opening it reads the segments'
// descriptions, where building the bank read every clause — at 10,000
// documents seconds of CPU and more than a gigabyte beside the window.
func (u *suggestionsUI) ask(q templates.Query) ([]templates.Suggestion, error) {
	b, err := u.s.Session.WS.Suggester()
	if err != nil {
		return nil, err
	}
	return b.Suggest(q)
}

// show puts results in the list.
func (u *suggestionsUI) show(res []templates.Suggestion, q templates.Query) {
	u.results = res
	u.chosen = -1
	u.list.UnselectAll()
	u.list.Refresh()
	u.list.ScrollToTop()
	u.detail.SetRuns(nil)
	u.flags.SetText("")
	u.enable(false)
	switch n := u.s.SelectedNode(); {
	case n == nil:
		u.head.SetText(lang.L("Select a clause in the outline to see how other cities wrote it."))
	case len(res) == 0:
		u.head.SetText(lang.L("No similar clauses in the corpus for {{.Clause}}", map[string]any{"Clause": n.Label + n.Heading}))
	default:
		u.head.SetText(lang.L("Other cities on {{.Clause}}", map[string]any{"Clause": n.Label + n.Heading}))
		u.list.Select(0)
	}
}

// choose shows suggestion i in full with its adaptation's review flags.
func (u *suggestionsUI) choose(i widget.ListItemID) {
	if i < 0 || i >= len(u.results) {
		return
	}
	u.chosen = i
	r := u.results[i]
	segs := []widget.RichTextSegment{widgets.BoldSeg(r.Title), widgets.MutedSeg("  " + r.Number + "  " +
		similarityWords(r.Score) + "\n")}
	u.detail.SetRuns(widgets.RunsOf(append(segs, widgets.Highlighted(r.Label+r.Text, shift(r.Spans, len([]rune(r.Label))))...)))
	u.flags.SetText(flagNotes(u.adapted(r).Flags))
	u.enable(true)
}

func (u *suggestionsUI) adapted(r templates.Suggestion) templates.Adapted {
	if u.city == "" {
		return templates.Adapt(r.Text, r.City, r.City)
	}
	return templates.Adapt(r.Text, r.City, u.city)
}

// flagNotes lists an adaptation's review flags, one a line.
func flagNotes(flags []templates.Flag) string {
	if len(flags) == 0 {
		return ""
	}
	lines := []string{lang.L("To check after inserting:")}
	for _, f := range flags {
		text := strings.Join(strings.Fields(f.Text), "")
		lines = append(lines, "·"+text+"："+f.Reason) // no space after ·: word wrapping would break there
	}
	return strings.Join(lines, "\n")
}

// insertedNote says where an adapted clause went in and what to check
// there.
func insertedNote(label string, a templates.Adapted) string {
	msg := lang.L("Inserted as {{.Label}}; {{.N}} places to check.", map[string]any{"Label": labelName(label), "N": len(a.Flags)})
	if notes := flagNotes(a.Flags); notes != "" {
		msg += "\n" + notes
	}
	return msg
}

func (u *suggestionsUI) enable(on bool) {
	for _, b := range u.buttons {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

func (u *suggestionsUI) current() (templates.Suggestion, bool) {
	if u.chosen < 0 || u.chosen >= len(u.results) {
		return templates.Suggestion{}, false
	}
	return u.results[u.chosen], true
}

// insert puts the chosen suggestion, adapted to the draft's city, after the
// clause under the cursor.
func (u *suggestionsUI) insert() {
	r, ok := u.current()
	if !ok {
		return
	}
	a := u.adapted(r)
	label, err := u.s.InsertAfterSelected(undo.Suggestion, a.Text)
	if err != nil {
		u.s.ShowError(err)
		return
	}
	u.status.SetText(insertedNote(label, a))
}

func (u *suggestionsUI) copy() {
	if r, ok := u.current(); ok {
		u.s.App.Clipboard().SetContent(u.adapted(r).Text)
		u.status.SetText(lang.L("Copied."))
	}
}

func (u *suggestionsUI) openSource() {
	if r, ok := u.current(); ok {
		u.s.ShowCorpusAt(r.SourceID, r.Index)
	}
}
