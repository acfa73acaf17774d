package cli

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"qicao/app/workspace"
	"qicao/drafts"
	"qicao/drafts/proof"
)

func init() {
	register("check", "公文校对：check [--json] [--hints] [--fix [-o 输出]] 文件|draft:ID@N",
		"proofread: check [--json] [--hints] [--fix [-o OUT]] FILE|draft:ID@N", runCheck)
}

// checkOutput is the JSON shape of `qicao check --json`.
type checkOutput struct {
	Findings []proof.Item `json:"findings"`
	Summary  checkSummary `json:"summary"`
}

// checkSummary counts what was found.
type checkSummary struct {
	Findings int            `json:"findings"` // items of severity finding
	Hints    int            `json:"hints"`
	Places   int            `json:"places"` // places covered, a grouped item counting each
	Fixable  int            `json:"fixable"`
	ByKind   map[string]int `json:"by_kind"`
	ByCheck  map[string]int `json:"by_check"`
}

func runCheck(env *Env, args []string) error {
	fs := newFlags(env, "check")
	asJSON := fs.Bool("json", false, help("输出 JSON", "output JSON"))
	hints := fs.Bool("hints", false, help("同时列出提示（不一定是错误的地方）", "list hints too (places that are not necessarily wrong)"))
	doFix := fs.Bool("fix", false, help("按建议修改，输出修改后的全文", "make the suggested fixes and print the fixed text"))
	out := fs.String("o", "", help("与 --fix 同用：修改后的全文写入此文件（默认输出到标准输出）", "with --fix: write the fixed text to this file (default: standard output)"))
	var o outputs
	o.forceFlag(fs)
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 || *out != "" && !*doFix {
		return usage("用法：qicao check [--json] [--hints] [--fix [-o 输出.txt]] 文件|draft:ID@N",
			"usage: qicao check [--json] [--hints] [--fix [-o OUT.txt]] FILE|draft:ID@N")
	}
	o.read(rest[0])
	if err := o.check(env, *out); err != nil {
		return err
	}
	ld, err := loadDocument(env, rest[0])
	if err != nil {
		return err
	}
	items := proof.Check(ld.Doc, proof.Options{Hints: *hints, Organs: workspace.BuiltinOrgans()})
	if *doFix {
		return writeFixed(env, &o, *out, ld, items)
	}
	if *asJSON {
		return writeJSON(env.Stdout, checkOutput{Findings: nonNil(items), Summary: summarizeItems(items)})
	}
	printItems(env.Stdout, ld, items)
	return nil
}

func summarizeItems(items []proof.Item) checkSummary {
	s := checkSummary{ByKind: map[string]int{}, ByCheck: map[string]int{}}
	for _, it := range items {
		if it.Severity == proof.Hint {
			s.Hints++
		} else {
			s.Findings++
		}
		s.Places += it.Count
		if len(it.Edits()) > 0 {
			s.Fixable++
		}
		s.ByKind[it.Kind]++
		s.ByCheck[it.ID]++
	}
	return s
}

// printItems lists the findings by kind, each with its line and fix.
func printItems(w io.Writer, ld *loadedDoc, items []proof.Item) {
	if len(items) == 0 {
		fmt.Fprintf(w, "%s：未发现问题。\n", ld.Name)
		return
	}
	byKind := map[string][]proof.Item{}
	var kinds []string
	for _, it := range items {
		if byKind[it.Kind] == nil {
			kinds = append(kinds, it.Kind)
		}
		byKind[it.Kind] = append(byKind[it.Kind], it)
	}
	sort.SliceStable(kinds, func(i, j int) bool { return byKind[kinds[i]][0].Start < byKind[kinds[j]][0].Start })
	for _, k := range kinds {
		fmt.Fprintf(w, "【%s】\n", k)
		for _, it := range byKind[k] {
			line := 1 + strings.Count(ld.Text[:it.Start], "\n")
			mark := ""
			if it.Severity == proof.Hint {
				mark = "（提示）"
			}
			fmt.Fprintf(w, "  第%d行%s 「%s」 %s", line, mark, visible(it.Text), it.Message)
			if it.Fix != nil {
				fmt.Fprintf(w, " → 「%s」", visible(*it.Fix))
			}
			fmt.Fprintf(w, "  〔%s〕\n", it.Rule)
		}
	}
	s := summarizeItems(items)
	fmt.Fprintf(w, "共 %d 项问题、%d 项提示，涉及 %d 处，其中 %d 项可自动修改（qicao check --fix）。\n", s.Findings, s.Hints, s.Places, s.Fixable)
}

// visible shows spaces and line breaks in a span.
func visible(s string) string {
	return strings.NewReplacer(" ", "␣", "\u3000", "␣", "\n", "⏎", "\r", "").Replace(s)
}

// writeFixed applies every fix and writes the text, refusing a result
// whose structure differs from the original's.
func writeFixed(env *Env, o *outputs, path string, ld *loadedDoc, items []proof.Item) error {
	text, _ := proof.Apply(ld.Text, proof.AllEdits(items))
	fixed, err := drafts.Parse(text)
	if err != nil {
		return fmt.Errorf("修改后的文本无法解析：%v", err)
	}
	if got, want := proof.Shape(fixed), proof.Shape(ld.Doc); got != want {
		return fmt.Errorf("修改会改变文件结构（%s → %s），未写入", want, got)
	}
	if path == "" {
		_, err := io.WriteString(env.Stdout, text)
		return err
	}
	return o.write(env, path, func(w io.Writer) error { _, err := io.WriteString(w, text); return err })
}
