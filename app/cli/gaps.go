package cli

import (
	"context"
	"fmt"
	"io"
	"strings"

	"qicao/app/workspace"
	"qicao/templates"
)

func init() {
	register("gaps", "列出其他城市文件有而草稿没有的措施（--json 输出 JSON）",
		"list the measures other cities' documents have that the draft lacks (--json prints JSON)", runGaps)
}

// gapsOutput is the JSON shape of `qicao gaps --json`.
type gapsOutput struct {
	Draft  gapsDraft            `json:"draft"`
	Groups []templates.GapGroup `json:"groups"`
}

type gapsDraft struct {
	Name  string `json:"name"`
	Title string `json:"title"`
	City  string `json:"city"`
}

func runGaps(env *Env, args []string) error {
	fs := newFlags(env, "gaps")
	asJSON := fs.Bool("json", false, help("输出 JSON", "output JSON"))
	limit := fs.Int("limit", 0, help("最多列出的主题数（0 为默认 30）", "the most topics to list (0: the default, 30)"))
	var exclude stringList
	fs.Var(&exclude, "exclude-city", help("另外不比较该城市的文件（可重复）", "also leave out this city's documents (may be repeated)"))
	files, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		return usage("用法：qicao gaps [--json] [--limit N] [--exclude-city 城市]… 文件|draft:ID@N",
			"usage: qicao gaps [--json] [--limit N] [--exclude-city CITY]… FILE|draft:ID@N")
	}
	ld, err := loadDocument(env, files[0])
	if err != nil {
		return err
	}
	groups, err := withWorkspace(env, func(ws *workspace.Workspace) ([]templates.GapGroup, error) {
		return ws.Gaps(context.Background(), ld.Doc, templates.GapOptions{ExcludeCities: exclude, Limit: *limit})
	})
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(env.Stdout, gapsOutput{gapsDraft{ld.Name, ld.Doc.Title, ld.Doc.City}, nonNil(groups)})
	}
	printGaps(env.Stdout, ld.Doc.City, groups)
	return nil
}

// printGaps writes the gaps for a person to read, topic by topic, each
// with the cities that have it and a few of their clauses.
func printGaps(w io.Writer, city string, groups []templates.GapGroup) {
	if len(groups) == 0 {
		fmt.Fprintln(w, "没有发现其他城市有而草稿没有的措施。")
		return
	}
	if city == "" {
		city = "草稿"
	}
	fmt.Fprintf(w, "其他城市有、%s草稿没有的措施，按主题（常见者在前）：\n", city)
	for i, g := range groups {
		fmt.Fprintf(w, "\n%d. %s —— %d 个城市、%d 份文件的 %d 条条款有此主题而草稿未覆盖（%s）\n",
			i+1, g.Topic, len(g.Cities), g.Documents, g.Clauses, strings.Join(g.Cities, "、"))
		for _, x := range g.Gaps {
			fmt.Fprintf(w, "  %s %s %s%s  [覆盖 %.2f]\n", x.City, x.Number, x.Label, x.Heading, x.Coverage)
			fmt.Fprintf(w, "    要点：%s", strings.Join(x.Topics, "、"))
			if x.Nearest != nil {
				fmt.Fprintf(w, "；草稿最近条款：%s%s", x.Nearest.Label, x.Nearest.Heading)
			}
			fmt.Fprintln(w)
		}
	}
}
