// Package storetest is the store contract's test suite: the same tests,
// run against every store (drafts/sqlite and drafts/postgres) through
// workspace.Store alone, so that the window and the command line behave
// the same on either.
package storetest

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"qicao/app/workspace"
	"qicao/drafts"
	"qicao/drafts/sqlite"
)

// Open opens a fresh, empty store for one test; the store is closed by
// the suite.
type Open func(t *testing.T) workspace.Store

// Run runs every contract test against the stores open makes.
func Run(t *testing.T, open Open) {
	tests := []struct {
		name string
		fn   func(*testing.T, workspace.Store)
	}{
		{"DraftVersionsRoundTrip", draftVersionsRoundTrip},
		{"CreateDraftWithoutText", createDraftWithoutText},
		{"DraftsListedNewestFirst", draftsListedNewestFirst},
		{"WorkingText", workingText},
		{"DeleteDraftCascades", deleteDraftCascades},
		{"MissingDraft", missingDraft},
		{"ConcurrentSavesNumberedOnce", concurrentSaves},
		{"OptimisticSave", optimisticSave},
		{"CorpusAddListRemove", corpusAddListRemove},
		{"CorpusDuplicateNameRefused", corpusDuplicateRefused},
		{"Templates", templatesRoundTrip},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() { s.Close() })
			tc.fn(t, s)
		})
	}
}

// SampleDoc returns a small 实施意见 with two sections and three clauses.
func SampleDoc() *drafts.Document {
	return &drafts.Document{
		Meta: drafts.Meta{Title: "关于以科技创新引领产业发展的实施意见", City: "泰安",
			Number: "泰政发〔2024〕5号", Date: "2024-03-01", Issuers: []string{"泰安市人民政府"}},
		Preamble: []drafts.Paragraph{{Text: "为深入贯彻落实……现提出如下实施意见。", Span: drafts.Span{Start: 0, End: 57}}},
		Nodes: []*drafts.Node{
			{Label: "一、", Ordinal: 1, Heading: "总体要求", Text: "总体要求", Children: []*drafts.Node{
				{Label: "（一）", Ordinal: 1, Heading: "指导思想", Text: "指导思想。坚持创新驱动。"},
			}},
			{Label: "二、", Ordinal: 2, Heading: "重点任务", Text: "重点任务", Children: []*drafts.Node{
				{Label: "1.", Ordinal: 1, Heading: "绘制产业链科技攻关路线图",
					Text:  "绘制产业链科技攻关路线图。聚焦重点产业链。（责任单位：市科技局、市工业和信息化局）",
					Units: []string{"市科技局", "市工业和信息化局"}},
				{Label: "2.", Ordinal: 2, Heading: "建设创新平台", Text: "建设创新平台。（责任单位：市发展改革委）",
					Units: []string{"市发展改革委"}},
			}},
		},
		Closing: []drafts.Paragraph{{Text: "本意见自2024年4月1日起施行。"}},
	}
}

// mustDraft creates a draft with versions texts[0], texts[1], … or fails.
func mustDraft(t *testing.T, s workspace.Store, title string, texts ...string) drafts.Draft {
	t.Helper()
	first := ""
	if len(texts) > 0 {
		first = texts[0]
	}
	d, err := s.CreateDraft(title, "泰安", first, "初稿")
	if err != nil {
		t.Fatalf("CreateDraft: %v", err)
	}
	for i := 1; i < len(texts); i++ {
		if _, err := s.SaveVersion(d.ID, texts[i], "修改"); err != nil {
			t.Fatalf("SaveVersion %d: %v", i+1, err)
		}
	}
	return d
}

func draftVersionsRoundTrip(t *testing.T, s workspace.Store) {
	before := time.Now().Add(-time.Minute)
	d, err := s.CreateDraft("科技创新实施意见", "泰安", "第一版正文", "初稿")
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "科技创新实施意见" || d.City != "泰安" || d.Versions != 1 || d.Created.Before(before) || d.Updated.Before(d.Created) {
		t.Fatalf("CreateDraft = %+v", d)
	}
	v2, err := s.SaveVersion(d.ID, "第二版正文", "征求意见后")
	if err != nil || v2.N != 2 || v2.Text != "第二版正文" || v2.Created.Before(d.Created) {
		t.Fatalf("SaveVersion = %+v, %v", v2, err)
	}
	if d, _ = s.Draft(d.ID); d.Versions != 2 || d.Updated.Before(d.Created) {
		t.Fatalf("Draft after save = %+v", d)
	}
	v1, err := s.Version(d.ID, 1)
	if err != nil || v1.Text != "第一版正文" || v1.Note != "初稿" || v1.Chars != 5 {
		t.Fatalf("Version 1 = %+v, %v", v1, err)
	}
	if latest, err := s.Version(d.ID, 0); err != nil || latest.N != 2 {
		t.Fatalf("Version latest = %+v, %v", latest, err)
	}
	vs, err := s.Versions(d.ID)
	if err != nil || len(vs) != 2 || vs[0].N != 1 || vs[1].N != 2 || vs[1].Note != "征求意见后" || vs[1].Chars != 5 || vs[1].Text != "" {
		t.Fatalf("Versions = %+v, %v", vs, err)
	}
	if _, err := s.Version(d.ID, 3); !errors.Is(err, sqlite.ErrNotFound) || !strings.Contains(err.Error(), "第 3 版") {
		t.Fatalf("Version 3: %v, want not found", err)
	}
}

// checkDoc compares a document read back with the one saved.
func checkDoc(t *testing.T, got, want *drafts.Document, text string) {
	t.Helper()
	if got == nil {
		t.Fatal("Doc not read back")
	}
	if got.Title != want.Title || got.Number != want.Number || got.Source != text || len(got.Nodes) != len(want.Nodes) {
		t.Fatalf("Doc = %+v", got)
	}
	n := got.Nodes[1].Children[0]
	if n.Label != "1." || n.Level != 2 || n.Style.Family != drafts.ArabicDot || n.Text != want.Nodes[1].Children[0].Text {
		t.Fatalf("node = %+v", n)
	}
	if len(got.Clauses()) != 3 {
		t.Fatalf("Clauses() = %d, want 3", len(got.Clauses()))
	}
}

func createDraftWithoutText(t *testing.T, s workspace.Store) {
	d, err := s.CreateDraft("空白草稿", "", "", "")
	if err != nil || d.Versions != 0 {
		t.Fatalf("CreateDraft = %+v, %v", d, err)
	}
	if _, err := s.Version(d.ID, 0); !errors.Is(err, sqlite.ErrNotFound) {
		t.Fatalf("latest of a draft without versions: %v", err)
	}
	if v, err := s.SaveVersion(d.ID, "正文", ""); err != nil || v.N != 1 {
		t.Fatalf("first SaveVersion = %+v, %v", v, err)
	}
}

func draftsListedNewestFirst(t *testing.T, s workspace.Store) {
	a := mustDraft(t, s, "甲", "一")
	b := mustDraft(t, s, "乙", "一")
	time.Sleep(5 * time.Millisecond) // the stores keep milliseconds
	if _, err := s.SaveVersion(a.ID, "二", ""); err != nil {
		t.Fatal(err)
	}
	ds, err := s.Drafts()
	if err != nil || len(ds) != 2 || ds[0].ID != a.ID || ds[1].ID != b.ID || ds[0].Versions != 2 {
		t.Fatalf("Drafts = %+v, %v", ds, err)
	}
	if err := s.RenameDraft(b.ID, "乙（修改）"); err != nil {
		t.Fatal(err)
	}
	if d, _ := s.Draft(b.ID); d.Title != "乙（修改）" {
		t.Fatalf("renamed title = %q", d.Title)
	}
}

func workingText(t *testing.T, s workspace.Store) {
	d := mustDraft(t, s, "草稿", "第一版")
	if _, ok, err := s.Working(d.ID); ok || err != nil {
		t.Fatalf("Working on new draft: ok=%v err=%v", ok, err)
	}
	if err := s.SetWorking(d.ID, "正在修改"); err != nil {
		t.Fatal(err)
	}
	if text, ok, err := s.Working(d.ID); text != "正在修改" || !ok || err != nil {
		t.Fatalf("Working = %q, %v, %v", text, ok, err)
	}
	if d, _ := s.Draft(d.ID); !d.HasWorking || d.WorkingSaved.IsZero() {
		t.Fatalf("Draft = %+v, want HasWorking", d)
	}
	// Saving something else keeps the working text; saving it clears it.
	if _, err := s.SaveVersion(d.ID, "别的内容", ""); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.Working(d.ID); !ok {
		t.Fatal("working text lost by saving a different text")
	}
	if _, err := s.SaveVersion(d.ID, "正在修改", ""); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.Working(d.ID); ok {
		t.Fatal("working text kept after saving it as a version")
	}
	// Autosaving the latest version's text is no unsaved change.
	if err := s.SetWorking(d.ID, "正在修改"); err != nil {
		t.Fatal(err)
	}
	if d, _ := s.Draft(d.ID); d.HasWorking {
		t.Fatal("HasWorking for text equal to the latest version")
	}
	if err := s.SetWorking(d.ID, "再改"); err != nil {
		t.Fatal(err)
	}
	if err := s.ClearWorking(d.ID); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.Working(d.ID); ok {
		t.Fatal("working text kept after ClearWorking")
	}
}

func deleteDraftCascades(t *testing.T, s workspace.Store) {
	gone := mustDraft(t, s, "要删的", "一", "二", "三")
	kept := mustDraft(t, s, "留下的", "一", "二")
	if err := s.DeleteDraft(gone.ID); err != nil {
		t.Fatal(err)
	}
	if vs, err := s.Versions(kept.ID); err != nil || len(vs) != 2 {
		t.Fatalf("other draft's versions = %+v, %v", vs, err)
	}
	if _, err := s.Versions(gone.ID); !errors.Is(err, sqlite.ErrNotFound) {
		t.Fatalf("Versions of a deleted draft: %v", err)
	}
	if _, err := s.Version(gone.ID, 1); !errors.Is(err, sqlite.ErrNotFound) {
		t.Fatalf("Version of a deleted draft: %v", err)
	}
	// A new draft must not get the deleted one's id.
	if d := mustDraft(t, s, "新的"); d.ID == gone.ID {
		t.Fatalf("id %d reused", d.ID)
	}
}

// missingDraft: every operation on a draft that does not exist fails with
// ErrNotFound and writes nothing.
func missingDraft(t *testing.T, s workspace.Store) {
	const id = 4242
	errs := map[string]error{}
	_, errs["Draft"] = s.Draft(id)
	_, errs["SaveVersion"] = s.SaveVersion(id, "正文", "")
	_, errs["Versions"] = s.Versions(id)
	errs["SetWorking"] = s.SetWorking(id, "正文")
	errs["ClearWorking"] = s.ClearWorking(id)
	_, _, errs["Working"] = s.Working(id)
	errs["RenameDraft"] = s.RenameDraft(id, "新")
	errs["DeleteDraft"] = s.DeleteDraft(id)
	for op, err := range errs {
		if !errors.Is(err, sqlite.ErrNotFound) || !strings.Contains(err.Error(), "4242") {
			t.Errorf("%s on a missing draft: %v, want ErrNotFound naming it", op, err)
		}
	}
	if ds, _ := s.Drafts(); len(ds) != 0 {
		t.Fatalf("drafts appeared: %+v", ds)
	}
}

// concurrentSaves: saves from several goroutines at once each get their
// own number, none lost or repeated.
func concurrentSaves(t *testing.T, s workspace.Store) {
	d := mustDraft(t, s, "并发", "第1稿")
	const writers, each = 4, 5
	errc := make(chan error, writers*each)
	for w := 0; w < writers; w++ {
		go func() {
			for i := 0; i < each; i++ {
				_, err := s.SaveVersion(d.ID, "稿", "")
				errc <- err
			}
		}()
	}
	for i := 0; i < writers*each; i++ {
		if err := <-errc; err != nil {
			t.Fatal(err)
		}
	}
	vs, err := s.Versions(d.ID)
	if err != nil || len(vs) != 1+writers*each {
		t.Fatalf("%d versions, %v; want %d", len(vs), err, 1+writers*each)
	}
	for i, v := range vs {
		if v.N != i+1 {
			t.Fatalf("version %d numbered %d", i+1, v.N)
		}
	}
}

func corpusAddListRemove(t *testing.T, s workspace.Store) {
	if empty, err := s.CorpusEmpty(); !empty || err != nil {
		t.Fatalf("CorpusEmpty on new store = %v, %v", empty, err)
	}
	doc := SampleDoc()
	c, err := s.AddCorpusDoc("000_泰安.txt", "全文", doc, true)
	if err != nil {
		t.Fatal(err)
	}
	if c.Name != "000_泰安.txt" || c.City != "泰安" || c.Number != "泰政发〔2024〕5号" || c.Title != doc.Title ||
		c.Date != "2024-03-01" || !c.Builtin || c.Clauses != 3 || c.Text != "全文" || c.Doc == nil {
		t.Fatalf("AddCorpusDoc = %+v", c)
	}
	other, err := s.AddCorpusDoc("自选.txt", "无结构", nil, false)
	if err != nil || other.Clauses != 0 || other.Doc != nil {
		t.Fatalf("AddCorpusDoc without doc = %+v, %v", other, err)
	}
	list, err := s.CorpusDocs()
	if err != nil || len(list) != 2 || list[0].ID != c.ID || list[0].Clauses != 3 || list[0].Text != "" || list[1].Builtin {
		t.Fatalf("CorpusDocs = %+v, %v", list, err)
	}
	clauses, err := s.CorpusClauses(c.ID)
	if err != nil || len(clauses) != 3 {
		t.Fatalf("CorpusClauses = %+v, %v", clauses, err)
	}
	want := sqlite.CorpusClause{DocID: c.ID, Index: 1, Label: "1.", Ordinal: 1, Heading: "绘制产业链科技攻关路线图",
		Text: doc.Nodes[1].Children[0].Text, Path: []string{"重点任务"}, Units: []string{"市科技局", "市工业和信息化局"}}
	if !reflect.DeepEqual(clauses[1], want) {
		t.Fatalf("clause 1 = %+v\nwant %+v", clauses[1], want)
	}
	if all, _ := s.CorpusClauses(0); len(all) != 3 {
		t.Fatalf("CorpusClauses(0) = %d clauses, want 3", len(all))
	}
	if err := s.RemoveCorpusDoc(c.ID); err != nil {
		t.Fatal(err)
	}
	if all, _ := s.CorpusClauses(0); len(all) != 0 {
		t.Fatalf("%d clauses left after removing their document", len(all))
	}
	if _, err := s.CorpusDoc(c.ID); !errors.Is(err, sqlite.ErrNotFound) {
		t.Fatalf("CorpusDoc after remove: %v", err)
	}
	if err := s.RemoveCorpusDoc(c.ID); !errors.Is(err, sqlite.ErrNotFound) {
		t.Fatalf("second RemoveCorpusDoc: %v", err)
	}
	s.RemoveCorpusDoc(other.ID)
	if empty, _ := s.CorpusEmpty(); !empty {
		t.Fatal("CorpusEmpty false after removing everything")
	}
}

func corpusDuplicateRefused(t *testing.T, s workspace.Store) {
	if _, err := s.AddCorpusDoc("同名.txt", "甲", SampleDoc(), false); err != nil {
		t.Fatal(err)
	}
	_, err := s.AddCorpusDoc("同名.txt", "乙", SampleDoc(), false)
	if !errors.Is(err, sqlite.ErrExists) || !strings.Contains(err.Error(), "已存在") {
		t.Fatalf("duplicate name: err = %v, want ErrExists", err)
	}
	list, _ := s.CorpusDocs()
	all, _ := s.CorpusClauses(0)
	if len(list) != 1 || len(all) != 3 || list[0].Clauses != 3 {
		t.Fatalf("after refused duplicate: %d docs, %d clauses; want 1, 3", len(list), len(all))
	}
}

func templatesRoundTrip(t *testing.T, s workspace.Store) {
	a := sqlite.TemplateRow{Name: "保障措施", Category: "结尾", Body: "（一）加强组织领导。{{牵头单位}}……",
		Placeholders: json.RawMessage(`["牵头单位"]`), Provenance: json.RawMessage(`{"doc":"000"}`), Version: "1", Builtin: true}
	b := sqlite.TemplateRow{Name: "总体要求", Category: "开头", Body: "以习近平新时代中国特色社会主义思想为指导……"}
	for _, tr := range []sqlite.TemplateRow{a, b} {
		if err := s.SaveTemplate(tr); err != nil {
			t.Fatal(err)
		}
	}
	list, err := s.Templates()
	if err != nil || len(list) != 2 || list[0].Name != "总体要求" || list[1].Name != "保障措施" {
		t.Fatalf("Templates = %+v, %v", list, err)
	}
	if got := list[1]; string(got.Placeholders) != `["牵头单位"]` || !got.Builtin || got.Version != "1" {
		t.Fatalf("template = %+v", got)
	}
	if list[0].Placeholders != nil || list[0].Provenance != nil {
		t.Fatalf("absent JSON read back as %q, %q", list[0].Placeholders, list[0].Provenance)
	}
	a.Body, a.Version = "新正文", "2"
	if err := s.SaveTemplate(a); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Template(a.Name); err != nil || got.Body != "新正文" || got.Version != "2" {
		t.Fatalf("replaced template = %+v, %v", got, err)
	}
	bad := b
	bad.Placeholders = json.RawMessage(`[未闭合`)
	if err := s.SaveTemplate(bad); err == nil {
		t.Fatal("invalid placeholders JSON accepted")
	}
	if err := s.DeleteTemplate(a.Name); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Template(a.Name); !errors.Is(err, sqlite.ErrNotFound) {
		t.Fatalf("Template after delete: %v", err)
	}
}

// optimisticSave: two officers start from version 1; the first save wins,
// the second is refused with a Chinese message and the version saved
// meanwhile (to compare against), writes nothing, and can then be saved
// as the next version. Every version records an author.
func optimisticSave(t *testing.T, s workspace.Store) {
	d := mustDraft(t, s, "两人同改", "第一版")
	mine, err := s.SaveVersionOn(d.ID, 1, "甲改的第二版", "甲")
	if err != nil || mine.N != 2 {
		t.Fatalf("first save on 1 = %+v, %v", mine, err)
	}
	_, err = s.SaveVersionOn(d.ID, 1, "乙改的第二版", "乙")
	var ce *sqlite.ConflictError
	if !errors.As(err, &ce) || !errors.Is(err, sqlite.ErrConflict) {
		t.Fatalf("second save on 1: %v, want a conflict", err)
	}
	if ce.Latest.N != 2 || ce.Latest.Text != "甲改的第二版" || !strings.Contains(err.Error(), "保存冲突") ||
		!strings.Contains(err.Error(), "第 3 版") {
		t.Fatalf("conflict = %+v: %v", ce.Latest, err)
	}
	if vs, _ := s.Versions(d.ID); len(vs) != 2 {
		t.Fatalf("refused save wrote: %d versions", len(vs))
	}
	v3, err := s.SaveVersionOn(d.ID, ce.Latest.N, "乙改的第二版", "乙，对照后")
	if err != nil || v3.N != 3 {
		t.Fatalf("save on 2 after the conflict = %+v, %v", v3, err)
	}
	if _, err := s.SaveVersionOn(4242, 0, "正文", ""); !errors.Is(err, sqlite.ErrNotFound) {
		t.Fatalf("save on a missing draft: %v", err)
	}
	vs, _ := s.Versions(d.ID)
	for _, v := range vs {
		if v.Author == "" {
			t.Fatalf("version %d has no author", v.N)
		}
	}
	if v, _ := s.Version(d.ID, 3); v.Author != vs[2].Author {
		t.Fatalf("Version author %q, Versions author %q", v.Author, vs[2].Author)
	}
}
