package cli

import (
	"bytes"
	"time"

	"qicao/drafts"
	"qicao/drafts/docx"
)

// writeCompareDocx writes what `qicao compare OLD NEW --docx OUT.docx
// [--table OUT.docx] [--strict]` asks for: the new version with the
// changes from the old as tracked changes (author Qicao, dated now), and
// the 修改对照表. An empty path skips that file. compare's flag handling
// calls it after comparing.
func writeCompareDocx(env *Env, c *drafts.Comparison, old, new *loadedDoc, docxPath, tablePath string, strict bool) error {
	opt := docx.Options{Time: time.Now(), Strict: strict}
	if docxPath != "" {
		var buf bytes.Buffer
		if err := docx.WriteComparison(&buf, old.Doc, new.Doc, c, opt); err != nil {
			return err
		}
		if err := writeOutput(env, docxPath, buf.Bytes()); err != nil {
			return err
		}
	}
	if tablePath != "" {
		var buf bytes.Buffer
		if err := docx.WriteTable(&buf, c, opt); err != nil {
			return err
		}
		return writeOutput(env, tablePath, buf.Bytes())
	}
	return nil
}
