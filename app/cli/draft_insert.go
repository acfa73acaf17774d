package cli

import (
	"fmt"
	"time"

	"qicao/drafts"
	"qicao/templates"
)

// runDraftInsert: qicao draft insert ID --after N (--template NAME --set
// 名=值 … | --text T) inserts a clause after clause N of the draft's main
// clause level, renumbers what follows, and stores the result as the
// draft's working text; saving a version stays an explicit step. The
// `draft` dispatcher calls it for `draft insert`.
func runDraftInsert(env *Env, args []string) error {
	fs := newFlags(env, "draft insert")
	after := fs.Int("after", 0, help("插在第几条之后（主条款层级）", "insert after this clause (numbered at the top level)"))
	name := fs.String("template", "", help("模板名称", "the template's name"))
	text := fs.String("text", "", help("要插入的文字", "the text to insert"))
	set := setFlags{}
	fs.Var(set, "set", help("模板占位符的值：名=值（可重复）", "a value for a placeholder of the template: NAME=VALUE (may be repeated)"))
	rest, err := parseFlags(fs, args)
	id, err := draftArg(rest, err, *after > 0 && (*name == "") != (*text == ""),
		"用法：qicao draft insert 编号 --after 序号 (--template 名称 --set 名=值 … | --text 文字)",
		"usage: qicao draft insert ID --after N (--template NAME --set NAME=VALUE … | --text TEXT)")
	if err != nil {
		return err
	}
	ws, err := openWorkspace(env)
	if err != nil {
		return err
	}
	doc, err := currentDoc(ws, id)
	if err != nil {
		return err
	}
	anchor := doc.ClauseByOrdinal(*after)
	if anchor == nil {
		return fmt.Errorf("草稿 %d 没有第 %d 条", id, *after)
	}
	insert := *text
	if *name != "" {
		if insert, err = filledTemplate(env, *name, set, doc); err != nil {
			return err // nothing inserted
		}
	}
	e, err := drafts.InsertAfter(doc, anchor, insert)
	if err != nil {
		return err
	}
	if err := ws.SetWorking(id, e.Text); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "已在 %s 之后插入 %s；草稿 %d 的工作稿已更新，尚未保存为新版本（qicao draft save）\n", anchor.Label, e.Label, id)
	return nil
}

// filledTemplate fills a template for a draft, its defaults taken from
// the draft.
func filledTemplate(env *Env, name string, set setFlags, doc *drafts.Document) (string, error) {
	t, err := findTemplate(env, name)
	if err != nil {
		return "", err
	}
	return fillTemplate(t, set, templates.ContextOf(doc, time.Now()))
}
