package cli

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"qicao/drafts"
	"qicao/drafts/norm"
	"qicao/templates"
)

func init() {
	register("suggest", "为正在起草的条款推荐其他城市的写法（--json 输出 JSON）",
		"how other cities worded the clause being drafted (--json prints JSON)", runSuggest)
}

// suggestOutput is the JSON shape of `qicao suggest --json`.
type suggestOutput struct {
	Suggestions []suggestionJSON `json:"suggestions"`
}

type suggestionJSON struct {
	Score   float64              `json:"score"`
	City    string               `json:"city"`
	Number  string               `json:"number"`
	Title   string               `json:"title"`
	Date    string               `json:"date"`
	Label   string               `json:"label"`
	Heading string               `json:"heading"`
	Text    string               `json:"text"`
	Spans   []templates.RuneSpan `json:"spans"`
	Adapted *templates.Adapted   `json:"adapted,omitempty"`
}

// suggestArgs are the parsed arguments of `qicao suggest`.
type suggestArgs struct {
	json                      bool
	k                         int
	exclude                   string
	excludeSet                bool
	cities                    stringList
	adaptTo, text, file, clau string
}

const (
	suggestUsage        = "用法：qicao suggest [--json] [-k N] [--exclude-city 城市] [--city 城市]… [--adapt-to 城市] (--text 文字 | --file 文件 [--clause 序号])"
	suggestUsageEnglish = "usage: qicao suggest [--json] [-k N] [--exclude-city CITY] [--city CITY]… [--adapt-to CITY] (--text TEXT | --file FILE [--clause N])"
)

func parseSuggestArgs(env *Env, args []string) (*suggestArgs, error) {
	fs := newFlags(env, "suggest")
	a := &suggestArgs{}
	fs.BoolVar(&a.json, "json", false, help("输出 JSON", "output JSON"))
	fs.IntVar(&a.k, "k", 10, help("推荐条数", "the number of suggestions"))
	fs.StringVar(&a.exclude, "exclude-city", "", help("不推荐该城市的条款（默认：所起草文件的城市）", "suggest no clauses of this city (default: the city of the document being drafted)"))
	fs.Var(&a.cities, "city", help("只推荐该城市的条款（可重复）", "suggest only clauses of this city (may be repeated)"))
	fs.StringVar(&a.adaptTo, "adapt-to", "", help("改写为该城市可直接使用的文字", "rewrite the suggestions for this city to use as they are"))
	fs.StringVar(&a.text, "text", "", help("查询文字：条款、标题或几个词", "the query: a clause, a heading or a few words"))
	fs.StringVar(&a.file, "file", "", help("从文件读取查询（文件路径或 draft:ID@N）", "read the query from a file (a path or draft:ID@N)"))
	fs.StringVar(&a.clau, "clause", "", help("文件中的条款序号（如 25 或（二十三））", "the clause's number in the file (such as 25 or （二十三）)"))
	rest, err := parseFlags(fs, args)
	if err != nil {
		return nil, err
	}
	fs.Visit(func(f *flag.Flag) { a.excludeSet = a.excludeSet || f.Name == "exclude-city" })
	switch {
	case len(rest) > 0:
		return nil, usage(fmt.Sprintf("多余的参数「%s」。%s", rest[0], suggestUsage),
			fmt.Sprintf("unexpected argument “%s”. %s", rest[0], suggestUsageEnglish))
	case (a.text == "") == (a.file == ""):
		return nil, usage("请给出 --text 或 --file 之一。"+suggestUsage, "give one of --text and --file. "+suggestUsageEnglish)
	case a.clau != "" && a.file == "":
		return nil, usage("--clause 需与 --file 一起使用。"+suggestUsage, "--clause goes with --file. "+suggestUsageEnglish)
	case a.k <= 0:
		return nil, usage("-k 应为正整数", "-k must be a positive whole number")
	}
	return a, nil
}

func runSuggest(env *Env, args []string) error {
	a, err := parseSuggestArgs(env, args)
	if err != nil {
		return err
	}
	q, err := suggestQuery(env, a)
	if err != nil {
		return err
	}
	bank, err := loadSuggester(env)
	if err != nil {
		return err
	}
	ss, err := bank.Suggest(q)
	if err != nil {
		return err
	}
	if a.json {
		return writeJSON(env.Stdout, newSuggestOutput(ss))
	}
	printSuggestions(env.Stdout, ss)
	return nil
}

// suggestQuery builds the query from the arguments: the text, or the file
// (one clause of it with --clause), leaving out the file's own city unless
// --exclude-city says otherwise.
func suggestQuery(env *Env, a *suggestArgs) (templates.Query, error) {
	q := templates.Query{Text: a.text, K: a.k, Cities: a.cities, AdaptTo: a.adaptTo}
	if a.file != "" {
		ld, err := loadDocument(env, a.file)
		if err != nil {
			return q, err
		}
		q.Text = ld.Text
		if a.clau != "" {
			c, err := findClause(ld.Doc, a.clau)
			if err != nil {
				return q, err
			}
			q.Text, q.Heading = c.Text, c.Heading
		}
		if !a.excludeSet {
			a.exclude = ld.Doc.City
		}
	}
	if a.exclude != "" {
		q.ExcludeCities = []string{a.exclude}
	}
	return q, nil
}

// findClause finds a clause by its number (25 for 25. or （二十五）) or its
// label as written. When several clauses carry the number, as 000's 1.
// and 四、's （一） do, the deepest one wins: the numbered measures are
// the deepest level.
func findClause(d *drafts.Document, ref string) (drafts.Clause, error) {
	n, numErr := strconv.Atoi(strings.TrimSpace(ref))
	var best *drafts.Clause
	for _, c := range d.Clauses() {
		match := numErr == nil && c.Ordinal == n ||
			numErr != nil && norm.Key(c.Label) == norm.Key(ref)
		if match && (best == nil || c.Level > best.Level) {
			best = &c
		}
	}
	if best == nil {
		return drafts.Clause{}, fmt.Errorf("文件中没有第 %s 条", ref)
	}
	return *best, nil
}

func newSuggestOutput(ss []templates.Suggestion) suggestOutput {
	out := suggestOutput{Suggestions: []suggestionJSON{}}
	for _, s := range ss {
		out.Suggestions = append(out.Suggestions, suggestionJSON{Score: s.Score, City: s.City,
			Number: s.Number, Title: s.Title, Date: s.Date, Label: s.Label, Heading: s.Heading,
			Text: s.Text, Spans: nonNil(s.Spans), Adapted: s.Adapted})
	}
	return out
}

// printSuggestions writes the suggestions for a person to read, the
// shared words in 【】.
func printSuggestions(w io.Writer, ss []templates.Suggestion) {
	if len(ss) == 0 {
		fmt.Fprintln(w, "没有找到相近的条款。")
		return
	}
	for i, s := range ss {
		fmt.Fprintf(w, "%d. [%.3f] %s %s %s%s\n", i+1, s.Score, s.City, s.Number, s.Label, s.Heading)
		fmt.Fprintf(w, "   %s\n", markSpans(s.Text, s.Spans))
		if s.Adapted != nil {
			fmt.Fprintf(w, "   改写：%s\n", s.Adapted.Text)
			for _, f := range s.Adapted.Flags {
				fmt.Fprintf(w, "   请核对：%s（%s）\n", f.Text, f.Reason)
			}
		}
		fmt.Fprintln(w)
	}
}

// markSpans puts 【】 around the spans of text (rune offsets).
func markSpans(text string, spans []templates.RuneSpan) string {
	r := []rune(text)
	var b strings.Builder
	last := 0
	for _, s := range spans {
		b.WriteString(string(r[last:s[0]]))
		b.WriteString("【" + string(r[s[0]:s[1]]) + "】")
		last = s[1]
	}
	b.WriteString(string(r[last:]))
	return b.String()
}
