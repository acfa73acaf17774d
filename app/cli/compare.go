package cli

import (
	"fmt"
	"io"
	"os"
	"strings"

	"qicao/drafts"
)

func init() {
	register("compare", "比较两个版本：条款对齐、修订痕迹、目标变化（--json、--html 输出、--strict 显示标点变化）", runCompare)
}

// compareOutput is the JSON shape of `qicao compare --json`: the
// comparison with the documents' names.
type compareOutput struct {
	Old     metaJSON        `json:"old"`
	New     metaJSON        `json:"new"`
	Summary drafts.Summary  `json:"summary"`
	Pairs   []drafts.Pair   `json:"pairs"`
	Figures []drafts.Figure `json:"figures"`
}

// metaJSON is a document's metadata and where it came from.
type metaJSON struct {
	Source string `json:"source"`
	drafts.Meta
}

func runCompare(env *Env, args []string) error {
	fs := newFlags(env, "compare")
	asJSON := fs.Bool("json", false, "输出 JSON")
	htmlOut := fs.String("html", "", "把对照报告写成 HTML 文件")
	strict := fs.Bool("strict", false, "把标点宽度、空格的变化也当作修改显示")
	docxOut := fs.String("docx", "", "把修订稿写成 .docx（修订痕迹）")
	tableOut := fs.String("table", "", "把修改对照表写成 .docx")
	var o outputs
	o.forceFlag(fs)
	files, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(files) != 2 {
		return usagef("用法：qicao compare [--json] [--html 输出文件] [--docx 修订稿.docx] [--table 对照表.docx] [--strict] [--force] 旧版本 新版本（文件或 draft:ID@N）")
	}
	o.read(files...)
	o.quiet = *asJSON
	if err := o.check(env, *htmlOut, *docxOut, *tableOut); err != nil {
		return err
	}
	old, err := loadDocument(env, files[0])
	if err != nil {
		return err
	}
	new, err := loadDocument(env, files[1])
	if err != nil {
		return err
	}
	c := drafts.Compare(old.Doc, new.Doc, drafts.CompareOptions{Strict: *strict})
	if *htmlOut != "" {
		err := o.write(env, *htmlOut, func(w io.Writer) error { return WriteCompareHTML(w, old.Name, new.Name, c, *strict) })
		if err != nil {
			return err
		}
	}
	if *docxOut != "" || *tableOut != "" {
		if err := writeCompareDocx(env, &o, c, old, new, *docxOut, *tableOut, *strict); err != nil {
			return err
		}
	}
	switch {
	case *asJSON:
		return writeJSON(env.Stdout, compareJSON(old.Name, new.Name, c))
	case *htmlOut != "" || *docxOut != "" || *tableOut != "":
		return nil // each writer said where it wrote
	}
	printRedline(env.Stdout, c, redlineStyle(env.Stdout), *strict)
	return nil
}

func compareJSON(oldName, newName string, c *drafts.Comparison) compareOutput {
	out := compareOutput{Old: metaJSON{oldName, c.Old}, New: metaJSON{newName, c.New}, Summary: c.Summary,
		Pairs: c.Pairs, Figures: c.Figures}
	for _, m := range []*metaJSON{&out.Old, &out.New} {
		m.Issuers = nonNil(m.Issuers)
	}
	return out
}

// style is how the redline marks changes: brackets, and ANSI colour on a
// terminal.
type style struct {
	del, ins, form, kind, reset string
}

// redlineStyle colours the output when w is a terminal and NO_COLOR is
// not set.
func redlineStyle(w io.Writer) style {
	f, ok := w.(*os.File)
	if !ok || os.Getenv("NO_COLOR") != "" {
		return style{}
	}
	if fi, err := f.Stat(); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return style{}
	}
	return style{del: "\x1b[31;9m", ins: "\x1b[32;4m", form: "\x1b[33m", kind: "\x1b[1m", reset: "\x1b[0m"}
}

var kindNames = map[drafts.Kind]string{
	drafts.PairUnchanged: "未改", drafts.PairModified: "修改", drafts.PairMoved: "移动", drafts.PairAdded: "新增",
	drafts.PairDeleted: "删除", drafts.PairMerged: "合并", drafts.PairSplit: "拆分",
}

// printRedline writes the comparison as tracked changes: one block per
// pair with its kind, labels old → new and similarity, deletions in [-…-]
// and insertions in {+…+}. Changes of form only are shown as [~old~new~]
// when strict, else as the new form.
func printRedline(w io.Writer, c *drafts.Comparison, st style, strict bool) {
	s := c.Summary
	fmt.Fprintf(w, "旧：%s\n新：%s\n", c.Old.Title+status(c.Old), c.New.Title+status(c.New))
	fmt.Fprintf(w, "修改 %d，移动 %d，合并 %d，拆分 %d，新增 %d，删除 %d，未改 %d；标点/空格变化 %d 处\n",
		s.Modified, s.Moved, s.Merged, s.Split, s.Added, s.Deleted, s.Unchanged, s.PunctuationOnly)
	for _, p := range c.Pairs {
		fmt.Fprintf(w, "\n%s【%s】%s%s\n", st.kind, kindNames[p.Kind], pairTitle(p), st.reset)
		if p.Kind == drafts.PairUnchanged && !p.Section {
			continue
		}
		fmt.Fprintln(w, redlineText(p.Ops, st, strict))
	}
	if len(c.Figures) > 0 {
		fmt.Fprintf(w, "\n%s【目标变化】%s\n", st.kind, st.reset)
		for _, f := range c.Figures {
			fmt.Fprintf(w, "  %s：%s → %s（%s）\n", f.Subject, dash(f.Old), dash(f.New), figureClauses(f))
		}
	}
}

func status(m drafts.Meta) string {
	var parts []string
	for _, s := range []string{m.Status, m.Number, m.Date} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "（" + strings.Join(parts, "，") + "）"
}

// pairTitle is "10.强化数字化赋能 → 9.推动数字赋能产业升级  相似度 0.71".
func pairTitle(p drafts.Pair) string {
	name := func(s *drafts.Side) string {
		if s == nil {
			return "—"
		}
		return s.Name()
	}
	t := name(p.Old) + " → " + name(p.New)
	if p.Old != nil && p.New != nil {
		t += fmt.Sprintf("  相似度 %.2f", p.Similarity)
	}
	return t
}

func redlineText(ops []drafts.Op, st style, strict bool) string {
	var b strings.Builder
	for _, o := range ops {
		switch o.Kind {
		case '=':
			b.WriteString(o.Text)
		case '-':
			b.WriteString(st.del + "[-" + o.Text + "-]" + st.reset)
		case '+':
			b.WriteString(st.ins + "{+" + o.Text + "+}" + st.reset)
		case '~':
			if strict {
				b.WriteString(st.form + "[~" + o.Text + "~" + o.New + "~]" + st.reset)
			} else {
				b.WriteString(o.New)
			}
		}
	}
	return b.String()
}

func dash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func figureClauses(f drafts.Figure) string {
	switch {
	case f.OldClause == "":
		return "新增于 " + f.NewClause
	case f.NewClause == "":
		return "删去，原 " + f.OldClause
	case f.OldClause == f.NewClause:
		return f.NewClause
	}
	return f.OldClause + " → " + f.NewClause
}
