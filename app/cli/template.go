package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"qicao/drafts"
	"qicao/templates"
)

func init() {
	register("template", "条款模板：list | show | from-clause | fill", "clause templates: list | show | from-clause | fill", runTemplate)
}

// templateCommands are the sub-commands of `qicao template`.
var templateCommands = subcommands{
	"list": runTemplateList,
	"show": runTemplateShow,
	"fill": runTemplateFill,
}

func runTemplate(env *Env, args []string) error {
	return templateCommands.run(env, args, "template", "用法：qicao template list|show|from-clause|fill …",
		"usage: qicao template list|show|from-clause|fill …")
}

// loadTemplates returns the stored templates and the built-in ones not
// stored (yet), sorted by category then name.
func loadTemplates(env *Env) ([]templates.Template, error) {
	ws, err := openWorkspace(env)
	if err != nil {
		return nil, err
	}
	return ws.Templates()
}

// findTemplate returns the template of that name.
func findTemplate(env *Env, name string) (templates.Template, error) {
	all, err := loadTemplates(env)
	if err != nil {
		return templates.Template{}, err
	}
	for _, t := range all {
		if t.Name == name {
			return t, nil
		}
	}
	return templates.Template{}, drafts.Errorf(drafts.ENotFound, fmt.Sprintf("没有名为“%s”的模板（qicao template list 列出全部）", name),
		fmt.Sprintf("There is no template “%s” (qicao template list lists them all)", name))
}

// templateJSON is the JSON shape of one template in `template list --json`.
type templateJSON struct {
	Name         string                  `json:"name"`
	Category     string                  `json:"category"`
	Body         string                  `json:"body"`
	Placeholders []templates.Placeholder `json:"placeholders"`
	Provenance   []templates.Provenance  `json:"provenance"`
	Version      string                  `json:"version"`
}

func toTemplateJSON(t templates.Template) templateJSON {
	return templateJSON{t.Name, t.Category, t.Body, nonNil(t.Placeholders), nonNil(t.Provenance), t.Version}
}

// runTemplateList: qicao template list [--json] [--category C].
func runTemplateList(env *Env, args []string) error {
	fs := newFlags(env, "template list")
	asJSON := fs.Bool("json", false, help("输出 JSON", "output JSON"))
	category := fs.String("category", "", help("只列出该类别："+strings.Join(templates.Categories, "、"), "list only this category: "+strings.Join(templates.Categories, ", ")))
	if rest, err := parseFlags(fs, args); err != nil || len(rest) > 0 {
		return orUsage(err, "用法：qicao template list [--json] [--category 类别]", "usage: qicao template list [--json] [--category CATEGORY]")
	}
	all, err := loadTemplates(env)
	if err != nil {
		return err
	}
	out := []templateJSON{}
	for _, t := range all {
		if *category == "" || t.Category == *category {
			out = append(out, toTemplateJSON(t))
		}
	}
	return printList(env, *asJSON, map[string]any{"templates": out}, out, func(t templateJSON) string {
		return fmt.Sprintf("%s\t%s\t%d 个占位符\t来源 %d 处", t.Category, t.Name, len(t.Placeholders), len(t.Provenance))
	})
}

// runTemplateShow: qicao template show NAME [--json].
func runTemplateShow(env *Env, args []string) error {
	fs := newFlags(env, "template show")
	asJSON := fs.Bool("json", false, help("输出 JSON", "output JSON"))
	rest, err := parseFlags(fs, args)
	if err != nil || len(rest) != 1 {
		return orUsage(err, "用法：qicao template show 名称 [--json]", "usage: qicao template show NAME [--json]")
	}
	t, err := findTemplate(env, rest[0])
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(env.Stdout, toTemplateJSON(t))
	}
	printTemplate(env.Stdout, t)
	return nil
}

// printTemplate writes a template for a person to read.
func printTemplate(w io.Writer, t templates.Template) {
	fmt.Fprintf(w, "名称：%s\n类别：%s\n", t.Name, t.Category)
	if t.Version != "" {
		fmt.Fprintf(w, "版本：%s\n", t.Version)
	}
	fmt.Fprintf(w, "\n%s\n\n占位符：\n", t.Body)
	for _, p := range t.Placeholders {
		fmt.Fprintf(w, "  {%s}\t%s\t例：%s\n", p.Name, typeName(p.Type), p.Example)
	}
	if len(t.Provenance) > 0 {
		fmt.Fprintln(w, "\n来源：")
		for _, p := range t.Provenance {
			fmt.Fprintf(w, "  %s %s %s%s\n", p.City, orDash(p.Number), p.Label, p.Heading)
		}
	}
}

func orDash(s string) string {
	if s == "" {
		return "（无文号）"
	}
	return s
}

// typeName is a placeholder type in Chinese.
func typeName(t templates.PlaceholderType) string {
	switch t {
	case templates.TypeYear:
		return "年份"
	case templates.TypeNumber:
		return "数字"
	case templates.TypeDepartments:
		return "部门"
	}
	return "文字"
}

// setFlags collects repeated --set 名=值 flags.
type setFlags map[string]string

func (s setFlags) String() string { return "" }

func (s setFlags) Set(v string) error {
	name, value, ok := strings.Cut(v, "=")
	name = strings.Trim(strings.TrimSpace(name), "{}")
	if !ok || name == "" {
		return fmt.Errorf("--set 应写作 名=值，而不是“%s”", v)
	}
	s[name] = value
	return nil
}

// fillTemplate fills t with the user's values over the context's
// defaults; an unfilled placeholder is an error that lists what to set
// and, for departments, what to choose from.
func fillTemplate(t templates.Template, set setFlags, ctx templates.Context) (string, error) {
	values := templates.Defaults(t, ctx)
	for k, v := range set {
		values[k] = v
	}
	text, err := t.Fill(values)
	if errors.Is(err, templates.ErrUnfilled) {
		return "", unfilledError(t, values, ctx, err)
	}
	return text, err
}

// unfilledError explains which --set flags are missing.
func unfilledError(t templates.Template, values map[string]string, ctx templates.Context, err error) error {
	var b strings.Builder
	b.WriteString(err.Error())
	b.WriteString("。请用 --set 填写：")
	for _, name := range t.Missing(values) {
		p, _ := t.Placeholder(name)
		fmt.Fprintf(&b, "\n  --set %s=…（%s", name, typeName(p.Type))
		if p.Type == templates.TypeDepartments {
			choices := templates.DepartmentChoices(ctx)
			if len(choices) > 8 {
				choices = choices[:8]
			}
			fmt.Fprintf(&b, "，可选：%s…", strings.Join(choices, "、"))
		} else if p.Example != "" {
			fmt.Fprintf(&b, "，原文：%s", p.Example)
		}
		b.WriteString("）")
	}
	return errors.New(b.String())
}

// runTemplateFill: qicao template fill NAME --set 名=值 … [--draft ID]
// prints the filled text.
func runTemplateFill(env *Env, args []string) error {
	fs := newFlags(env, "template fill")
	set := setFlags{}
	fs.Var(set, "set", help("占位符的值：名=值（可重复）", "a value for a placeholder: NAME=VALUE (may be repeated)"))
	draftID := fs.Int64("draft", 0, "从该草稿取城市与部门")
	rest, err := parseFlags(fs, args)
	if err != nil || len(rest) != 1 {
		return orUsage(err, "用法：qicao template fill 名称 --set 城市=泰安 --set 年份=2026 … [--draft 编号]",
			"usage: qicao template fill NAME --set 城市=泰安 --set 年份=2026 … [--draft ID]")
	}
	t, err := findTemplate(env, rest[0])
	if err != nil {
		return err
	}
	ctx := templates.ContextOf(nil, time.Now())
	if *draftID > 0 {
		if ctx, err = draftContext(env, *draftID); err != nil {
			return err
		}
	}
	text, err := fillTemplate(t, set, ctx)
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, text)
	return nil
}

// draftContext reads the context of a draft's current text.
func draftContext(env *Env, id int64) (templates.Context, error) {
	ws, err := openWorkspace(env)
	if err != nil {
		return templates.Context{}, err
	}
	d, err := currentDoc(ws, id)
	if err != nil {
		return templates.Context{}, err
	}
	return templates.ContextOf(d, time.Now()), nil
}
