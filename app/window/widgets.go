package window

import "qicao/app/window/widgets"

// The window's own widgets live in app/window/widgets; the pages name them
// as before.
type (
	// Redline shows runs of tracked-changes text.
	Redline = widgets.Redline
	// TextRun is a stretch of text in one style.
	TextRun = widgets.TextRun
	// RunStyle is how a run is drawn.
	RunStyle = widgets.RunStyle
	// Diagram draws the alignment of a comparison.
	Diagram = widgets.Diagram
	keyList = widgets.KeyList
)

// The run styles.
const (
	RunNormal   = widgets.RunNormal
	RunDeleted  = widgets.RunDeleted
	RunInserted = widgets.RunInserted
	RunForm     = widgets.RunForm
	RunMark     = widgets.RunMark
	RunBold     = widgets.RunBold
	RunMuted    = widgets.RunMuted
)

const diagramRowH = widgets.DiagramRowHeight // the height of a row of the diagram

var (
	NewRedline  = widgets.NewRedline  // a Redline showing runs
	NewDiagram  = widgets.NewDiagram  // an empty diagram
	TextHeight  = widgets.TextHeight  // the height a Redline needs to show runs at a width
	newKeyList  = widgets.NewKeyList  // a list offering typed keys to a function first
	highlighted = widgets.Highlighted // text with rune spans marked, as RichText segments
	runsOf      = widgets.RunsOf      // RichText segments as a Redline's runs
	plainSeg    = widgets.PlainSeg
	markSeg     = widgets.MarkSeg
	boldSeg     = widgets.BoldSeg
	mutedSeg    = widgets.MutedSeg
)
