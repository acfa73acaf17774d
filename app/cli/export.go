package cli

import (
	"io"

	"qicao/app/workspace"
	"qicao/drafts/docx"
	"qicao/drafts/proof"
)

func init() {
	register("export", "导出文件：export docx 文件|draft:ID@N -o 输出.docx [--comments] [--force]（党政机关公文格式；--comments 把校对结果写成批注）",
		"export a file: export docx FILE|draft:ID@N -o OUT.docx [--comments] [--force] (the official layout; --comments writes the proofreading as comments)", runExport)
}

// runExport writes a document in another format; only docx so far.
func runExport(env *Env, args []string) error {
	if len(args) == 0 || args[0] != "docx" {
		return usage("用法：qicao export docx 文件|draft:ID@N -o 输出.docx", "usage: qicao export docx FILE|draft:ID@N -o OUT.docx")
	}
	fs := newFlags(env, "export docx")
	out := fs.String("o", "", help("输出的 .docx 文件", "the .docx file to write"))
	comments := fs.Bool("comments", false, help("把校对发现的问题写成 Word 批注", "write the proofreading's findings as Word comments"))
	var o outputs
	o.forceFlag(fs)
	rest, err := parseFlags(fs, args[1:])
	if err != nil {
		return err
	}
	if len(rest) != 1 || *out == "" {
		return usage("用法：qicao export docx 文件|draft:ID@N -o 输出.docx [--force]", "usage: qicao export docx FILE|draft:ID@N -o OUT.docx [--force]")
	}
	o.read(rest[0])
	if err := o.check(env, *out); err != nil {
		return err
	}
	ld, err := loadDocument(env, rest[0])
	if err != nil {
		return err
	}
	var opt docx.Options
	if *comments {
		opt.Comments = proofComments(ld)
	}
	return o.write(env, *out, func(w io.Writer) error { return docx.WriteDraft(w, ld.Doc, opt) })
}

// proofComments checks the document and returns its findings as comments.
func proofComments(ld *loadedDoc) []docx.Comment {
	var out []docx.Comment
	for _, it := range proof.Check(ld.Doc, proof.Options{Organs: workspace.BuiltinOrgans()}) {
		before, after := it.Context(ld.Text)
		out = append(out, docx.Comment{Text: it.Text, Before: before, After: after, Message: it.Note()})
	}
	return out
}
