package cli

import (
	"fmt"
	"io"

	"qicao/drafts"
)

// WriteCompareHTML writes the report of `qicao compare --html` (the same
// template and content) to w, for the window's compare view: summary,
// alignment diagram, tracked changes, 对照表 and target changes in one
// self-contained page. With strict, changes of form are marked.
func WriteCompareHTML(w io.Writer, oldName, newName string, c *drafts.Comparison, strict bool) error {
	if err := compareTmpl.Execute(w, newReport(oldName, newName, c, strict)); err != nil {
		return fmt.Errorf("生成 HTML 报告失败：%v", err)
	}
	return nil
}
