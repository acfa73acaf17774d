package cli

import (
	"fmt"
	"io"
	"strings"

	"qicao/drafts"
)

func init() {
	register("parse", "解析文件的结构（--json 输出 JSON）", "the structure of a file (--json prints JSON)", runParse)
}

// parseOutput is the JSON shape of `qicao parse --json`; other tools rely
// on it.
type parseOutput struct {
	drafts.Meta
	Sections []*drafts.Node `json:"sections"`
	Clauses  []clauseJSON   `json:"clauses"`
	// Parts lists the documents the text holds: a notice and each of its
	// attachments, or the document alone. Sections and Clauses describe
	// the main one.
	Parts []partJSON `json:"parts"`
}

// partJSON is one part of a parsed text: its kind (document, notice,
// attachment), whether it is the main one, its metadata and its tree.
type partJSON struct {
	Kind drafts.PartKind `json:"kind"`
	Main bool            `json:"main"`
	drafts.Meta
	Sections []*drafts.Node `json:"sections"`
	Clauses  int            `json:"clauses"`
}

type clauseJSON struct {
	Label     string   `json:"label"`
	Ordinal   int      `json:"ordinal"`
	Heading   string   `json:"heading"`
	Text      string   `json:"text"`
	Path      []string `json:"path"`
	Units     []string `json:"units"`
	LeadUnits []string `json:"lead_units"`
}

func runParse(env *Env, args []string) error {
	fs := newFlags(env, "parse")
	asJSON := fs.Bool("json", false, help("输出 JSON", "output JSON"))
	files, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		return usage("用法：qicao parse [--json] 文件", "usage: qicao parse [--json] FILE")
	}
	ld, err := loadDocument(env, files[0])
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(env.Stdout, newParseOutput(ld.Doc))
	}
	printOutline(env.Stdout, ld.Doc)
	return nil
}

func newParseOutput(d *drafts.Document) parseOutput {
	out := parseOutput{Meta: d.Meta, Sections: nonNil(d.Nodes), Clauses: []clauseJSON{}, Parts: []partJSON{}}
	out.Issuers = nonNil(out.Issuers)
	for _, p := range d.Parts {
		pj := partJSON{Kind: p.Kind, Main: p.Main, Meta: p.Meta, Sections: nonNil(p.Nodes), Clauses: len(p.Clauses())}
		pj.Issuers = nonNil(pj.Issuers)
		out.Parts = append(out.Parts, pj)
	}
	for _, c := range d.Clauses() {
		out.Clauses = append(out.Clauses, clauseJSON{Label: c.Label, Ordinal: c.Ordinal, Heading: c.Heading,
			Text: c.Text, Path: nonNil(c.Path), Units: nonNil(c.Units), LeadUnits: nonNil(c.LeadUnits)})
	}
	return out
}

// nonNil returns s, or an empty slice for nil, so that JSON writes [] and
// not null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// printOutline writes the document's metadata and numbered outline for a
// person to read.
func printOutline(w io.Writer, d *drafts.Document) {
	fmt.Fprintf(w, "标题：%s\n", d.Title)
	field := func(name, v string) {
		if v != "" {
			fmt.Fprintf(w, "%s：%s\n", name, v)
		}
	}
	field("文号", d.Number)
	field("发文机关", strings.Join(d.Issuers, "、"))
	field("成文日期", d.Date)
	field("状态", d.Status)
	field("城市", d.City)
	if d.Effective.From != "" || d.Effective.To != "" {
		fmt.Fprintf(w, "有效期：%s 至 %s\n", d.Effective.From, d.Effective.To)
	}
	fmt.Fprintf(w, "条款：%d\n\n", len(d.Clauses()))
	d.Walk(func(n *drafts.Node, _ *drafts.Node) {
		line := strings.Repeat("  ", n.Level-1) + n.Label + n.Heading
		if len(n.Units) > 0 {
			line += "  〔" + strings.Join(n.Units, "、") + "〕"
		}
		fmt.Fprintln(w, line)
	})
}
