package window

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"qicao/app/window/outlinemodel"
	"qicao/drafts"
)

// outline is the editor's left pane: the open draft's tree of numbered
// nodes (一、/（一）/1.) with headings and lead units. Tree node IDs are
// the child-index paths of the nodes, "0/2/1".
type outline struct {
	s       *Shell
	tree    *outlineTree
	title   *widget.Label
	syncing bool                 // set while the tree is being selected from the session
	shape   string               // the rows as last drawn: redraw only when they change
	hits    map[*drafts.Node]int // the find bar's hits in each node's own text
}

// outlinePane shows the open draft's tree; choosing a node selects it in
// the session, and the clause pane shows it.
func outlinePane(s *Shell) fyne.CanvasObject {
	o := &outline{s: s}
	o.tree = &outlineTree{o: o}
	o.tree.ChildUIDs, o.tree.IsBranch = o.childUIDs, o.isBranch
	o.tree.CreateNode, o.tree.UpdateNode = o.newRow, o.updateRow
	o.tree.OnSelected = o.selected
	o.tree.ExtendBaseWidget(o.tree)
	o.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	o.title.Truncation = fyne.TextTruncateEllipsis
	s.Listen(o.event)
	o.reload()
	return container.NewBorder(o.title, nil, nil, nil, o.tree)
}

func (o *outline) event(e Event) {
	switch e {
	case DraftOpened, TextChanged:
		o.reload()
	case DraftsChanged: // a rename
		o.title.SetText(o.s.Session.Title)
	case Selected:
		o.syncSelection()
	case HitsChanged:
		o.hits = drafts.HitsByNode(o.s.Session.Doc, o.s.Session.find.hits)
		o.tree.Refresh()
	}
}

// reload redraws the tree after the text changed, keeping the selection.
// Typing in a clause's body leaves the rows as they are: then the tree
// (whose truncated labels are costly to lay out) is not redrawn.
func (o *outline) reload() {
	o.title.SetText(o.s.Session.Title)
	if shape := outlineShape(o.s.Session.Doc); shape != o.shape {
		o.shape = shape
		o.tree.OpenAllBranches() // refreshes the tree
	}
	o.syncSelection()
}

// outlineShape is the outline's rows as text, one per node, with their
// depth: equal shapes draw the same tree.
func outlineShape(doc *drafts.Document) string {
	if doc == nil {
		return ""
	}
	var b strings.Builder
	doc.Walk(func(n, _ *drafts.Node) {
		b.WriteString(strconv.Itoa(n.Level))
		b.WriteString(outlineText(n))
		b.WriteByte('\n')
	})
	return b.String()
}

// syncSelection selects in the tree the session's node.
func (o *outline) syncSelection() {
	uid := pathUID(o.s.Session.SelectionPath())
	o.syncing = true
	defer func() { o.syncing = false }()
	if uid == "" {
		o.tree.UnselectAll()
		return
	}
	o.tree.Select(uid)
	o.tree.ScrollTo(uid)
}

func (o *outline) selected(uid widget.TreeNodeID) {
	if o.syncing {
		return
	}
	o.s.FlushClauseEdit() // may re-parse: find the node afterwards
	if n := nodeAtUID(o.s.Session.Doc, uid); n != nil {
		o.s.Select(n)
	}
}

func (o *outline) childUIDs(uid widget.TreeNodeID) []widget.TreeNodeID {
	var nodes []*drafts.Node
	if uid == "" {
		if o.s.Session.Doc != nil {
			nodes = o.s.Session.Doc.Nodes
		}
	} else if n := nodeAtUID(o.s.Session.Doc, uid); n != nil {
		nodes = n.Children
	}
	ids := make([]widget.TreeNodeID, len(nodes))
	for i := range nodes {
		if uid == "" {
			ids[i] = strconv.Itoa(i)
		} else {
			ids[i] = uid + "/" + strconv.Itoa(i)
		}
	}
	return ids
}

func (o *outline) isBranch(uid widget.TreeNodeID) bool {
	if uid == "" {
		return true
	}
	n := nodeAtUID(o.s.Session.Doc, uid)
	return n != nil && len(n.Children) > 0
}

func (o *outline) newRow(bool) fyne.CanvasObject {
	r := &outlineRow{o: o}
	r.Truncation = fyne.TextTruncateEllipsis
	r.ExtendBaseWidget(r)
	return r
}

func (o *outline) updateRow(uid widget.TreeNodeID, _ bool, obj fyne.CanvasObject) {
	r := obj.(*outlineRow)
	r.uid = uid
	n := nodeAtUID(o.s.Session.Doc, uid)
	if n == nil {
		r.SetText("")
		return
	}
	r.TextStyle.Bold = len(n.Children) > 0
	r.Importance = widget.MediumImportance
	text := outlineText(n)
	if k := o.hits[n]; k > 0 {
		r.Importance = widget.HighImportance // the find bar's hits: counted, in the accent colour
		text = lang.L("[{{.N}} hits]", map[string]any{"N": k}) + " " + text
	}
	r.SetText(text)
}

// outlineText is a node as the outline shows it: label, heading, and the
// lead units in 〔〕.
func outlineText(n *drafts.Node) string {
	t := strings.TrimSpace(n.Label) + n.Heading
	if r := []rune(t); len(r) > 60 {
		t = string(r[:60]) + "…"
	}
	if len(n.LeadUnits) > 0 {
		t += "  〔" + strings.Join(n.LeadUnits, "、") + "〕"
	}
	if t == "" {
		t = lang.L("(empty)")
	}
	return t
}

// outlineTree is the outline's tree; ↑ and ↓ select the node before or
// after the selected one in document order (the plain tree only moves a
// focus mark and selects with the space bar).
type outlineTree struct {
	widget.Tree
	o *outline
}

// TypedKey selects the previous or next node on ↑ and ↓.
func (t *outlineTree) TypedKey(e *fyne.KeyEvent) {
	step := map[fyne.KeyName]int{fyne.KeyUp: -1, fyne.KeyDown: 1}[e.Name]
	if step == 0 || t.o.s.Session.Doc == nil {
		t.Tree.TypedKey(e)
		return
	}
	var order []*drafts.Node
	t.o.s.Session.Doc.Walk(func(n, _ *drafts.Node) { order = append(order, n) })
	cur, i := t.o.s.SelectedNode(), -1
	for j, n := range order {
		if n == cur {
			i = j
		}
	}
	if i += step; i >= 0 && i < len(order) {
		t.o.s.FlushClauseEdit()
		t.o.s.Select(order[i])
	}
}

// outlineRow is a row of the outline: a tap selects its node, a secondary
// tap (right click) too and opens the structural-edit menu.
type outlineRow struct {
	widget.Label
	o   *outline
	uid string
}

// Tapped selects the row's node. (The row takes the taps: the window
// gives a click to the topmost object that handles any kind of tap, so
// the tree's own row would not see it.)
func (r *outlineRow) Tapped(*fyne.PointEvent) {
	r.o.tree.Select(r.uid)
	r.o.s.Window.Canvas().Focus(r.o.tree) // for the keyboard: ↑↓ and the shortcuts
}

// TappedSecondary selects the row's node and shows the edit menu.
func (r *outlineRow) TappedSecondary(e *fyne.PointEvent) {
	n := nodeAtUID(r.o.s.Session.Doc, r.uid)
	if n == nil {
		return
	}
	r.o.s.Select(n)
	menu := fyne.NewMenu("", editMenuItems(r.o.s)...)
	widget.ShowPopUpMenuAtPosition(menu, r.o.s.Window.Canvas(), e.AbsolutePosition)
}

// pathUID turns a child-index path into a tree node ID.
func pathUID(path []int) string {
	parts := make([]string, len(path))
	for i, p := range path {
		parts[i] = strconv.Itoa(p)
	}
	return strings.Join(parts, "/")
}

// nodeAtUID returns the node of doc at tree node ID uid, or nil.
func nodeAtUID(doc *drafts.Document, uid string) *drafts.Node {
	if uid == "" {
		return nil
	}
	parts := strings.Split(uid, "/")
	path := make([]int, len(parts))
	for i, part := range parts {
		n, err := strconv.Atoi(part)
		if err != nil {
			return nil
		}
		path[i] = n
	}
	return outlinemodel.NodeAtPath(doc, path)
}
