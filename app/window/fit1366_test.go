package window

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestEveryViewFits1366 holds every view and editor panel usable on a
// 1366×768 screen (a common office laptop): the window's content needs no
// more room than that, and every button shown lies inside the window.
func TestEveryViewFits1366(t *testing.T) {
	s := openExample(t)
	screen := fyne.NewSize(1366, 768)
	s.Window.Resize(screen)
	d := fyne.CurrentApp().Driver()
	for _, view := range []string{"drafts", "editor", "editor:suggestions", "editor:gaps", "editor:templates", "editor:proof", "compare", "corpus"} {
		switch view {
		case "editor:suggestions", "editor:gaps", "editor:templates", "editor:proof":
			s.Show("editor")
			s.ShowPanel(view[len("editor:"):])
		default:
			s.Show(view)
		}
		if cv, ok := s.Content("compare").(*CompareView); ok && view == "compare" {
			cv.Wait()
		}
		content := s.Window.Content()
		if m := content.MinSize(); m.Width > screen.Width || m.Height > screen.Height {
			t.Errorf("%s needs %.0f×%.0f, more than 1366×768", view, m.Width, m.Height)
		}
		size := s.Window.Canvas().Size()
		buttons := 0
		for _, o := range test.LaidOutObjects(content) {
			b, ok := o.(*widget.Button)
			if !ok || !b.Visible() || !visibleInTree(content, b) {
				continue
			}
			buttons++
			p := d.AbsolutePositionForObject(b)
			if p.X < 0 || p.Y < 0 || p.X+b.Size().Width > size.Width+1 || p.Y+b.Size().Height > size.Height+1 {
				t.Errorf("%s: button %q at %v size %v lies outside the %v window", view, b.Text, p, b.Size(), size)
			}
		}
		if buttons == 0 {
			t.Errorf("%s: no button found: the test sees nothing", view)
		}
	}
}

// visibleInTree reports whether o and every object above it in root are
// visible.
func visibleInTree(root, o fyne.CanvasObject) bool {
	if root == o {
		return o.Visible()
	}
	for _, c := range childrenOf(root) {
		if v := visibleInTree(c, o); v || c == o {
			return v && root.Visible()
		}
	}
	return false
}
