package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"qicao/drafts"
)

func TestTemplateListJSON(t *testing.T) {
	db := filepath.Join(t.TempDir(), "q.db")
	code, out, errOut := run(t, db, "template", "list", "--json", "--category", "组织实施")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct {
		Templates []struct {
			Name, Category, Body string
			Placeholders         []struct{ Name, Type string }
			Provenance           []struct{ City, Number, Label, Heading string }
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Templates) < 3 {
		t.Fatalf("%d 组织实施 templates", len(got.Templates))
	}
	for _, tpl := range got.Templates {
		if tpl.Category != "组织实施" || tpl.Body == "" || len(tpl.Provenance) < 2 || tpl.Provenance[0].Heading == "" {
			t.Errorf("bad template %+v", tpl)
		}
	}
}

func TestTemplateFromClauseYantai(t *testing.T) {
	code, out, errOut := run(t, filepath.Join(t.TempDir(), "q.db"), "template", "from-clause", seedPath(t, "004"), "--clause", "23", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got fromClauseJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	names := map[string]string{}
	for _, c := range got.Candidates {
		names[c.Value] = c.Name
	}
	if names["烟台"] != "城市" || names["20亿元"] != "数量" || names["市科技局"] != "牵头单位" ||
		names["市财政局、人民银行烟台市分行、烟台金融监管分局"] != "配合单位" {
		t.Errorf("proposals %v", names)
	}
}

func TestTemplateFill(t *testing.T) {
	db := filepath.Join(t.TempDir(), "q.db")
	code, out, errOut := run(t, db, "template", "fill", "加强宣传引导", "--set", "城市=济宁")
	if code != 0 || !strings.Contains(out, "讲好济宁科技创新") {
		t.Fatalf("exit %d: %s %s", code, out, errOut)
	}
	code, _, errOut = run(t, db, "template", "fill", "强化要素保障", "--set", "牵头单位=市科技局")
	if code == 0 || !strings.Contains(errOut, "{配合单位}") || !strings.Contains(errOut, "市工业和信息化局") {
		t.Errorf("unfilled accepted: exit %d %s", code, errOut)
	}
}

func TestDraftInsert(t *testing.T) {
	db := filepath.Join(t.TempDir(), "q.db")
	// The example draft: version 2 is 泰安's issued text, clauses 1.–25.
	code, _, errOut := run(t, db, "draft", "insert", "1", "--after", "9", "--template", "推动国有企业创新示范", "--set", "牵头单位=市国资委")
	if code == 0 || !strings.Contains(errOut, "{配合单位}") {
		t.Fatalf("insert with an unfilled placeholder: exit %d %s", code, errOut)
	}
	_, before, _ := run(t, db, "draft", "show", "1")
	code, out, errOut := run(t, db, "draft", "insert", "1", "--after", "9", "--template", "推动国有企业创新示范",
		"--set", "牵头单位=市国资委", "--set", "配合单位=市科技局、市工信局")
	if code != 0 || !strings.Contains(out, "10.") {
		t.Fatalf("exit %d: %s %s", code, out, errOut)
	}
	_, after, _ := run(t, db, "draft", "show", "1")
	d, err := drafts.Parse(after)
	if err != nil {
		t.Fatal(err)
	}
	if n := d.ClauseByOrdinal(10); n == nil || n.Heading != "推动国有企业创新示范" || !strings.Contains(n.Text, "（市国资委、市科技局、市工业和信息化局按职责分工负责）") {
		t.Errorf("clause 10: %+v", n)
	}
	if len(after) <= len(before) || d.ClauseByOrdinal(26) == nil {
		t.Error("later clauses not renumbered")
	}
	code, _, _ = run(t, db, "draft", "insert", "1", "--after", "9", "--text", "新条款。内容。")
	if code != 0 {
		t.Error("--text insert failed")
	}
}
