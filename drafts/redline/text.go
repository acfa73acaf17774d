// Package redline presents a comparison (drafts.Comparison) for people:
// the text redline of `qicao compare` and the self-contained HTML report
// that the command line and the window's compare view both write. It does
// no I/O of its own and never imports Fyne.
package redline

import (
	"fmt"
	"io"
	"strings"

	"qicao/drafts"
)

// Style is how the text redline marks changes: the escapes written before
// deletions, insertions, changes of form and kind headers, and after each
// (Reset). The zero Style marks with brackets only; the CLI sets ANSI
// colours when it writes to a terminal.
type Style struct {
	Del, Ins, Form, Kind, Reset string
}

// WriteText writes the comparison as tracked changes: one block per
// pair with its kind, labels old → new and similarity, deletions in [-…-]
// and insertions in {+…+}. Changes of form only are shown as [~old~new~]
// when strict, else as the new form.
func WriteText(w io.Writer, c *drafts.Comparison, st Style, strict bool) {
	s := c.Summary
	fmt.Fprintf(w, "旧：%s\n新：%s\n", c.Old.Title+status(c.Old), c.New.Title+status(c.New))
	fmt.Fprintf(w, "%s；标点/空格变化 %d 处\n", SummaryLine(s), s.PunctuationOnly)
	for _, p := range c.Pairs {
		fmt.Fprintf(w, "\n%s【%s】%s%s\n", st.Kind, Name(p.Kind), pairTitle(p), st.Reset)
		if p.Kind == drafts.PairUnchanged && !p.Section {
			continue
		}
		fmt.Fprintln(w, redlineText(p.Ops, st, strict))
	}
	if len(c.Figures) > 0 {
		fmt.Fprintf(w, "\n%s【目标变化】%s\n", st.Kind, st.Reset)
		for _, f := range c.Figures {
			fmt.Fprintf(w, "  %s：%s → %s（%s）\n", f.Subject, dash(f.Old), dash(f.New), figureClauses(f))
		}
	}
}

func status(m drafts.Meta) string {
	var parts []string
	for _, s := range []string{m.Status, m.Number, m.Date} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "（" + strings.Join(parts, "，") + "）"
}

// SummaryLine counts the pairs by kind: 修改 23，移动 0，…，未改 0.
func SummaryLine(s drafts.Summary) string {
	var parts []string
	for _, c := range Counts(s) {
		parts = append(parts, fmt.Sprintf("%s %d", Name(c.Kind), c.N))
	}
	return strings.Join(parts, "，")
}

// Names names a pair's sides: 10.强化数字化赋能 → 9.推动数字赋能产业升级,
// — for a side missing.
func Names(p drafts.Pair) string {
	name := func(s *drafts.Side) string {
		if s == nil {
			return "—"
		}
		return s.Name()
	}
	return name(p.Old) + " → " + name(p.New)
}

// pairTitle is "10.强化数字化赋能 → 9.推动数字赋能产业升级  相似度 0.71".
func pairTitle(p drafts.Pair) string {
	if s := Similarity(p); s != "" {
		return Names(p) + "  相似度 " + s
	}
	return Names(p)
}

func redlineText(ops []drafts.Op, st Style, strict bool) string {
	var b strings.Builder
	for _, r := range Runs(ops, BothSide, strict) {
		switch r.Mark {
		case Same:
			b.WriteString(r.Text)
		case Deleted:
			b.WriteString(st.Del + "[-" + r.Text + "-]" + st.Reset)
		case Inserted:
			b.WriteString(st.Ins + "{+" + r.Text + "+}" + st.Reset)
		case Form:
			b.WriteString(st.Form + "[~" + r.Old + "~" + r.New + "~]" + st.Reset)
		}
	}
	return b.String()
}

func dash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func figureClauses(f drafts.Figure) string {
	switch {
	case f.OldClause == "":
		return "新增于 " + f.NewClause
	case f.NewClause == "":
		return "删去，原 " + f.OldClause
	case f.OldClause == f.NewClause:
		return f.NewClause
	}
	return f.OldClause + " → " + f.NewClause
}
