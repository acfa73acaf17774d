package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"qicao/drafts"
)

// financeClause is clause 25 of the example draft's version 1 (泰安's
// draft for comments): 创新科技金融服务模式.
const financeClause = "创新科技金融服务模式"

// openExample opens the example draft in a new shell with the editor
// shown and the cursor on clause 25.
func openExample(t testing.TB) *Shell {
	t.Helper()
	a := test.NewTempApp(t)
	if err := Setup(a, Options{Language: LangChinese}); err != nil {
		t.Fatal(err)
	}
	s := NewShell(a, testWorkspace(t))
	t.Cleanup(func() { delete(allPanels, s); s.FlushAutosave() })
	if err := s.OpenDraft(1); err != nil {
		t.Fatal(err)
	}
	// The example's latest version is the issued text; clause 25 is in
	// version 1, the draft for comments.
	v, err := s.Session.WS.DB.Version(1, 1)
	if err != nil {
		t.Fatal(err)
	}
	s.SetText(v.Text)
	s.Show("editor")
	if !s.SelectClause(financeClause) {
		t.Fatalf("no clause %s in the example draft", financeClause)
	}
	return s
}

// clauseOrdinals returns the ordinals of the draft's numbered clauses
// (1. … 28.), in order.
func clauseOrdinals(doc *drafts.Document) []int {
	var out []int
	for _, c := range doc.Clauses() {
		if strings.HasSuffix(c.Label, ".") || strings.HasSuffix(c.Label, "．") {
			out = append(out, c.Ordinal)
		}
	}
	return out
}

// checkInsertedAfter25 checks that one clause was added after clause 25,
// numbered 26., and that the clauses after it were renumbered.
func checkInsertedAfter25(t *testing.T, before, after *drafts.Document, label string) {
	t.Helper()
	nb, na := len(before.Clauses()), len(after.Clauses())
	if na != nb+1 {
		t.Fatalf("clauses %d → %d, want one more", nb, na)
	}
	if label != "26." {
		t.Errorf("inserted as %q, want 26.", label)
	}
	ords := clauseOrdinals(after)
	for i, o := range ords {
		if o != i+1 {
			t.Fatalf("numbered clauses not renumbered 1…%d: %v", len(ords), ords)
		}
	}
	if len(ords) != len(clauseOrdinals(before))+1 {
		t.Errorf("numbered clauses %d → %d", len(clauseOrdinals(before)), len(ords))
	}
}

func TestSuggestionsForSelectedClause(t *testing.T) {
	s := openExample(t)
	u := panelsOf(s).suggestions
	// The debounced path: the list fills within 300 ms of the selection.
	deadline := time.Now().Add(5 * time.Second)
	for (len(u.results) == 0 || u.chosen < 0) && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if len(u.results) == 0 {
		t.Fatal("no suggestions after the debounce")
	}
	cities := map[string]int{}
	for _, r := range u.results {
		cities[r.City]++
	}
	if cities["泰安"] > 0 {
		t.Errorf("suggestions from the draft's own city: %v", cities)
	}
	for _, c := range []string{"济宁", "淄博", "烟台"} {
		if cities[c] == 0 {
			t.Errorf("no suggestion from %s: %v", c, cities)
		}
	}
	top := u.results[0]
	if len(top.Spans) == 0 || !strings.Contains(top.Text, "金融") {
		t.Errorf("top suggestion %s %s has no shared spans", top.City, top.Heading)
	}
	if u.chosen != 0 || len(u.detail.Segments) < 3 {
		t.Errorf("first suggestion not shown highlighted: chosen %d, %d segments", u.chosen, len(u.detail.Segments))
	}
}

func TestInsertSuggestion(t *testing.T) {
	s := openExample(t)
	u := panelsOf(s).suggestions
	if err := u.refreshNow(); err != nil || len(u.results) == 0 {
		t.Fatalf("no suggestions: %v", err)
	}
	before := s.Session.Doc
	u.list.Select(0)
	test.Tap(u.buttons[0])
	checkInsertedAfter25(t, before, s.Session.Doc, s.SelectedNode().Label)
	if !strings.Contains(u.status.Text, "26.") {
		t.Errorf("status %q", u.status.Text)
	}
	if strings.Contains(s.SelectedNode().Text, u.results[0].City+"市") && u.results[0].City != "泰安" {
		t.Errorf("inserted text not adapted: %s", s.SelectedNode().Text)
	}
}

func BenchmarkSuggestionsRefresh(b *testing.B) {
	s := openExample(b)
	u := panelsOf(s).suggestions
	if err := u.refreshNow(); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if err := u.refreshNow(); err != nil || len(u.results) == 0 {
			b.Fatal("no suggestions", err)
		}
	}
}

// chooseTemplate shows the template of that name in the templates panel.
func chooseTemplate(t *testing.T, u *templatesUI, name string) {
	t.Helper()
	u.search.SetText(name)
	for i, j := range u.shown {
		if u.all[j].Name == name {
			u.list.Select(i)
			return
		}
	}
	t.Fatalf("template %s not listed", name)
}

func TestTemplateFillAndInsert(t *testing.T) {
	s := openExample(t)
	s.ShowPanel("templates")
	u := panelsOf(s).templates
	u.category.SetSelected("重点任务")
	chooseTemplate(t, u, "创新科技金融模式")
	if len(u.fields) == 0 {
		t.Fatal("no placeholder fields")
	}
	for n, f := range u.fields {
		if f.Text == "" {
			f.SetText(map[string]string{"数量": "10", "牵头单位": "市科技局", "配合单位": "市财政局"}[n])
		}
	}
	before := s.Session.Doc
	test.Tap(u.insertB)
	if s.Session.Doc == before {
		t.Fatalf("nothing inserted: %s", u.status.Text)
	}
	checkInsertedAfter25(t, before, s.Session.Doc, s.SelectedNode().Label)
	if strings.Contains(s.SelectedNode().Text, "{") {
		t.Errorf("placeholder left in %s", s.SelectedNode().Text)
	}
}

func TestTemplateUnfilledRefused(t *testing.T) {
	s := openExample(t)
	u := panelsOf(s).templates
	s.ShowPanel("templates")
	chooseTemplate(t, u, "创新科技金融模式")
	for _, f := range u.fields {
		f.SetText("")
	}
	text := s.Session.Text
	test.Tap(u.insertB)
	if s.Session.Text != text {
		t.Error("text changed by an unfilled template")
	}
	if !strings.Contains(u.status.Text, "未填写") {
		t.Errorf("status %q, want the unfilled error", u.status.Text)
	}
}

func TestTemplateFromClause(t *testing.T) {
	s := openExample(t)
	u := panelsOf(s).templates
	f, err := u.newTemplateForm()
	if err != nil {
		t.Fatal(err)
	}
	if len(f.checks) == 0 {
		t.Fatal("no placeholders proposed for clause 25")
	}
	f.name.SetText("我的科技金融条款")
	f.checks[0].SetChecked(false)
	if err := u.saveForm(f); err != nil {
		t.Fatal(err)
	}
	all, _ := s.Session.WS.Templates()
	for _, tm := range all {
		if tm.Name == "我的科技金融条款" {
			if !strings.Contains(tm.Body, "科技金融") || strings.Contains(tm.Body, "{"+f.p.Candidates[0].Name+"}") {
				t.Errorf("body %s", tm.Body)
			}
			if u.chosen < 0 || u.all[u.chosen].Name != tm.Name {
				t.Error("saved template not selected")
			}
			return
		}
	}
	t.Error("template not saved")
}
