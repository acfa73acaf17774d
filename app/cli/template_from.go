package cli

import (
	"fmt"
	"strings"

	"qicao/templates"
)

func init() {
	templateCommands["from-clause"] = runTemplateFromClause
}

// fromClauseJSON is the JSON shape of `template from-clause --json`.
type fromClauseJSON struct {
	Candidates []templates.Candidate `json:"candidates"`
	Template   templateJSON          `json:"template"`
}

// runTemplateFromClause: qicao template from-clause FILE --clause N
// [--drop 名]… [--rename 旧=新]… [--name 名称] [--category 类别] [--save]
// [--json] proposes placeholders for clause N of the main clause level
// and, with --save, stores the template.
func runTemplateFromClause(env *Env, args []string) error {
	fs := newFlags(env, "template from-clause")
	ordinal := fs.Int("clause", 0, help("条款序号（主条款层级，如 000 的 10.、烟台的（二十三））", "the clause's number, at the top level (such as 000's 10., 烟台's （二十三）)"))
	name := fs.String("name", "", help("模板名称（缺省取条款标题）", "the template's name (default: the clause's heading)"))
	category := fs.String("category", "重点任务", help("类别："+strings.Join(templates.Categories, "、"), "the category: "+strings.Join(templates.Categories, ", ")))
	var drops, renames stringList
	fs.Var(&drops, "drop", help("不用的占位符名（可重复）", "a placeholder name not to use (may be repeated)"))
	fs.Var(&renames, "rename", help("改名：旧=新（可重复）", "rename a placeholder: OLD=NEW (may be repeated)"))
	save := fs.Bool("save", false, help("保存为模板", "save it as a template"))
	asJSON := fs.Bool("json", false, help("输出 JSON", "output JSON"))
	rest, err := parseFlags(fs, args)
	if err != nil || len(rest) != 1 || *ordinal <= 0 {
		return orUsage(err, "用法：qicao template from-clause 文件 --clause 序号 [--drop 名] [--rename 旧=新] [--name 名称] [--save]",
			"usage: qicao template from-clause FILE --clause N [--drop NAME] [--rename OLD=NEW] [--name NAME] [--save]")
	}
	ld, err := loadDocument(env, rest[0])
	if err != nil {
		return err
	}
	n := ld.Doc.ClauseByOrdinal(*ordinal)
	if n == nil {
		return fmt.Errorf("「%s」没有第 %d 条", rest[0], *ordinal)
	}
	p := templates.Propose(n.Text)
	if err := decide(p, drops, renames); err != nil {
		return err
	}
	if *name == "" {
		*name = n.Heading
	}
	t := p.Template(*name, *category)
	if *save {
		if err := saveTemplate(env, t); err != nil {
			return err
		}
	}
	if *asJSON {
		return writeJSON(env.Stdout, fromClauseJSON{nonNil(p.Candidates), toTemplateJSON(t)})
	}
	printProposal(env, p, t, *save)
	return nil
}

// decide applies the user's drops and renames to a proposal.
func decide(p *templates.Proposal, drops, renames stringList) error {
	for _, d := range drops {
		if err := p.Drop(strings.Trim(d, "{}")); err != nil {
			return usageError{msg: err.Error(), err: err}
		}
	}
	for _, r := range renames {
		old, name, ok := strings.Cut(r, "=")
		if !ok {
			return usagef("--rename 应写作 旧=新，而不是“%s”", "write --rename as OLD=NEW, not “%s”", r)
		}
		if err := p.Rename(strings.Trim(old, "{}"), strings.Trim(name, "{}")); err != nil {
			return usageError{msg: err.Error(), err: err}
		}
	}
	return nil
}

// printProposal writes the proposed placeholders and the template.
func printProposal(env *Env, p *templates.Proposal, t templates.Template, saved bool) {
	fmt.Fprintln(env.Stdout, "建议的占位符（--drop 名 不用，--rename 旧=新 改名）：")
	for _, c := range p.Candidates {
		mark := ""
		if !c.Accepted {
			mark = "（不用）"
		}
		value := "{" + c.Name + "}" + c.Unit
		fmt.Fprintf(env.Stdout, "  %s → %s\t%s，%d 处%s\n", c.Value, value, typeName(c.Type), len(c.Spans), mark)
	}
	fmt.Fprintln(env.Stdout)
	printTemplate(env.Stdout, t)
	if saved {
		fmt.Fprintf(env.Stdout, "\n已保存模板“%s”\n", t.Name)
	}
}

// saveTemplate stores a user's template.
func saveTemplate(env *Env, t templates.Template) error {
	ws, err := openWorkspace(env)
	if err != nil {
		return err
	}
	return ws.SaveTemplate(t, false)
}
