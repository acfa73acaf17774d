package sqlite

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"qicao/templates"
)

func TestCorpusAddListRemove(t *testing.T) {
	db := openTest(t)
	if empty, err := db.CorpusEmpty(); !empty || err != nil {
		t.Fatalf("CorpusEmpty on new database = %v, %v", empty, err)
	}
	doc := sampleDoc()
	c, err := db.AddCorpusDoc("000_泰安.txt", "全文", doc, true)
	if err != nil {
		t.Fatal(err)
	}
	if c.Name != "000_泰安.txt" || c.City != "泰安" || c.Number != "泰政发〔2024〕5号" || c.Title != doc.Title ||
		c.Date != "2024-03-01" || !c.Builtin || c.Clauses != 3 || c.Text != "全文" || c.Doc == nil {
		t.Fatalf("AddCorpusDoc = %+v", c)
	}
	other, err := db.AddCorpusDoc("自选.txt", "无结构", nil, false)
	if err != nil || other.Clauses != 0 || other.Doc != nil {
		t.Fatalf("AddCorpusDoc without doc = %+v, %v", other, err)
	}

	list, err := db.CorpusDocs()
	if err != nil || len(list) != 2 || list[0].ID != c.ID || list[0].Clauses != 3 || list[0].Text != "" || list[1].Builtin {
		t.Fatalf("CorpusDocs = %+v, %v", list, err)
	}
	clauses, err := db.CorpusClauses(c.ID)
	if err != nil || len(clauses) != 3 {
		t.Fatalf("CorpusClauses = %+v, %v", clauses, err)
	}
	want := CorpusClause{DocID: c.ID, Index: 1, Label: "1.", Ordinal: 1, Heading: "绘制产业链科技攻关路线图",
		Text: doc.Nodes[1].Children[0].Text, Path: []string{"重点任务"}, Units: []string{"市科技局", "市工业和信息化局"}}
	if !reflect.DeepEqual(clauses[1], want) {
		t.Fatalf("clause 1 = %+v\nwant %+v", clauses[1], want)
	}
	if all, _ := db.CorpusClauses(0); len(all) != 3 {
		t.Fatalf("CorpusClauses(0) = %d clauses, want 3", len(all))
	}

	if err := db.RemoveCorpusDoc(c.ID); err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, "corpus_clauses"); n != 0 {
		t.Fatalf("%d clauses left after removing their document", n)
	}
	if _, err := db.CorpusDoc(c.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("CorpusDoc after remove: %v", err)
	}
	db.RemoveCorpusDoc(other.ID)
	if empty, _ := db.CorpusEmpty(); !empty {
		t.Fatal("CorpusEmpty false after removing everything")
	}
}

func TestCorpusDuplicateNameRefused(t *testing.T) {
	db := openTest(t)
	if _, err := db.AddCorpusDoc("同名.txt", "甲", sampleDoc(), false); err != nil {
		t.Fatal(err)
	}
	_, err := db.AddCorpusDoc("同名.txt", "乙", sampleDoc(), false)
	if !errors.Is(err, ErrExists) || !strings.Contains(err.Error(), "已存在") {
		t.Fatalf("duplicate name: err = %v, want ErrExists", err)
	}
	if d, c := count(t, db, "corpus_docs"), count(t, db, "corpus_clauses"); d != 1 || c != 3 {
		t.Fatalf("after refused duplicate: %d docs, %d clauses; want 1, 3", d, c)
	}
}

func TestCorpusFailureMidwayWritesNothing(t *testing.T) {
	db := openTest(t)
	// Make the third clause row fail, after the document row and two
	// clause rows have been written inside the transaction.
	_, err := db.sql.Exec(`CREATE TRIGGER test_fail BEFORE INSERT ON corpus_clauses
		WHEN NEW.idx = 2 BEGIN SELECT RAISE(ABORT, '故障注入'); END`)
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.AddCorpusDoc("坏.txt", "全文", sampleDoc(), false)
	if err == nil || !strings.Contains(err.Error(), "故障注入") || !strings.Contains(err.Error(), "添加参考文件") {
		t.Fatalf("err = %v, want the injected failure", err)
	}
	if d, c := count(t, db, "corpus_docs"), count(t, db, "corpus_clauses"); d != 0 || c != 0 {
		t.Fatalf("after failed add: %d docs, %d clauses; want none", d, c)
	}
}

// TestIndexedClausesTopics: a clause's topics are stored at import and read
// back with the clause; a clause stored before migration 006 (topics NULL)
// gets the same topics on the first read.
func TestIndexedClausesTopics(t *testing.T) {
	db := openTest(t)
	doc := sampleDoc()
	c, err := db.AddCorpusDoc("000_泰安.txt", "全文", doc, false)
	if err != nil {
		t.Fatal(err)
	}
	read := func() []templates.BankClause {
		t.Helper()
		cs, err := db.IndexedClauses()
		if err != nil || len(cs) != 3 {
			t.Fatalf("IndexedClauses = %d clauses, %v", len(cs), err)
		}
		return cs
	}
	stored := read()
	k := stored[1]
	if k.SourceID != c.ID || k.Source != "000_泰安.txt" || k.City != "泰安" || k.Heading != "绘制产业链科技攻关路线图" ||
		!reflect.DeepEqual(k.Path, []string{"重点任务"}) {
		t.Fatalf("clause 1 = %+v", k)
	}
	if want := templates.EncodeTopics(k.Text, k.Heading); k.StoredTopics != want || !strings.Contains(want, "\t") {
		t.Fatalf("stored topics %q, want %q (with a phrase)", k.StoredTopics, want)
	}
	if _, err := db.sql.Exec(`UPDATE corpus_clauses SET topics = NULL`); err != nil {
		t.Fatal(err)
	}
	if again := read(); !reflect.DeepEqual(again, stored) {
		t.Fatalf("after filling: %+v\nwant %+v", again, stored)
	}
	var missing int
	if err := db.sql.QueryRow(`SELECT COUNT(*) FROM corpus_clauses WHERE topics IS NULL`).Scan(&missing); err != nil || missing != 0 {
		t.Fatalf("%d clauses without topics after a read, %v", missing, err)
	}
}
