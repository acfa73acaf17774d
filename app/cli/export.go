package cli

import (
	"io"

	"qicao/drafts/docx"
)

func init() {
	register("export", "导出文件：export docx 文件|draft:ID@N -o 输出.docx [--force]（党政机关公文格式）", runExport)
}

// runExport writes a document in another format; only docx so far.
func runExport(env *Env, args []string) error {
	if len(args) == 0 || args[0] != "docx" {
		return usagef("用法：qicao export docx 文件|draft:ID@N -o 输出.docx")
	}
	fs := newFlags(env, "export docx")
	out := fs.String("o", "", "输出的 .docx 文件")
	var o outputs
	o.forceFlag(fs)
	rest, err := parseFlags(fs, args[1:])
	if err != nil {
		return err
	}
	if len(rest) != 1 || *out == "" {
		return usagef("用法：qicao export docx 文件|draft:ID@N -o 输出.docx [--force]")
	}
	o.read(rest[0])
	if err := o.check(env, *out); err != nil {
		return err
	}
	ld, err := loadDocument(env, rest[0])
	if err != nil {
		return err
	}
	return o.write(env, *out, func(w io.Writer) error { return docx.WriteDraft(w, ld.Doc, docx.Options{}) })
}
