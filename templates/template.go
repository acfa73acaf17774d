package templates

// Templates: recurring parts of a 实施意见 (the opening, 组织实施, 责任单位
// phrases, target sentences, clauses that several cities share) kept as a
// body with named placeholders ({城市}, {年份}, {牵头单位}, {数量} …).
//
//   - Template, Placeholder and Provenance are the model; the store keeps
//     them as JSON beside drafts (drafts/sqlite), converted by the caller.
//   - Builtin returns the built-in templates, drawn from the corpus by
//     GenerateBuiltin and committed as builtin.json (go generate).
//   - Propose suggests placeholders for any clause (cities, years,
//     figures with units, departments, local names); the user accepts,
//     renames or drops each and Proposal.Template makes the template.
//   - Fill puts values in; ContextOf and Defaults take what they can from
//     the draft; a placeholder left unfilled is an error, so nothing
//     half-filled reaches a draft.
//
// names.go finds local names and cities, departments.go the departments
// with their standard full names. Inserting a filled template into a draft
// is drafts.InsertAfter's work.

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// PlaceholderType says what a placeholder holds and how it is checked.
type PlaceholderType string

// The placeholder types.
const (
	TypeText        PlaceholderType = "text"        // any text: a city, a name
	TypeYear        PlaceholderType = "year"        // a four-digit year
	TypeNumber      PlaceholderType = "number"      // a figure: 20, 2.8, 1300
	TypeDepartments PlaceholderType = "departments" // one or more departments, 、-separated
)

// Template is a reusable part of a policy document.
type Template struct {
	Name     string `json:"name"`
	Category string `json:"category"` // 开头, 总体要求, 目标, 重点任务, 组织实施, 责任单位
	// Body is the text with placeholders written {名称}; it carries no
	// number label (the draft gives it one on insertion).
	Body         string        `json:"body"`
	Placeholders []Placeholder `json:"placeholders"`
	// Provenance lists the corpus clauses the template generalises.
	Provenance []Provenance `json:"provenance"`
	// Version stamps the template: for built-in ones, the corpus they
	// were drawn from.
	Version string `json:"version"`
}

// Placeholder is a named hole in a template's body.
type Placeholder struct {
	Name string          `json:"name"`
	Type PlaceholderType `json:"type"`
	// Example is the value the source clause had, e.g. 烟台 or 市科技局.
	Example string `json:"example,omitempty"`
}

// Provenance names a corpus clause a template was drawn from.
type Provenance struct {
	City    string `json:"city"`    // simplified: 泰安
	Number  string `json:"number"`  // the document's 文号, empty for a draft (000)
	Label   string `json:"label"`   // the clause's label as written: （一）, 25、
	Heading string `json:"heading"` // the clause's heading as written
	Doc     string `json:"doc"`     // the corpus file: 000_821d8b4d3cdede77.txt
}

// Categories are the template categories, in document order.
var Categories = []string{"开头", "总体要求", "目标", "重点任务", "组织实施", "责任单位"}

// placeholderPattern matches {名称} in a body.
var placeholderPattern = regexp.MustCompile(`\{([^{}\s]{1,20})\}`)

// Errors of filling.
var (
	ErrUnfilled = errors.New("模板还有未填写的占位符")
	ErrBadValue = errors.New("占位符的值不合要求")
)

// Names returns the placeholder names the body uses, in order of first
// use.
func (t Template) Names() []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range placeholderPattern.FindAllStringSubmatch(t.Body, -1) {
		if !seen[m[1]] {
			seen[m[1]] = true
			out = append(out, m[1])
		}
	}
	return out
}

// Placeholder returns the placeholder of that name.
func (t Template) Placeholder(name string) (Placeholder, bool) {
	for _, p := range t.Placeholders {
		if p.Name == name {
			return p, true
		}
	}
	return Placeholder{}, false
}

// Heading returns the body's heading: its text up to the first 。.
func (t Template) Heading() string { return firstSentence(t.Body) }

// Missing returns the placeholders values leaves empty, in order.
func (t Template) Missing(values map[string]string) []string {
	var out []string
	for _, n := range t.Names() {
		if strings.TrimSpace(values[n]) == "" {
			out = append(out, n)
		}
	}
	return out
}

// Fill returns the body with every placeholder replaced by its value.
// It fails, returning no text, when a placeholder is unfilled or a value
// does not fit its type; department values are written with their
// standard full names (市工信局 → 市工业和信息化局).
func (t Template) Fill(values map[string]string) (string, error) {
	if missing := t.Missing(values); len(missing) > 0 {
		return "", fmt.Errorf("%w：{%s}", ErrUnfilled, strings.Join(missing, "}、{"))
	}
	parts, err := t.render(values)
	if err != nil {
		return "", err
	}
	return Join(parts), nil
}

// Part is a run of a template's filled body: text, or a placeholder
// still to fill (Placeholder names it, Text is 【name】).
type Part struct {
	Text        string
	Placeholder string
}

// Preview returns the body filled as far as values go, in parts: each
// filled placeholder is written exactly as Fill writes it, and one unfilled
// or whose value does not fit its type is a part of its own, 【name】. When
// Fill succeeds, Join(Preview(values)) is its text.
func (t Template) Preview(values map[string]string) []Part {
	parts, _ := t.render(values)
	return parts
}

// Join returns the text of parts.
func Join(parts []Part) string {
	var b strings.Builder
	for _, p := range parts {
		b.WriteString(p.Text)
	}
	return b.String()
}

// render is Fill's and Preview's one walk over the body: every
// placeholder's value checked and tidied, or a 【name】 part for one
// unfilled or unfit; err is the first unfit value.
func (t Template) render(values map[string]string) (parts []Part, err error) {
	last := 0
	for _, m := range placeholderPattern.FindAllStringSubmatchIndex(t.Body, -1) {
		name := t.Body[m[2]:m[3]]
		p, ok := t.Placeholder(name)
		if !ok {
			p = Placeholder{Name: name, Type: TypeText}
		}
		parts = appendText(parts, t.Body[last:m[0]])
		last = m[1]
		v, bad := checkValue(p, values[name])
		if bad != nil && err == nil {
			err = bad
		}
		if bad != nil || strings.TrimSpace(values[name]) == "" {
			parts = append(parts, Part{Text: "【" + name + "】", Placeholder: name})
			continue
		}
		parts = appendText(parts, v)
	}
	return appendText(parts, t.Body[last:]), err
}

// appendText adds text to parts, joined to a last part of text.
func appendText(parts []Part, text string) []Part {
	if text == "" {
		return parts
	}
	if n := len(parts); n > 0 && parts[n-1].Placeholder == "" {
		parts[n-1].Text += text
		return parts
	}
	return append(parts, Part{Text: text})
}

var (
	yearValue   = regexp.MustCompile(`^(?:19|20|21)\d{2}$`)
	numberValue = regexp.MustCompile(`^\d+(?:\.\d+)?$`)
)

// checkValue checks a value against its placeholder's type and returns it
// tidied.
func checkValue(p Placeholder, v string) (string, error) {
	v = strings.TrimSpace(v)
	switch p.Type {
	case TypeYear:
		v = strings.TrimSuffix(v, "年")
		if !yearValue.MatchString(v) {
			return "", fmt.Errorf("%w：{%s} 应为四位年份，而不是“%s”", ErrBadValue, p.Name, v)
		}
	case TypeNumber:
		if !numberValue.MatchString(v) {
			return "", fmt.Errorf("%w：{%s} 应为数字，而不是“%s”", ErrBadValue, p.Name, v)
		}
	case TypeDepartments:
		return standardList(v), nil
	}
	return v, nil
}

// standardList writes a list of departments (separated by 、，, or spaces)
// with their standard full names, joined by 、.
func standardList(v string) string {
	parts := SplitDepartments(v)
	for i, p := range parts {
		parts[i] = StandardDepartment(p)
	}
	return JoinDepartments(parts)
}

// SplitDepartments returns the departments of a list as officers type it
// (市发展改革委、市财政局; also separated by ，, ; or spaces), trimmed.
func SplitDepartments(v string) []string {
	return strings.FieldsFunc(v, func(r rune) bool { return strings.ContainsRune("、，,; ；\t\n", r) })
}

// JoinDepartments writes departments the way 公文 lists them: joined by 、
// (市发展改革委、市财政局).
func JoinDepartments(names []string) string { return strings.Join(names, "、") }
