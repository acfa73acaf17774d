package cli

import (
	"bytes"
	"fmt"
	"os"

	"qicao/drafts/docx"
)

func init() {
	register("export", "导出文件：export docx 文件|draft:ID@N -o 输出.docx（党政机关公文格式）", runExport)
}

// runExport writes a document in another format; only docx so far.
func runExport(env *Env, args []string) error {
	if len(args) == 0 || args[0] != "docx" {
		return usagef("用法：qicao export docx 文件|draft:ID@N -o 输出.docx")
	}
	fs := newFlags(env, "export docx")
	out := fs.String("o", "", "输出的 .docx 文件")
	rest, err := parseFlags(fs, args[1:])
	if err != nil {
		return err
	}
	if len(rest) != 1 || *out == "" {
		return usagef("用法：qicao export docx 文件|draft:ID@N -o 输出.docx")
	}
	ld, err := loadDocument(env, rest[0])
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := docx.WriteDraft(&buf, ld.Doc, docx.Options{}); err != nil {
		return err
	}
	return writeOutput(env, *out, buf.Bytes())
}

// writeOutput writes a finished file and says where it went.
func writeOutput(env *Env, path string, data []byte) error {
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return fmt.Errorf("无法写入「%s」：%v", path, err)
	}
	fmt.Fprintf(env.Stdout, "已写入 %s\n", path)
	return nil
}
