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
	clean := map[string]string{}
	for _, n := range t.Names() {
		p, ok := t.Placeholder(n)
		if !ok {
			p = Placeholder{Name: n, Type: TypeText}
		}
		v, err := checkValue(p, values[n])
		if err != nil {
			return "", err
		}
		clean[n] = v
	}
	return placeholderPattern.ReplaceAllStringFunc(t.Body, func(m string) string {
		return clean[m[1:len(m)-1]]
	}), nil
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
	parts := strings.FieldsFunc(v, func(r rune) bool { return strings.ContainsRune("、，,; ；", r) })
	for i, p := range parts {
		parts[i] = StandardDepartment(p)
	}
	return strings.Join(parts, "、")
}
