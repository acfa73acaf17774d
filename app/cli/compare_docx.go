package cli

import (
	"io"
	"time"

	"qicao/drafts"
	"qicao/drafts/docx"
)

// writeCompareDocx writes what `qicao compare OLD NEW --docx OUT.docx
// [--table OUT.docx] [--strict]` asks for: the new version with the
// changes from the old as tracked changes (author Qicao, dated now), and
// the 修改对照表. An empty path skips that file. compare's flag handling
// calls it after comparing.
func writeCompareDocx(env *Env, o *outputs, c *drafts.Comparison, old, new *loadedDoc, docxPath, tablePath string, strict bool) error {
	opt := docx.Options{Time: time.Now(), Strict: strict}
	if docxPath != "" {
		err := o.write(env, docxPath, func(w io.Writer) error { return docx.WriteComparison(w, old.Doc, new.Doc, c, opt) })
		if err != nil {
			return err
		}
	}
	if tablePath != "" {
		return o.write(env, tablePath, func(w io.Writer) error { return docx.WriteTable(w, c, opt) })
	}
	return nil
}
