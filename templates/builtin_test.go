package templates

import (
	"bytes"
	"strings"
	"testing"

	"qicao/drafts"
)

// sampleValues fills every placeholder of t with a value of its type.
func sampleValues(t Template) map[string]string {
	v := map[string]string{}
	for _, p := range t.Placeholders {
		switch {
		case p.Name == "城市":
			v[p.Name] = "泰安"
		case p.Type == TypeYear:
			v[p.Name] = "2026"
		case p.Type == TypeNumber:
			v[p.Name] = "12"
		case p.Type == TypeDepartments:
			v[p.Name] = "市科技局、市工信局"
		default:
			v[p.Name] = "示例名称"
		}
	}
	return v
}

func TestBuiltinTemplates(t *testing.T) {
	all, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 20 {
		t.Fatalf("%d built-in templates, want at least 20", len(all))
	}
	categories := map[string]int{}
	for _, tpl := range all {
		categories[tpl.Category]++
		checkFillsAsOneClause(t, tpl)
		checkPlaceholdersDeclared(t, tpl)
	}
	for _, c := range []string{"开头", "总体要求", "目标", "重点任务", "组织实施", "责任单位"} {
		if categories[c] == 0 {
			t.Errorf("no built-in template of category %s", c)
		}
	}
}

// checkFillsAsOneClause fills a template and parses it back under a label.
func checkFillsAsOneClause(t *testing.T, tpl Template) {
	t.Helper()
	text, err := tpl.Fill(sampleValues(tpl))
	if err != nil {
		t.Errorf("%s: %v", tpl.Name, err)
		return
	}
	if strings.ContainsAny(text, "{}") {
		t.Errorf("%s: braces left in %q", tpl.Name, text)
	}
	d, err := drafts.Parse("1." + text)
	if err != nil {
		t.Fatal(err)
	}
	cs := d.Clauses()
	want := Template{Body: text}.Heading()
	if len(cs) != 1 || cs[0].Heading != want {
		t.Errorf("%s: parsed back as %d clauses, want one headed %q", tpl.Name, len(cs), want)
	}
}

func checkPlaceholdersDeclared(t *testing.T, tpl Template) {
	t.Helper()
	for _, n := range tpl.Names() {
		if _, ok := tpl.Placeholder(n); !ok {
			t.Errorf("%s: {%s} used but not declared", tpl.Name, n)
		}
	}
	if len(tpl.Names()) != len(tpl.Placeholders) {
		t.Errorf("%s: %d declared, %d used", tpl.Name, len(tpl.Placeholders), len(tpl.Names()))
	}
}

func TestBuiltinTraceNamesCorpusClauses(t *testing.T) {
	docs := map[string]*drafts.Document{}
	for _, s := range CorpusSources() {
		d, err := drafts.Parse(s.Text)
		if err != nil {
			t.Fatal(err)
		}
		docs[s.Name] = d
	}
	all, _ := Builtin()
	for _, tpl := range all {
		if len(tpl.Provenance) < 2 {
			t.Errorf("%s: traced to %d clauses, want a recurring part", tpl.Name, len(tpl.Provenance))
		}
		for _, p := range tpl.Provenance {
			d := docs[p.Doc]
			if d == nil || d.City != p.City || d.Number != p.Number || !hasPart(d, p.Label, p.Heading) {
				t.Errorf("%s: provenance %+v names no corpus clause", tpl.Name, p)
			}
		}
	}
}

// hasPart reports whether d has a node with that label and heading, or
// for an empty label a preamble paragraph opening with heading.
func hasPart(d *drafts.Document, label, heading string) bool {
	found := false
	d.Walk(func(n, _ *drafts.Node) {
		found = found || n.Label == label && n.Heading == heading
	})
	for _, p := range d.Preamble {
		found = found || label == "" && firstSentence(p.Text) == heading
	}
	return found
}

func TestBuiltinExpectedParts(t *testing.T) {
	all, _ := Builtin()
	byName := map[string]Template{}
	for _, tpl := range all {
		byName[tpl.Name] = tpl
	}
	org := byName["加强组织领导"]
	if org.Category != "组织实施" || len(org.Provenance) < 3 {
		t.Errorf("加强组织领导: %+v", org)
	}
	for _, name := range []string{"强化要素保障", "加强宣传引导", "推动国有企业创新示范", "加强应用导向的基础研究",
		"创新科技金融模式", "构建市场化成果转化体系", "强化科学普及和宣传教育"} {
		if _, ok := byName[name]; !ok {
			t.Errorf("no built-in template %s", name)
		}
	}
	if open := byName["开头：贯彻落实并提出实施意见"]; !strings.Contains(open.Body, "结合{城市}实际") {
		t.Errorf("opening: %s", open.Body)
	}
}

// TestBuiltinUpToDate regenerates the templates from the corpus: the
// committed builtin.json must be what go generate writes today.
func TestBuiltinUpToDate(t *testing.T) {
	f, err := GenerateBuiltin(CorpusSources())
	if err != nil {
		t.Fatal(err)
	}
	data, err := EncodeBuiltin(f)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, builtinJSON) {
		t.Error("builtin.json is stale: run go generate ./templates")
	}
}
