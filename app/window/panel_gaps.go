package window

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"qicao/app/window/widgets"
	"qicao/app/workspace"
	"qicao/drafts"
	"qicao/drafts/undo"
	"qicao/templates"
)

// GapsDelay is how long the gaps wait after the last change of the text
// before they are computed again.
const GapsDelay = time.Second

// gapsUI lists the measures other cities cover that the open draft does
// not, by topic, most common first, each with a few example clauses.
type gapsUI struct {
	s      *Shell
	head   *widget.Label
	list   *widget.List
	rows   []gapRow
	chosen *templates.Gap
	detail *widgets.Redline
	place  *widget.Select
	places []int // clause index of each place option
	insert *widget.Button
	status *widget.Label
	timer  *time.Timer
	gen    int
	cancel context.CancelFunc // stops the gaps being computed for an older text
	// gaps works out the gaps of the text from what changed since the
	// last computation.
	gaps *workspace.DraftGaps
	// immediate computes at once on the UI goroutine (tests).
	immediate bool
}

// gapRow is a row of the list: a group's header (gap nil) or a gap.
type gapRow struct {
	group *templates.GapGroup
	gap   *templates.Gap
}

// gapsPanel lists measures other cities have that the open draft lacks.
func gapsPanel(s *Shell) fyne.CanvasObject {
	u := &gapsUI{s: s, gaps: s.Session.WS.DraftGaps()}
	panelsOf(s).gaps = u
	s.Listen(func(e Event) {
		switch e {
		case DraftOpened, TextChanged, CorpusChanged:
			u.schedule()
		case Stepped:
			u.status.SetText(s.Session.StepNote())
		}
	})
	// A gaps job waiting for the clause index's once-only rewrite ends
	// when the window closes, which waits for its jobs.
	s.AtClose(func() {
		if u.cancel != nil {
			u.cancel()
		}
	})
	obj := u.layout()
	u.schedule()
	return obj
}

func (u *gapsUI) layout() fyne.CanvasObject {
	u.head = widget.NewLabel("")
	u.head.Wrapping = fyne.TextWrapWord
	u.list = widget.NewList(func() int { return len(u.rows) }, newGapRow, u.updateRow)
	u.list.OnSelected = u.choose
	u.detail = widgets.NewRedline(nil)
	u.place = widget.NewSelect(nil, nil)
	u.place.PlaceHolder = lang.L("Insert after…")
	u.insert = widget.NewButtonWithIcon(lang.L("Insert adapted"), theme.ContentAddIcon(), u.insertChosen)
	u.insert.Importance = widget.HighImportance
	u.insert.Disable()
	u.status = widget.NewLabel("")
	u.status.Wrapping = fyne.TextWrapWord
	bottom := container.NewBorder(nil, container.NewVBox(container.NewBorder(nil, nil, nil, u.insert, u.place), u.status),
		nil, nil, container.NewVScroll(container.NewPadded(u.detail)))
	split := container.NewVSplit(container.NewBorder(u.head, nil, nil, nil, u.list), bottom)
	split.Offset = 0.55
	return split
}

func newGapRow() fyne.CanvasObject {
	r := widget.NewRichText()
	r.Truncation = fyne.TextTruncateEllipsis
	return r
}

func (u *gapsUI) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(u.rows) {
		return
	}
	r, rt := u.rows[i], o.(*widget.RichText)
	if r.gap == nil {
		g := r.group
		rt.Segments = []widget.RichTextSegment{widgets.BoldSeg(g.Topic), widgets.MutedSeg("　" + lang.L("{{.Cities}} cities, {{.Docs}} documents",
			map[string]any{"Cities": len(g.Cities), "Docs": g.Documents}))}
	} else {
		g := r.gap
		rt.Segments = []widget.RichTextSegment{widgets.PlainSeg("　" + g.City + "　" + g.Label + g.Heading),
			widgets.MutedSeg("　" + lang.L("{{.P}}% covered", map[string]any{"P": fmt.Sprintf("%.0f", g.Coverage*100)}))}
	}
	rt.Refresh()
}

// schedule computes the gaps GapsDelay after the last call, off the UI
// goroutine, from what changed since the last computation; a computation
// still running for an older text is cancelled.
func (u *gapsUI) schedule() {
	u.gen++
	gen, doc := u.gen, u.s.Session.Doc
	if u.timer != nil {
		u.timer.Stop()
	}
	if u.cancel != nil {
		u.cancel()
	}
	ctx, cancel := context.WithCancel(context.Background())
	u.cancel = cancel
	if doc == nil || u.immediate {
		groups, err := u.compute(ctx, doc)
		u.s.ShowError(err)
		u.show(groups)
		return
	}
	u.timer = u.s.bg.after(GapsDelay, func() {
		groups, err := u.compute(ctx, doc)
		if ctx.Err() != nil {
			return // the text changed meanwhile: a newer computation follows
		}
		onUI(func() {
			if gen == u.gen {
				u.s.ShowError(err)
				u.show(groups)
			}
		})
	})
}

// compute returns the draft's gaps.
func (u *gapsUI) compute(ctx context.Context, doc *drafts.Document) ([]templates.GapGroup, error) {
	if doc == nil {
		return nil, nil
	}
	return u.gaps.Gaps(ctx, doc, templates.GapOptions{})
}

// show lists the groups, each with its gaps.
func (u *gapsUI) show(groups []templates.GapGroup) {
	u.rows = u.rows[:0]
	n := 0
	for i := range groups {
		g := &groups[i]
		u.rows = append(u.rows, gapRow{group: g})
		for j := range g.Gaps {
			u.rows = append(u.rows, gapRow{group: g, gap: &g.Gaps[j]})
			n++
		}
	}
	u.chosen = nil
	u.list.UnselectAll()
	u.list.Refresh()
	u.detail.SetRuns(nil)
	u.insert.Disable()
	u.setPlaces(-1)
	switch {
	case u.s.Session.Doc == nil:
		u.head.SetText(lang.L("Open a draft to see what other cities cover that it does not."))
	case n == 0:
		u.head.SetText(lang.L("No gaps: the draft covers what other cities' documents cover."))
	default:
		u.head.SetText(lang.L("{{.N}} measures other cities cover that this draft lacks, most common first.", map[string]any{"N": len(groups)}))
		u.list.Select(1) // the strongest gap, under its group's header
	}
}

// choose shows gap row i: its clause, missing topics and where to insert.
func (u *gapsUI) choose(i widget.ListItemID) {
	if i < 0 || i >= len(u.rows) || u.rows[i].gap == nil {
		return
	}
	g := u.rows[i].gap
	u.chosen = g
	segs := []widget.RichTextSegment{widgets.BoldSeg(g.Title), widgets.MutedSeg("　" + g.Number + "\n"),
		widgets.PlainSeg(g.Label + g.Text + "\n")}
	if len(g.Topics) > 0 {
		segs = append(segs, widgets.MarkSeg(lang.L("Not in the draft: {{.Topics}}", map[string]any{"Topics": strings.Join(g.Topics, "、")})+"\n"))
	}
	if g.Nearest != nil {
		segs = append(segs, widgets.MutedSeg(lang.L("Nearest clause of the draft: {{.Clause}}", map[string]any{"Clause": g.Nearest.Label + g.Nearest.Heading})))
	}
	u.detail.SetRuns(widgets.RunsOf(segs))
	at := -1
	if g.Nearest != nil {
		at = g.Nearest.Index
	}
	u.setPlaces(at)
	u.insert.Enable()
}

// setPlaces offers the draft's clauses as places to insert after,
// choosing clause index at (else the clause under the cursor).
func (u *gapsUI) setPlaces(at int) {
	var opts []string
	u.places = u.places[:0]
	sel := -1
	if doc := u.s.Session.Doc; doc != nil {
		cur := u.s.SelectedNode()
		for _, c := range doc.Clauses() {
			opts = append(opts, c.Label+c.Heading)
			u.places = append(u.places, c.Index)
			if c.Index == at || at < 0 && c.Node == cur {
				sel = len(opts) - 1
			}
		}
	}
	u.place.SetOptions(opts)
	u.place.ClearSelected()
	if sel >= 0 {
		u.place.SetSelectedIndex(sel)
	}
}

// insertChosen inserts the chosen gap's clause, adapted to the draft's
// city, after the chosen place.
func (u *gapsUI) insertChosen() {
	doc, g, i := u.s.Session.Doc, u.chosen, u.place.SelectedIndex()
	if doc == nil || g == nil {
		return
	}
	cs := doc.Clauses()
	if i < 0 || i >= len(u.places) || u.places[i] >= len(cs) {
		u.s.ShowError(ErrNoAnchor)
		return
	}
	a := templates.Adapt(g.Text, g.City, doc.City)
	label, err := u.s.insertAfter(undo.Suggestion, cs[u.places[i]].Node, a.Text)
	if err != nil {
		u.s.ShowError(err)
		return
	}
	u.status.SetText(insertedNote(label, a))
}
