package window

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"qicao/templates"
)

// financeTemplate opens the example draft with the templates panel showing
// 创新科技金融模式 ({数量}, {牵头单位}, {配合单位}).
func financeTemplate(t *testing.T) (*Shell, *templatesUI) {
	t.Helper()
	s := openExample(t)
	s.ShowPanel("templates")
	u := panelsOf(s).templates
	chooseTemplate(t, u, "创新科技金融模式")
	return s, u
}

func TestTemplatePreviewFollowsTyping(t *testing.T) {
	_, u := financeTemplate(t)
	if p := u.previewText(); !strings.Contains(p, "发放科技贷款【数量】亿元") || !strings.Contains(p, "【配合单位】") {
		t.Fatalf("preview before typing: %s", p)
	}
	test.Type(u.fields["数量"].Entry, "15")
	if p := u.previewText(); !strings.Contains(p, "发放科技贷款15亿元以上") || strings.Contains(p, "【数量】") {
		t.Errorf("preview after typing 15: %s", p)
	}
	test.Type(u.fields["牵头单位"].Entry, "市科技局")
	test.Type(u.fields["配合单位"].Entry, "市工信局")
	want, err := u.all[u.chosen].Fill(u.values())
	if err != nil || u.previewText() != want {
		t.Errorf("preview %q is not what Insert inserts, %q (%v)", u.previewText(), want, err)
	}
	if !strings.Contains(want, "（市科技局、市工业和信息化局按职责分工负责）") {
		t.Errorf("filled %s", want)
	}
}

func TestTemplateSeveralDepartments(t *testing.T) {
	s, u := financeTemplate(t)
	f := u.fields["配合单位"]
	if f.dept == nil {
		t.Fatal("{配合单位} has no department picker")
	}
	pickFromDropDown(t, s, f.dept.add, "市发展改革委") // as the officer does: open it, tap the name
	pickFromDropDown(t, s, f.dept.add, "市财政局")
	f.dept.add.SetSelected("市发改委") // listed already, under its short name
	if f.Text != "市发展改革委、市财政局" || len(f.dept.chips.Objects) != 2 || f.dept.add.Selected != "" {
		t.Fatalf("after choosing two: %q, %d chips, drop-down %q", f.Text, len(f.dept.chips.Objects), f.dept.add.Selected)
	}
	test.Tap(f.dept.chips.Objects[0].(*widget.Button)) // remove 市发展改革委
	if f.Text != "市财政局" {
		t.Errorf("after removing the first: %q", f.Text)
	}
	f.SetText("市发展改革委、市财政局") // a joined value round-trips into chips
	if len(f.dept.chips.Objects) != 2 || f.dept.chips.Objects[1].(*widget.Button).Text != "市财政局" {
		t.Errorf("chips of a joined value: %d", len(f.dept.chips.Objects))
	}
	u.fields["数量"].SetText("10")
	u.fields["牵头单位"].SetText("市科技局")
	if !strings.Contains(u.previewText(), "（市科技局、市发展改革委、市财政局按职责分工负责）") {
		t.Errorf("preview %s", u.previewText())
	}
	before := s.Session.Doc
	test.Tap(u.insertB)
	checkInsertedAfter25(t, before, s.Session.Doc, s.SelectedNode().Label)
	if got := s.SelectedNode().Text; !strings.Contains(got, "（市科技局、市发展改革委、市财政局按职责分工负责）") {
		t.Errorf("inserted %s", got)
	}
}

// pickFromDropDown taps sel open and taps the option named choice in the
// menu it shows.
func pickFromDropDown(t *testing.T, s *Shell, sel *widget.Select, choice string) {
	t.Helper()
	test.Tap(sel)
	top := s.Window.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("the drop-down shows no menu")
	}
	var item fyne.Tappable // the innermost tappable holding the name: the menu's item
	for _, o := range test.LaidOutObjects(top) {
		if tp, ok := o.(fyne.Tappable); ok {
			if _, has := search(o, func(c *canvas.Text) bool { return c.Text == choice }); has {
				item = tp
			}
		}
	}
	if item != nil {
		test.Tap(item)
		if top := s.Window.Canvas().Overlays().Top(); top != nil {
			t.Fatalf("the menu stays open after tapping %s", choice)
		}
		return
	}
	t.Fatalf("the drop-down offers no %s", choice)
}

func TestTemplateOffersOwnCityDepartments(t *testing.T) {
	s, u := financeTemplate(t)
	if s.Session.Doc.City != "泰安" {
		t.Fatalf("example draft of %q", s.Session.Doc.City)
	}
	f := u.fields["配合单位"]
	found := false
	for _, o := range f.dept.add.Options {
		for _, c := range templates.Cities(o) {
			if c.City != "泰安" {
				t.Errorf("泰安 draft offered %s", o)
			}
		}
		found = found || o == "人民银行泰安市分行"
	}
	if !found || strings.Contains(f.PlaceHolder, "烟台") {
		t.Errorf("offered %v, example %q", f.dept.add.Options, f.PlaceHolder)
	}
}

// TestTemplateForm1366 holds the form usable on a 1366×768 screen: with a
// template of eight placeholders chosen, Insert lies inside the window,
// the form and the preview have room, and the last field scrolls into view.
func TestTemplateForm1366(t *testing.T) {
	s := openExample(t)
	s.Window.Resize(fyne.NewSize(1366, 768))
	s.ShowPanel("templates")
	u := panelsOf(s).templates
	chooseTemplate(t, u, "推动全域创新发展")
	if len(u.fields) < 8 {
		t.Fatalf("%d fields", len(u.fields))
	}
	d := fyne.CurrentApp().Driver()
	canvas := s.Window.Canvas().Size()
	inside := func(o fyne.CanvasObject) bool {
		p := d.AbsolutePositionForObject(o)
		return p.X >= 0 && p.Y >= 0 && p.X+o.Size().Width <= canvas.Width && p.Y+o.Size().Height <= canvas.Height
	}
	if !u.insertB.Visible() || !inside(u.insertB) {
		t.Errorf("Insert at %v size %v, canvas %v", d.AbsolutePositionForObject(u.insertB), u.insertB.Size(), canvas)
	}
	t.Logf("Insert at %v, form %v, preview %v", d.AbsolutePositionForObject(u.insertB), u.scroll.Size(), u.previewS.Size())
	if f, p := u.scroll.Size().Height, u.previewS.Size().Height; f < 150 || p < 120 {
		t.Errorf("the form gets %.0f px, the preview %.0f", f, p)
	}
	u.scroll.ScrollToBottom()
	last := u.form.Objects[len(u.form.Objects)-1]
	top := d.AbsolutePositionForObject(u.scroll)
	if p := d.AbsolutePositionForObject(last); p.Y < top.Y || p.Y+last.Size().Height > top.Y+u.scroll.Size().Height+1 {
		t.Errorf("last field at %v, scroll at %v size %v", p, top, u.scroll.Size())
	}
}

// BenchmarkTemplatePreviewKeystroke: one keystroke in a field of the
// eight-placeholder template, its preview filled again.
func BenchmarkTemplatePreviewKeystroke(b *testing.B) {
	s := openExample(b)
	s.ShowPanel("templates")
	u := panelsOf(s).templates
	u.search.SetText("推动全域创新发展")
	if !u.selectNamed("推动全域创新发展") {
		b.Fatal("template not listed")
	}
	f := u.fields["配合单位"]
	for i := 0; b.Loop(); i++ {
		f.SetText([]string{"市发展改革委、市财政局", "市发展改革委"}[i%2])
	}
}
