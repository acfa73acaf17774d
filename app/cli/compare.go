package cli

import (
	"io"
	"os"

	"qicao/drafts"
	"qicao/drafts/redline"
)

func init() {
	register("compare", "比较两个版本：条款对齐、修订痕迹、目标变化（--json、--html 输出、--strict 显示标点变化）",
		"compare two versions: clauses aligned, tracked changes, changed targets (--json, --html OUT, --strict shows punctuation changes)", runCompare)
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
	asJSON := fs.Bool("json", false, help("输出 JSON", "output JSON"))
	htmlOut := fs.String("html", "", help("把对照报告写成 HTML 文件", "write the comparison report as an HTML file"))
	strict := fs.Bool("strict", false, help("把标点宽度、空格的变化也当作修改显示", "show changes of punctuation width and spacing as changes too"))
	docxOut := fs.String("docx", "", help("把修订稿写成 .docx（修订痕迹）", "write the new version with tracked changes as a .docx"))
	tableOut := fs.String("table", "", help("把修改对照表写成 .docx", "write the table of changes (修改对照表) as a .docx"))
	var o outputs
	o.forceFlag(fs)
	files, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(files) != 2 {
		return usage("用法：qicao compare [--json] [--html 输出文件] [--docx 修订稿.docx] [--table 对照表.docx] [--strict] [--force] 旧版本 新版本（文件或 draft:ID@N）",
			"usage: qicao compare [--json] [--html OUT] [--docx CHANGES.docx] [--table TABLE.docx] [--strict] [--force] OLD NEW (files or draft:ID@N)")
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
		err := o.write(env, *htmlOut, func(w io.Writer) error { return redline.WriteHTML(w, old.Name, new.Name, c, *strict) })
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
	redline.WriteText(env.Stdout, c, redlineStyle(env.Stdout), *strict)
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

// redlineStyle colours the output when w is a terminal and NO_COLOR is
// not set.
func redlineStyle(w io.Writer) redline.Style {
	f, ok := w.(*os.File)
	if !ok || os.Getenv("NO_COLOR") != "" {
		return redline.Style{}
	}
	if fi, err := f.Stat(); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return redline.Style{}
	}
	return redline.Style{Del: "\x1b[31;9m", Ins: "\x1b[32;4m", Form: "\x1b[33m", Kind: "\x1b[1m", Reset: "\x1b[0m"}
}
