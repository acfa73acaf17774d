package window

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"qicao/app/window/comparemodel"
	"qicao/app/window/widgets"
	"qicao/drafts"
	"qicao/drafts/redline"
)

// compareView: compares two versions clause by clause, with tracked changes.
func compareView() View {
	return View{
		ID:    "compare",
		Title: "Compare",
		Icon:  theme.ViewRestoreIcon(),
		Make:  func(s *Shell) fyne.CanvasObject { return newCompareView(s) },
	}
}

// CompareView is the compare page: two pickers (versions of the open
// draft, its working text, corpus documents), the summary, the alignment
// diagram, and tabs with the tracked changes, the 对照表 and the changed
// figures. F8 / Shift+F8 (or Alt+PageDown / Alt+PageUp) step through the
// changes.
type CompareView struct {
	widget.BaseWidget
	s       *Shell
	content fyne.CanvasObject

	sources        []Source
	oldSel, newSel *widget.Select
	formCheck      *widget.Check
	position       *widget.Label
	prevButton     *widget.Button
	nextButton     *widget.Button
	summary        *fyne.Container
	status         *widget.Label

	diagram       *widgets.Diagram
	diagramScroll *container.Scroll
	tabs          *container.AppTabs
	tracked       *pairList
	table         *pairList
	figures       *widgets.KeyList

	// The comparison shown, with what it was made from.
	c                *drafts.Comparison
	oldDoc, newDoc   *drafts.Document
	oldName, newName string
	showForm         bool // the 标点差异 box: compare with drafts' Strict, as qicao compare --strict
	strict           bool // the setting c was made with, which its exports use
	selected         int
	changes          []int // indexes of the pairs with changes

	loading bool         // pickers being filled: no comparing on their changes
	gen     atomic.Int64 // the latest comparison asked for
	running sync.WaitGroup
	timer   *time.Timer // recompare after edits of the working text
}

func newCompareView(s *Shell) *CompareView {
	cv := &CompareView{s: s, selected: -1}
	cv.ExtendBaseWidget(cv)
	cv.oldSel = widget.NewSelect(nil, func(string) { cv.picked() })
	cv.newSel = widget.NewSelect(nil, func(string) { cv.picked() })
	cv.formCheck = widget.NewCheck(lang.L("Punctuation differences"), cv.SetShowForm)
	cv.position = widget.NewLabel("")
	cv.status = widget.NewLabel("")
	cv.summary = container.NewHBox()
	cv.diagram = widgets.NewDiagram()
	cv.diagram.OnSelected = cv.Select
	cv.diagramScroll = container.NewVScroll(cv.diagram)
	cv.tracked = newPairList(cv, false)
	cv.table = newPairList(cv, true)
	cv.figures = cv.newFigureList()
	cv.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("Tracked changes"), cv.tracked),
		container.NewTabItem(lang.L("Side by side"), container.NewBorder(tableHead(), nil, nil, nil, cv.table)),
		container.NewTabItem(lang.L("Target changes"), cv.figures),
	)
	cv.tabs.OnSelected = func(*container.TabItem) { cv.Select(cv.selected) } // scroll the list shown to the current pair
	cv.content = cv.layout()
	cv.addShortcuts()
	s.Listen(cv.sessionChanged)
	cv.loadSources()
	return cv
}

// CreateRenderer is part of fyne.Widget.
func (cv *CompareView) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(cv.content)
}

func (cv *CompareView) layout() fyne.CanvasObject {
	pick := func(label string, sel *widget.Select) fyne.CanvasObject {
		return container.NewBorder(nil, nil, widget.NewLabel(label), nil, sel)
	}
	pickers := container.NewGridWithColumns(2, pick(lang.L("Old"), cv.oldSel), pick(lang.L("New"), cv.newSel))
	cv.prevButton = widget.NewButtonWithIcon(lang.L("Previous change (Shift+F8)"), theme.MoveUpIcon(), cv.Prev)
	cv.nextButton = widget.NewButtonWithIcon(lang.L("Next change (F8)"), theme.MoveDownIcon(), cv.Next)
	tools := container.NewHBox(cv.prevButton, cv.nextButton, cv.position, cv.formCheck, layout.NewSpacer(),
		widget.NewButtonWithIcon(lang.L("Export HTML…"), theme.DocumentSaveIcon(), cv.exportHTML),
		widget.NewButtonWithIcon(lang.L("Export Word…"), theme.DocumentSaveIcon(), cv.exportDocx),
		widget.NewButtonWithIcon(lang.L("Export table (Word)…"), theme.DocumentSaveIcon(), cv.exportTable))
	left := container.NewBorder(legend(), nil, nil, nil, cv.diagramScroll)
	split := container.NewHSplit(left, cv.tabs)
	split.Offset = 0.3
	top := container.NewVBox(pickers, tools, container.NewHBox(cv.summary, layout.NewSpacer(), cv.status))
	return container.NewBorder(top, nil, nil, nil, split)
}

// legend shows the colour of each kind of pair.
func legend() fyne.CanvasObject {
	var items []fyne.CanvasObject
	for _, k := range redline.Kinds {
		t := canvas.NewText(kindName(k), theme.Color(theme.ColorNameForeground))
		t.TextSize = theme.TextSize() * 0.8
		box := canvas.NewRectangle(redline.Color(k))
		box.SetMinSize(fyne.NewSize(14, 3))
		items = append(items, container.NewHBox(container.NewCenter(box), t))
	}
	return container.NewPadded(container.NewHBox(items...))
}

// chip is a small box in a kind's colour with a text beside it.
func chip(k drafts.PairKind, text string) fyne.CanvasObject {
	box := canvas.NewRectangle(redline.Color(k))
	box.SetMinSize(fyne.NewSize(10, 10))
	box.CornerRadius = 2
	return container.NewHBox(container.NewCenter(box), widget.NewLabel(text))
}

// kindName is the translated name of a pair kind.
func kindName(k drafts.PairKind) string { return lang.L(redline.English(k)) }

// sessionChanged refills the pickers when the draft, its versions or the
// corpus change, and recompares when the working text shown changed.
func (cv *CompareView) sessionChanged(e Event) {
	switch e {
	case DraftOpened, VersionSaved, CorpusChanged:
		cv.loadSources()
	case TextChanged:
		if cv.side(cv.oldSel).Kind == SourceWorking || cv.side(cv.newSel).Kind == SourceWorking {
			cv.runSoon()
		}
	}
}

// runSoon compares again a moment after the last edit of the working text.
func (cv *CompareView) runSoon() {
	if cv.timer != nil {
		cv.timer.Stop()
	}
	cv.timer = cv.s.bg.after(RecompareDelay, func() { onUI(cv.Run) })
}

// RecompareDelay is how long after the last edit of the working text the
// compare view compares it again, when it shows it.
const RecompareDelay = 400 * time.Millisecond

// loadSources fills the pickers and picks the default pair: the latest
// version against the one before it (the working text when there is
// only one version), and compares.
func (cv *CompareView) loadSources() {
	srcs, err := cv.s.CompareSources()
	if err != nil {
		cv.s.ShowError(err)
		return
	}
	oldKeep, newKeep := cv.side(cv.oldSel), cv.side(cv.newSel)
	cv.sources = srcs
	names := make([]string, len(srcs))
	seen := map[string]int{}
	for i, src := range srcs {
		names[i] = src.Name
		if seen[src.Name]++; seen[src.Name] > 1 {
			names[i] = fmt.Sprintf("%s (%d)", src.Name, seen[src.Name])
		}
	}
	o, n := comparemodel.DefaultPair(srcs, cv.s.Dirty())
	if ro, rn, ok := comparemodel.FindPair(srcs, cv.s.App.Preferences().String(pairKey(cv.s.Session.DraftID))); ok && cv.c == nil {
		o, n = ro, rn // the pair chosen for this draft before, even across a restart
	}
	if i := comparemodel.IndexOf(srcs, oldKeep); i >= 0 && cv.c != nil {
		o = i
	}
	if i := comparemodel.IndexOf(srcs, newKeep); i >= 0 && cv.c != nil {
		n = i
	}
	if paths := cv.s.filesPair; paths != nil {
		cv.s.filesPair = nil
		if fo, fn := comparemodel.FilesPair(srcs, paths); fo >= 0 && fn >= 0 {
			o, n = fo, fn
		}
	}
	cv.loading = true
	cv.oldSel.SetOptions(names)
	cv.newSel.SetOptions(names)
	cv.oldSel.SetSelectedIndex(o)
	cv.newSel.SetSelectedIndex(n)
	cv.loading = false
	cv.Run()
}

// picked compares the pair just chosen in a picker, remembers it for the
// draft, and gives the focus back to the page, where F8 and Shift+F8 step
// (a focused picker would take the keys).
func (cv *CompareView) picked() {
	cv.rememberPair()
	if c := cv.s.Window.Canvas(); c.Focused() == cv.oldSel || c.Focused() == cv.newSel {
		c.Unfocus()
	}
	cv.Run()
}

// ComparePair shows the compare view on sources old and new (a version
// of the open draft against its working text, from the versions dialog).
func (s *Shell) ComparePair(old, new Source) {
	if !s.Show("compare") {
		return
	}
	cv := s.Content("compare").(*CompareView)
	o, n, ok := comparemodel.FindPair(cv.sources, comparemodel.PairKey(old, new))
	if !ok {
		return
	}
	cv.loading = true
	cv.oldSel.SetSelectedIndex(o)
	cv.newSel.SetSelectedIndex(n)
	cv.loading = false
	cv.rememberPair()
	cv.Run()
}

// pairKey is the preference that remembers the pair chosen for a draft.
func pairKey(draft int64) string { return fmt.Sprintf("compare.pair.%d", draft) }

// rememberPair keeps the pair the officer chose for the open draft.
func (cv *CompareView) rememberPair() {
	o, n := cv.side(cv.oldSel), cv.side(cv.newSel)
	if cv.loading || o.Kind < 0 || n.Kind < 0 {
		return
	}
	cv.s.App.Preferences().SetString(pairKey(cv.s.Session.DraftID), comparemodel.PairKey(o, n))
}

// side returns the source chosen in a picker (the zero Source if none).
func (cv *CompareView) side(sel *widget.Select) Source {
	if i := sel.SelectedIndex(); i >= 0 && i < len(cv.sources) {
		return cv.sources[i]
	}
	return Source{Kind: -1}
}

// Run compares the two chosen sources off the UI goroutine and shows the
// result when it is ready (a later Run supersedes an earlier one).
func (cv *CompareView) Run() { cv.run(false) }

// run compares with the 标点差异 setting; with keep the pair selected
// stays selected (the pairs are the same when only the setting changed).
func (cv *CompareView) run(keep bool) {
	if cv.loading {
		return
	}
	o, n := cv.side(cv.oldSel), cv.side(cv.newSel)
	if o.Kind < 0 || n.Kind < 0 {
		return
	}
	working, doc, strict := cv.s.Session.Text, cv.s.Session.Doc, cv.showForm
	gen := int(cv.gen.Add(1))
	cv.status.SetText(lang.L("Comparing…"))
	cv.running.Add(1)
	started := cv.s.bg.run(func() {
		defer cv.running.Done()
		res, err := cv.compare(o, n, working, doc, strict)
		onUI(func() {
			if gen != int(cv.gen.Load()) {
				return
			}
			if err != nil {
				cv.status.SetText("")
				cv.s.ShowError(err)
				return
			}
			cv.show(res, o.Name, n.Name, keep)
		})
	})
	if !started {
		cv.running.Done()
	}
}

// Generation counts the comparisons asked for.
func (cv *CompareView) Generation() int { return int(cv.gen.Load()) }

// Wait returns when the comparisons started have been handed to the UI
// goroutine.
func (cv *CompareView) Wait() { cv.running.Wait() }

// compared is a finished comparison with its documents.
type compared struct {
	old, new *drafts.Document
	c        *drafts.Comparison
	strict   bool
}

// compare reads the two sources and compares them; doc is the editor's
// parse of the working text, taken instead of a second parse.
func (cv *CompareView) compare(o, n Source, working string, doc *drafts.Document, strict bool) (compared, error) {
	text := func(src Source) (string, error) {
		if src.Kind == SourceWorking {
			return working, nil
		}
		return cv.s.SourceText(src)
	}
	ot, err := text(o)
	if err != nil {
		return compared{}, err
	}
	nt, err := text(n)
	if err != nil {
		return compared{}, err
	}
	old, new, c, err := compareParsed(ot, nt, doc, strict)
	return compared{old, new, c, strict}, err
}

// show puts a comparison on screen and selects its first change, or with
// keep the pair selected before.
func (cv *CompareView) show(r compared, oldName, newName string, keep bool) {
	kept := cv.selected
	cv.c, cv.oldDoc, cv.newDoc, cv.oldName, cv.newName, cv.strict = r.c, r.old, r.new, oldName, newName, r.strict
	cv.status.SetText("")
	cv.fillSummary()
	cv.diagram.SetPairs(r.c.Pairs)
	cv.selected = -1
	cv.restyle()
	cv.figures.Refresh()
	switch {
	case keep && kept >= 0 && kept < len(cv.c.Pairs):
		cv.Select(kept)
	case len(cv.changes) > 0:
		cv.Select(cv.changes[0])
	default:
		cv.updatePosition()
	}
}

// restyle rebuilds the runs of every pair for the punctuation toggle and
// the list of changes to step through.
func (cv *CompareView) restyle() {
	cv.changes = comparemodel.Stops(cv.c.Pairs, cv.showForm)
	cv.tracked.setPairs(cv.c.Pairs, cv.showForm)
	cv.table.setPairs(cv.c.Pairs, cv.showForm)
}

// fillSummary shows the counts by kind, the changes of form and the
// changed figures.
func (cv *CompareView) fillSummary() {
	cv.summary.RemoveAll()
	for _, item := range summaryItems(cv.c.Summary) {
		cv.summary.Add(chip(item.kind, item.text))
	}
	cv.summary.Add(widget.NewLabel(lang.L("Punctuation {{.N}}", map[string]any{"N": cv.c.Summary.PunctuationOnly})))
	cv.summary.Add(widget.NewLabel(lang.L("Target changes {{.N}}", map[string]any{"N": len(cv.c.Figures)})))
}

type summaryItem struct {
	kind drafts.PairKind
	text string
}

// summaryItems are the summary's counts, e.g. 修改 23.
func summaryItems(s drafts.Summary) []summaryItem {
	var out []summaryItem
	for _, c := range redline.Counts(s) {
		out = append(out, summaryItem{c.Kind, fmt.Sprintf("%s %d", kindName(c.Kind), c.N)})
	}
	return out
}

// SetShowForm shows or hides the changes of punctuation and spacing, and
// compares again with them counted as changes (drafts' Strict), so that
// the view, its summary and its exports mean what qicao compare --strict
// means. The marks change at once; kinds and counts when the comparison
// is done.
func (cv *CompareView) SetShowForm(on bool) {
	if cv.showForm == on {
		return
	}
	cv.showForm = on
	cv.formCheck.SetChecked(on)
	if cv.c == nil {
		return
	}
	cv.restyle()
	if cv.selected >= 0 {
		cv.Select(cv.selected)
	}
	cv.updatePosition()
	cv.run(true)
}

// Select makes pair i the current one in the lists and the diagram.
func (cv *CompareView) Select(i int) {
	if cv.c == nil || i < 0 || i >= len(cv.c.Pairs) {
		return
	}
	cv.selected = i
	cv.tracked.selectPair(i)
	cv.table.selectPair(i)
	cv.diagram.Select(i)
	y := cv.diagram.RowY(i)
	if h := cv.diagramScroll.Size().Height; y < cv.diagramScroll.Offset.Y || y > cv.diagramScroll.Offset.Y+h-widgets.DiagramRowHeight {
		cv.diagramScroll.ScrollToOffset(fyne.NewPos(0, max(0, y-h/3)))
	}
	cv.updatePosition()
}

// Selected returns the index of the current pair, -1 for none.
func (cv *CompareView) Selected() int { return cv.selected }

// ChangePosition is what the view shows of the current change: 第 3 / 27 处.
func (cv *CompareView) ChangePosition() string { return cv.position.Text }

// Next selects the next pair with a change.
func (cv *CompareView) Next() {
	for _, i := range cv.changes {
		if i > cv.selected {
			cv.Select(i)
			return
		}
	}
}

// Prev selects the previous pair with a change.
func (cv *CompareView) Prev() {
	for k := len(cv.changes) - 1; k >= 0; k-- {
		if cv.changes[k] < cv.selected {
			cv.Select(cv.changes[k])
			return
		}
	}
}

// updatePosition shows which change is the current one: 第 3 / 27 处.
func (cv *CompareView) updatePosition() {
	k := 0
	for i, c := range cv.changes {
		if c <= cv.selected {
			k = i + 1
		}
	}
	cv.position.SetText(lang.L("Change {{.K}} of {{.N}}", map[string]any{"K": k, "N": len(cv.changes)}))
}

// addShortcuts binds the keys that step through the changes while the
// compare view is on screen: F8 / Shift+F8, and Alt+PageDown / Alt+PageUp.
// (Alt+↓/↑ belong to the editor's move up/down.) Fyne's GLFW driver
// makes a shortcut only of a key with Ctrl, Alt or Super, so F8 comes as a
// typed key: to the window when nothing has the focus, else through the
// focused Redline or list of this view, which pass it on.
func (cv *CompareView) addShortcuts() {
	c := cv.s.Window.Canvas()
	when := func(fn func()) func(fyne.Shortcut) {
		return func(fyne.Shortcut) {
			if cv.s.Current() == "compare" {
				fn()
			}
		}
	}
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyPageDown, Modifier: fyne.KeyModifierAlt}, when(cv.Next))
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyPageUp, Modifier: fyne.KeyModifierAlt}, when(cv.Prev))
	prev := c.OnTypedKey()
	c.SetOnTypedKey(func(e *fyne.KeyEvent) {
		if !cv.typedKey(e) && prev != nil {
			prev(e)
		}
	})
}

// typedKey steps on F8 (Shift+F8 back) and reports whether it did.
func (cv *CompareView) typedKey(e *fyne.KeyEvent) bool {
	if e.Name != fyne.KeyF8 || cv.s.Current() != "compare" {
		return false
	}
	if shiftHeld() {
		cv.Prev()
	} else {
		cv.Next()
	}
	return true
}

// shiftHeld reports whether Shift is down, where the driver can tell.
func shiftHeld() bool {
	d, ok := fyne.CurrentApp().Driver().(desktop.Driver)
	return ok && d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0
}

// ShowTab shows tab i: 0 the tracked changes, 1 the 对照表, 2 the target
// changes.
func (cv *CompareView) ShowTab(i int) { cv.tabs.SelectIndex(i) }
