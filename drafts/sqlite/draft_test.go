package sqlite

import (
	"strings"
	"testing"
	"time"

	"qicao/drafts"
)

func TestDraftVersionsRoundTrip(t *testing.T) {
	db := openTest(t)
	d, err := db.CreateDraft("科技创新实施意见", "泰安", "第一版正文", "初稿")
	if err != nil {
		t.Fatal(err)
	}
	want := fixedNow.Truncate(time.Millisecond)
	if d.Title != "科技创新实施意见" || d.City != "泰安" || d.Versions != 1 || !d.Created.Equal(want) || !d.Updated.Equal(want) {
		t.Fatalf("CreateDraft = %+v", d)
	}
	later := fixedNow.Add(time.Hour)
	db.now = func() time.Time { return later }
	v2, err := db.SaveVersion(d.ID, "第二版正文", "征求意见后")
	if err != nil || v2.N != 2 || v2.Text != "第二版正文" || !v2.Created.Equal(later) {
		t.Fatalf("SaveVersion = %+v, %v", v2, err)
	}
	if d, _ = db.Draft(d.ID); d.Versions != 2 || !d.Updated.Equal(later) || !d.Created.Equal(want) {
		t.Fatalf("Draft after save = %+v", d)
	}

	v1, err := db.Version(d.ID, 1)
	if err != nil || v1.Text != "第一版正文" || v1.Note != "初稿" || v1.Chars != 5 {
		t.Fatalf("Version 1 = %+v, %v", v1, err)
	}
	if latest, err := db.Version(d.ID, 0); err != nil || latest.N != 2 {
		t.Fatalf("Version latest = %+v, %v", latest, err)
	}
	vs, err := db.Versions(d.ID)
	if err != nil || len(vs) != 2 || vs[0].N != 1 || vs[1].N != 2 || vs[1].Note != "征求意见后" || vs[1].Chars != 5 || vs[1].Text != "" {
		t.Fatalf("Versions = %+v, %v", vs, err)
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
	if got.Nodes[0].Level != 1 || got.Nodes[0].Style.Family != drafts.HanComma {
		t.Fatalf("top node = %+v", got.Nodes[0])
	}
	if len(got.Clauses()) != 3 {
		t.Fatalf("Clauses() = %d, want 3", len(got.Clauses()))
	}
}

func TestCreateDraftWithoutText(t *testing.T) {
	db := openTest(t)
	d, err := db.CreateDraft("空白草稿", "", "", "")
	if err != nil || d.Versions != 0 {
		t.Fatalf("CreateDraft = %+v, %v", d, err)
	}
	if v, err := db.SaveVersion(d.ID, "正文", ""); err != nil || v.N != 1 {
		t.Fatalf("first SaveVersion = %+v, %v", v, err)
	}
}

func TestDraftsListedNewestFirst(t *testing.T) {
	db := openTest(t)
	a := mustDraft(t, db, "甲", "一")
	b := mustDraft(t, db, "乙", "一")
	db.now = func() time.Time { return fixedNow.Add(time.Minute) }
	if _, err := db.SaveVersion(a.ID, "二", ""); err != nil {
		t.Fatal(err)
	}
	ds, err := db.Drafts()
	if err != nil || len(ds) != 2 || ds[0].ID != a.ID || ds[1].ID != b.ID || ds[0].Versions != 2 {
		t.Fatalf("Drafts = %+v, %v", ds, err)
	}
	if err := db.RenameDraft(b.ID, "乙（修改）"); err != nil {
		t.Fatal(err)
	}
	if d, _ := db.Draft(b.ID); d.Title != "乙（修改）" {
		t.Fatalf("renamed title = %q", d.Title)
	}
}

func TestWorkingText(t *testing.T) {
	db := openTest(t)
	d := mustDraft(t, db, "草稿", "第一版")
	if _, ok, err := db.Working(d.ID); ok || err != nil {
		t.Fatalf("Working on new draft: ok=%v err=%v", ok, err)
	}
	if err := db.SetWorking(d.ID, "正在修改"); err != nil {
		t.Fatal(err)
	}
	if text, ok, err := db.Working(d.ID); text != "正在修改" || !ok || err != nil {
		t.Fatalf("Working = %q, %v, %v", text, ok, err)
	}
	if d, _ := db.Draft(d.ID); !d.HasWorking || d.WorkingSaved.IsZero() {
		t.Fatalf("Draft = %+v, want HasWorking", d)
	}

	// Saving something else keeps the working text; saving it clears it.
	if _, err := db.SaveVersion(d.ID, "别的内容", ""); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := db.Working(d.ID); !ok {
		t.Fatal("working text lost by saving a different text")
	}
	if _, err := db.SaveVersion(d.ID, "正在修改", ""); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := db.Working(d.ID); ok {
		t.Fatal("working text kept after saving it as a version")
	}

	// Autosaving the latest version's text is no unsaved change.
	if err := db.SetWorking(d.ID, "正在修改"); err != nil {
		t.Fatal(err)
	}
	if d, _ := db.Draft(d.ID); d.HasWorking {
		t.Fatal("HasWorking for text equal to the latest version")
	}
	if err := db.SetWorking(d.ID, "再改"); err != nil {
		t.Fatal(err)
	}
	if err := db.ClearWorking(d.ID); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := db.Working(d.ID); ok {
		t.Fatal("working text kept after ClearWorking")
	}
}

func TestVersionsImmutable(t *testing.T) {
	db := openTest(t)
	d := mustDraft(t, db, "草稿", "第一版", "第二版")
	for _, stmt := range []string{
		`UPDATE versions SET text = '篡改' WHERE draft_id = ? AND n = 1`,
		`UPDATE versions SET note = '篡改' WHERE draft_id = ?`,
		`DELETE FROM versions WHERE draft_id = ? AND n = 2`,
	} {
		_, err := db.sql.Exec(stmt, d.ID)
		if err == nil || !strings.Contains(err.Error(), "不可") {
			t.Errorf("%s: err = %v, want refusal", stmt, err)
		}
	}
	if v, _ := db.Version(d.ID, 1); v.Text != "第一版" || v.Note != "初稿" {
		t.Fatalf("version 1 changed: %+v", v)
	}
	if count(t, db, "versions") != 2 {
		t.Fatal("a version was deleted")
	}
}

func TestDeleteDraftCascades(t *testing.T) {
	db := openTest(t)
	gone := mustDraft(t, db, "要删的", "一", "二", "三")
	kept := mustDraft(t, db, "留下的", "一", "二")
	if err := db.DeleteDraft(gone.ID); err != nil {
		t.Fatal(err)
	}
	var left int
	db.sql.QueryRow(`SELECT COUNT(*) FROM versions WHERE draft_id = ?`, gone.ID).Scan(&left)
	if left != 0 {
		t.Fatalf("%d versions left after deleting their draft", left)
	}
	if vs, err := db.Versions(kept.ID); err != nil || len(vs) != 2 {
		t.Fatalf("other draft's versions = %+v, %v", vs, err)
	}
	if _, err := db.Versions(gone.ID); err == nil {
		t.Fatal("Versions of a deleted draft did not fail")
	}
	// A new draft must not get the deleted one's id.
	if d := mustDraft(t, db, "新的"); d.ID == gone.ID {
		t.Fatalf("id %d reused", d.ID)
	}
}
