package window

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// BenchmarkCompareViewOpen times opening the compare view on the example
// draft: reading both versions, parsing and comparing them, and the first
// layout of the view (diagram, summary, the rows of the tracked-changes
// list in sight) in a 1200×760 window on the test driver.
func BenchmarkCompareViewOpen(b *testing.B) {
	s, _ := openCompare(b)
	w := test.NewWindow(nil)
	defer w.Close()
	w.Resize(fyne.NewSize(1200, 760))
	b.ResetTimer()
	for b.Loop() {
		cv := newCompareView(s)
		settle(cv)
		w.SetContent(cv)
		if cv.c == nil || cv.tracked.list.Length() == 0 {
			b.Fatal("nothing compared")
		}
	}
}

// BenchmarkCompareViewNext times stepping to the next change (F8): the
// selection moves in both lists and the diagram, which scroll to it and
// lay out the Redline rows that come into sight.
func BenchmarkCompareViewNext(b *testing.B) {
	s, _ := openCompare(b)
	w := test.NewWindow(nil)
	defer w.Close()
	w.Resize(fyne.NewSize(1200, 760))
	cv := newCompareView(s)
	settle(cv)
	w.SetContent(cv)
	for b.Loop() {
		if cv.Selected() == cv.changes[len(cv.changes)-1] {
			cv.Select(cv.changes[0])
		}
		cv.Next()
	}
}
