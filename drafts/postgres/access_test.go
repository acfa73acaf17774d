package postgres

import (
	"context"
	"errors"
	"strings"
	"testing"

	"qicao/drafts"
)

// TestUnsharedDraftIsPrivate: officer B cannot read, change or delete
// officer A's draft, through Qicao or with hand-written SQL on B's own
// connection, until A shares it with B's team; then B can read it and
// save versions, but deleting and sharing stay A's.
func TestUnsharedDraftIsPrivate(t *testing.T) {
	name, owner := newDB(t)
	a := officer(t, owner, name, "a", "甲组", false)
	b := officer(t, owner, name, "b", "乙组", false)
	d, err := a.CreateDraft("A 的草稿", "泰安", "第一版：A 的正文", "初稿")
	if err != nil {
		t.Fatal(err)
	}
	if err := a.SetWorking(d.ID, "A 未保存的修改"); err != nil {
		t.Fatal(err)
	}

	// Through the store.
	if list, _ := b.Drafts(); len(list) != 0 {
		t.Fatalf("B lists %+v", list)
	}
	if _, err := b.Draft(d.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("B Draft: %v", err)
	}
	if _, err := b.Version(d.ID, 1); !errors.Is(err, ErrNotFound) {
		t.Errorf("B Version: %v", err)
	}
	if _, err := b.SaveVersion(d.ID, "B 改的", ""); err == nil {
		t.Error("B saved a version of A's draft")
	}
	if err := b.RenameDraft(d.ID, "B 改名"); err == nil {
		t.Error("B renamed A's draft")
	}
	if err := b.DeleteDraft(d.ID); err == nil {
		t.Error("B deleted A's draft")
	}
	if err := b.ShareDraft(d.ID, "乙组"); err == nil {
		t.Error("B shared A's draft with B's team")
	}

	// By hand, on B's own connection.
	conn := rawConn(t, name, b.Role())
	ctx := context.Background()
	for _, q := range []string{
		`SELECT count(*) FROM qicao.drafts`,
		`SELECT count(*) FROM qicao.versions`,
		`SELECT count(*) FROM qicao.working`,
		`SELECT count(*) FROM qicao.draft_shares`,
	} {
		var n int
		if err := conn.QueryRow(ctx, q).Scan(&n); err != nil || n != 0 {
			t.Errorf("%s as B = %d, %v; want 0", q, n, err)
		}
	}
	for _, q := range []string{
		`UPDATE qicao.drafts SET title = 'B 改名', latest = 9`,
		`DELETE FROM qicao.drafts`,
		`UPDATE qicao.working SET text = 'B'`,
		`DELETE FROM qicao.working`,
	} {
		tag, err := conn.Exec(ctx, q)
		if err != nil || tag.RowsAffected() != 0 {
			t.Errorf("%s as B touched %d rows, %v; want none", q, tag.RowsAffected(), err)
		}
	}
	for _, q := range []string{
		`INSERT INTO qicao.versions (draft_id, n, text) VALUES ($1, 2, 'B 的版本')`,
		`INSERT INTO qicao.draft_shares (draft_id, team) VALUES ($1, '乙组')`,
		`INSERT INTO qicao.working (draft_id, text) VALUES ($1, 'B')`,
		`UPDATE qicao.drafts SET owner = current_user WHERE id = $1`,
		`DELETE FROM qicao.versions WHERE draft_id = $1`,
		`ALTER TABLE qicao.drafts DISABLE ROW LEVEL SECURITY`,
		`INSERT INTO qicao.team_members (team, role) VALUES ('甲组', current_user) /* $1 */`,
	} {
		if _, err := conn.Exec(ctx, q, d.ID); err == nil {
			t.Errorf("%s as B was allowed", q)
		}
	}
	if _, err := conn.Exec(ctx, `SET row_security = off`); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM qicao.drafts`).Scan(&n); err == nil {
		t.Errorf("with row_security off B read %d drafts", n)
	}

	// Nothing of A's changed.
	if v, err := a.Version(d.ID, 0); err != nil || v.N != 1 || v.Text != "第一版：A 的正文" {
		t.Fatalf("A's draft after B's attempts: %+v, %v", v, err)
	}
	if got, _ := a.Draft(d.ID); got.Title != "A 的草稿" {
		t.Fatalf("title = %q", got.Title)
	}

	// Shared with B's team, B reads and saves; A's working text stays A's.
	if err := a.ShareDraft(d.ID, "乙组"); err != nil {
		t.Fatal(err)
	}
	if list, _ := b.Drafts(); len(list) != 1 || list[0].ID != d.ID || list[0].HasWorking {
		t.Fatalf("B lists after sharing: %+v", list)
	}
	if v, err := b.Version(d.ID, 1); err != nil || v.Text != "第一版：A 的正文" {
		t.Fatalf("B reads shared: %+v, %v", v, err)
	}
	if _, ok, _ := b.Working(d.ID); ok {
		t.Fatal("B sees A's working text")
	}
	v2, err := b.SaveVersion(d.ID, "第二版：B 改的", "B 的意见")
	if err != nil || v2.N != 2 || v2.Author != b.Role() {
		t.Fatalf("B saves on shared: %+v, %v", v2, err)
	}
	if err := b.RenameDraft(d.ID, "共同的草稿"); err != nil {
		t.Fatal(err)
	}
	if err := b.DeleteDraft(d.ID); err == nil || !strings.Contains(err.Error(), "创建者") {
		t.Fatalf("B deleted a shared draft: %v", err)
	}
	if v, _ := a.Version(d.ID, 0); v.N != 2 || v.Author != b.Role() {
		t.Fatalf("A sees latest %+v", v)
	}
	if w, ok, _ := a.Working(d.ID); !ok || w != "A 未保存的修改" {
		t.Fatalf("A's working text = %q, %v", w, ok)
	}
	if err := a.DeleteDraft(d.ID); err != nil {
		t.Fatal(err)
	}
}

// TestCorpusCuratorOnly: every officer reads the corpus and the
// templates; only a curator changes them.
func TestCorpusCuratorOnly(t *testing.T) {
	name, owner := newDB(t)
	cur := officer(t, owner, name, "cur", "", true)
	off := officer(t, owner, name, "off", "", false)
	doc := &drafts.Document{Meta: drafts.Meta{Title: "实施意见", City: "泰安"}}
	c, err := cur.AddCorpusDoc("泰安.txt", "全文", doc, false)
	if err != nil {
		t.Fatal(err)
	}
	if list, err := off.CorpusDocs(); err != nil || len(list) != 1 {
		t.Fatalf("officer reads corpus: %+v, %v", list, err)
	}
	if _, err := off.AddCorpusDoc("别的.txt", "全文", nil, false); err == nil || !strings.Contains(err.Error(), "权限") {
		t.Fatalf("officer added to the corpus: %v", err)
	}
	if err := off.RemoveCorpusDoc(c.ID); err == nil {
		t.Fatal("officer removed a corpus document")
	}
	if err := off.SaveTemplate(TemplateRow{Name: "模板", Body: "正文"}); err == nil {
		t.Fatal("officer saved a template")
	}
	if err := cur.SaveTemplate(TemplateRow{Name: "模板", Body: "正文"}); err != nil {
		t.Fatal(err)
	}
	if ts, err := off.Templates(); err != nil || len(ts) != 1 {
		t.Fatalf("officer reads templates: %+v, %v", ts, err)
	}
}
