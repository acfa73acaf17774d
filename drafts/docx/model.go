package docx

// The document as the templates see it: paragraphs of runs, some of them
// tracked changes, and tables. Building this model is the layout work;
// writing it out is the templates' (see package.go and parts/).

// Change kinds, as the element names of WordprocessingML revisions.
const (
	changeIns      = "ins"
	changeDel      = "del"
	changeMoveFrom = "moveFrom"
	changeMoveTo   = "moveTo"
)

// change is one tracked revision: w:ins, w:del, w:moveFrom or w:moveTo.
type change struct {
	Kind   string
	ID     int
	Author string
	Date   string // xsd:dateTime, e.g. 2024-08-15T10:00:00Z; empty for none
}

// IsDeletion reports whether the change removes text when accepted, so
// its runs carry w:delText rather than w:t.
func (c *change) IsDeletion() bool { return c != nil && c.Kind == changeDel }

// run is a stretch of text in one character style, possibly inside a
// tracked change.
type run struct {
	Text   string
	Style  string // character style id, "" for the paragraph's
	Change *change
	// CommentStarts and CommentEnds are the ids of the comments (批注)
	// whose range opens before this run and closes after it.
	CommentStarts, CommentEnds []int
}

// moveRange marks the start or end of a named move (w:moveFromRangeStart,
// w:moveToRangeEnd, …) inside a paragraph.
type moveRange struct {
	Kind         string // "moveFrom" or "moveTo"
	ID           int
	Name         string
	Author, Date string
}

// paragraph is one w:p.
type paragraph struct {
	Style string // paragraph style id
	// RightIndent, when non-zero, is a direct right indent in twips (the
	// signature block's 右空二字).
	RightIndent int
	// Mark is the tracked change of the paragraph mark: an inserted
	// paragraph mark joins the paragraph to the next one when rejected, a
	// deleted one when accepted.
	Mark *change
	// Starts and Ends are move ranges opening before the runs and closing
	// after them.
	Starts, Ends []moveRange
	Runs         []run
}

// block is a paragraph or a table in the body.
type block struct {
	P     *paragraph
	Table *table
}

// table is a w:tbl with a header row repeated on every page.
type table struct {
	Widths []int // column widths in twips
	Header []cell
	Rows   [][]cell
}

// cell is a table cell: paragraphs, never empty.
type cell struct {
	Paras []paragraph
	Shade string // background fill, hex RGB, "" for none
}

// Deleted reports whether the run's text is deleted text (w:delText).
func (r run) Deleted() bool { return r.Change.IsDeletion() }

// Width returns the table's width in twips.
func (t *table) Width() int {
	w := 0
	for _, c := range t.Widths {
		w += c
	}
	return w
}
