package sqlite

import (
	"path/filepath"
	"testing"
	"time"

	"qicao/drafts"
)

// fixedNow is the time tests give the store.
var fixedNow = time.Date(2024, 3, 1, 9, 30, 15, 123_000_000, time.FixedZone("CST", 8*3600))

// openTest opens a fresh database in a temporary directory with time fixed
// at fixedNow, and closes it when the test ends.
func openTest(t *testing.T) *DB {
	t.Helper()
	return openAt(t, filepath.Join(t.TempDir(), "qicao.db"))
}

// openAt opens the database at path with time fixed at fixedNow.
func openAt(t *testing.T, path string) *DB {
	t.Helper()
	db, err := Open(path)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	db.now = func() time.Time { return fixedNow }
	t.Cleanup(func() { db.Close() })
	return db
}

// sampleDoc returns a small 实施意见 with two sections and three clauses.
func sampleDoc() *drafts.Document {
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
func mustDraft(t *testing.T, db *DB, title string, texts ...string) drafts.Draft {
	t.Helper()
	first := ""
	if len(texts) > 0 {
		first = texts[0]
	}
	d, err := db.CreateDraft(title, "泰安", first, "初稿")
	if err != nil {
		t.Fatalf("CreateDraft: %v", err)
	}
	for i := 1; i < len(texts); i++ {
		if _, err := db.SaveVersion(d.ID, texts[i], "修改"); err != nil {
			t.Fatalf("SaveVersion %d: %v", i+1, err)
		}
	}
	return d
}

// count returns SELECT COUNT(*) FROM table.
func count(t *testing.T, db *DB, table string) int {
	t.Helper()
	var n int
	if err := db.sql.QueryRow(`SELECT COUNT(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatalf("count %s: %v", table, err)
	}
	return n
}

// integrity returns PRAGMA integrity_check's answer.
func integrity(t *testing.T, db *DB) string {
	t.Helper()
	var s string
	if err := db.sql.QueryRow(`PRAGMA integrity_check`).Scan(&s); err != nil {
		t.Fatalf("integrity_check: %v", err)
	}
	return s
}
