package window

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"qicao/drafts"
)

// corpusView: the built-in corpus of policy documents and the officer's
// imports, by city, with each document's structure and clauses.
func corpusView() View {
	return View{
		ID:    "corpus",
		Title: "Corpus",
		Icon:  theme.StorageIcon(),
		Make: func(s *Shell) fyne.CanvasObject {
			c := &corpusUI{s: s}
			panelsOf(s).corpus = c
			obj := c.layout()
			c.reload()
			return obj
		},
	}
}

// corpusUI is the corpus view: documents by city on the left, the chosen
// document's outline and the chosen node's text on the right.
type corpusUI struct {
	s       *Shell
	docs    []drafts.CorpusDoc
	cities  []string
	byCity  map[string][]int // indexes into docs
	tree    *widget.Tree
	doc     *drafts.CorpusDoc // the document shown, with its parse
	rows    []corpusRow
	outline *widget.List
	header  *widget.Label
	text    *widget.Label
	removeB *widget.Button
	// progressHook, when set, is called after each file of an import
	// (tests).
	progressHook func(done, total int, job *importJob)
}

// corpusRow is a node of the shown document with its depth and, for a
// clause, its index among the document's clauses (-1 otherwise).
type corpusRow struct {
	node   *drafts.Node
	clause int
}

func (c *corpusUI) layout() fyne.CanvasObject {
	c.tree = widget.NewTree(c.childIDs, c.isBranch, func(bool) fyne.CanvasObject { return newTruncatedLabel() }, c.updateNode)
	c.tree.OnSelected = c.treeSelected
	addB := widget.NewButtonWithIcon(lang.L("Add files"), theme.FileIcon(), c.addFiles)
	folderB := widget.NewButtonWithIcon(lang.L("Import folder"), theme.FolderOpenIcon(), c.addFolder)
	c.removeB = widget.NewButtonWithIcon(lang.L("Remove"), theme.DeleteIcon(), c.confirmRemove)
	c.removeB.Disable()
	left := container.NewBorder(nil, container.NewGridWithColumns(3, addB, folderB, c.removeB), nil, nil, c.tree)
	c.header = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.header.Wrapping = fyne.TextWrapWord
	c.outline = widget.NewList(func() int { return len(c.rows) }, newTruncatedLabel, c.updateCorpusRow)
	c.outline.OnSelected = c.showNode
	c.text = widget.NewLabel(lang.L("Choose a document on the left."))
	c.text.Wrapping = fyne.TextWrapWord
	right := container.NewVSplit(container.NewBorder(c.header, nil, nil, nil, c.outline), container.NewVScroll(c.text))
	right.Offset = 0.55
	split := container.NewHSplit(left, right)
	split.Offset = 0.38
	return split
}

// reload reads the list of corpus documents again.
func (c *corpusUI) reload() {
	docs, err := c.s.Session.WS.CorpusDocs()
	if err != nil {
		c.s.ShowError(err)
		return
	}
	c.docs, c.cities, c.byCity = docs, nil, map[string][]int{}
	for i, d := range docs {
		city := d.City
		if city == "" {
			city = lang.L("No city")
		}
		if _, ok := c.byCity[city]; !ok {
			c.cities = append(c.cities, city)
		}
		c.byCity[city] = append(c.byCity[city], i)
	}
	c.tree.Refresh()
	c.tree.OpenAllBranches()
}

// Tree ids: "c:" + city for a city, "d:" + id for a document.
func (c *corpusUI) childIDs(id widget.TreeNodeID) []widget.TreeNodeID {
	var out []widget.TreeNodeID
	if id == "" {
		for _, city := range c.cities {
			out = append(out, "c:"+city)
		}
		return out
	}
	for _, i := range c.byCity[strings.TrimPrefix(id, "c:")] {
		out = append(out, fmt.Sprintf("d:%d", c.docs[i].ID))
	}
	return out
}

func (c *corpusUI) isBranch(id widget.TreeNodeID) bool {
	return id == "" || strings.HasPrefix(id, "c:")
}

func (c *corpusUI) updateNode(id widget.TreeNodeID, branch bool, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if branch {
		city := strings.TrimPrefix(id, "c:")
		l.TextStyle = fyne.TextStyle{Bold: true}
		l.SetText(lang.L("{{.City}} ({{.N}})", map[string]any{"City": city, "N": len(c.byCity[city])}))
		return
	}
	l.TextStyle = fyne.TextStyle{}
	if d := c.docByTreeID(id); d != nil {
		l.SetText(docLabel(*d))
	}
}

// docLabel names a document in the tree: its title as written, 文号 or
// status.
func docLabel(d drafts.CorpusDoc) string {
	title := d.Title
	if title == "" {
		title = d.Name
	}
	if d.Number != "" {
		return title + "　" + d.Number
	}
	return title
}

func (c *corpusUI) docByTreeID(id widget.TreeNodeID) *drafts.CorpusDoc {
	var n int64
	if _, err := fmt.Sscanf(id, "d:%d", &n); err != nil {
		return nil
	}
	for i := range c.docs {
		if c.docs[i].ID == n {
			return &c.docs[i]
		}
	}
	return nil
}

func (c *corpusUI) treeSelected(id widget.TreeNodeID) {
	if d := c.docByTreeID(id); d != nil {
		c.show(d.ID)
	}
}

// show loads document id with its parse and shows its outline.
func (c *corpusUI) show(id int64) bool {
	d, err := c.s.Session.WS.CorpusDoc(id)
	if err != nil {
		c.s.ShowError(err)
		return false
	}
	c.doc = &d
	c.rows = corpusRows(d.Doc)
	c.header.SetText(docHeader(d))
	c.outline.UnselectAll()
	c.outline.Refresh()
	c.outline.ScrollToTop()
	c.text.SetText("")
	c.removeB.Enable()
	return true
}

// docHeader is the shown document's title line.
func docHeader(d drafts.CorpusDoc) string {
	parts := []string{d.Title}
	for _, p := range []string{d.Number, d.Date} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, "　") + "\n" + lang.L("{{.N}} clauses · {{.Name}}", map[string]any{"N": d.Clauses, "Name": d.Name})
}

// corpusRows lists a document's nodes in order, clauses with their index.
func corpusRows(doc *drafts.Document) []corpusRow {
	if doc == nil {
		return nil
	}
	index := map[*drafts.Node]int{}
	for _, cl := range doc.Clauses() {
		index[cl.Node] = cl.Index
	}
	var out []corpusRow
	doc.Walk(func(n, _ *drafts.Node) {
		i, ok := index[n]
		if !ok {
			i = -1
		}
		out = append(out, corpusRow{n, i})
	})
	return out
}

func (c *corpusUI) updateCorpusRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(c.rows) {
		return
	}
	r := c.rows[i]
	l := o.(*widget.Label)
	l.TextStyle = fyne.TextStyle{Bold: r.clause < 0}
	l.SetText(strings.Repeat("　", max(r.node.Level-1, 0)) + r.node.Label + r.node.Heading)
}

// showNode shows row i's text.
func (c *corpusUI) showNode(i widget.ListItemID) {
	if i >= 0 && i < len(c.rows) {
		n := c.rows[i].node
		c.text.SetText(n.Label + n.Text)
	}
}

// open shows document id at its clause of that index.
func (c *corpusUI) open(id int64, clause int) {
	tid := fmt.Sprintf("d:%d", id)
	if d := c.docByTreeID(tid); d != nil {
		c.tree.OpenBranch("c:" + d.City)
		c.tree.Select(tid)
		c.tree.ScrollTo(tid)
	}
	if c.doc == nil || c.doc.ID != id {
		if !c.show(id) {
			return
		}
	}
	for i, r := range c.rows {
		if r.clause == clause {
			c.outline.Select(i)
			c.outline.ScrollTo(i)
			return
		}
	}
}
