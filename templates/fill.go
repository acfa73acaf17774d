package templates

import (
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"qicao/drafts"
)

// Context is what a draft offers to fill a template: its city, the year,
// and the departments it already names.
type Context struct {
	City string
	Year int
	// Departments are the standard names of the draft's responsible
	// units, most used first.
	Departments []string
}

// ContextOf reads a draft's context; now gives the current year.
func ContextOf(d *drafts.Document, now time.Time) Context {
	c := Context{Year: now.Year()}
	if d == nil {
		return c
	}
	c.City = d.City
	count := map[string]int{}
	countUnits(d, count)
	c.Departments = byCount(count)
	return c
}

// countUnits adds the responsible units of d to count, by standard name.
func countUnits(d *drafts.Document, count map[string]int) {
	d.Walk(func(n, _ *drafts.Node) {
		for _, u := range n.Units {
			count[StandardDepartment(u)]++
		}
	})
}

// Defaults returns the values the context supplies: the draft's city for
// {城市} and the current year for year placeholders. Departments are not
// guessed: DepartmentChoices offers the draft's own first, and the user
// picks.
func Defaults(t Template, c Context) map[string]string {
	out := map[string]string{}
	for _, name := range t.Names() {
		p, _ := t.Placeholder(name)
		switch {
		case name == "城市" && c.City != "":
			out[name] = c.City
		case p.Type == TypeYear && c.Year > 0:
			out[name] = strconv.Itoa(c.Year)
		}
	}
	return out
}

// DepartmentChoices returns the departments to offer for a department
// placeholder in a draft of c.City, each by its standard full name, without
// repeats: the draft's own responsible units first, most used first, then
// the departments the corpus names. No choice names another city: an organ
// named after a city is offered under the draft's city (人民银行济宁市分行 →
// 人民银行泰安市分行, see DepartmentForCity) or, when the draft's city is
// unknown, not at all; a corpus unit that is not a department (各人才工程责任部门)
// is not offered.
func DepartmentChoices(c Context) []string {
	seen := map[string]bool{}
	var out []string
	add := func(d string) {
		if d, ok := DepartmentForCity(d, c.City); ok && !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	}
	for _, d := range c.Departments {
		add(d)
	}
	for _, d := range CorpusDepartments() {
		if IsDepartment(d) {
			add(d)
		}
	}
	return out
}

// DepartmentForCity returns a department's name for a draft of city. The
// convention: an organ named with a city's name is that city's, so every
// Shandong city it names becomes city (人民银行济宁市分行 → 人民银行泰安市分行,
// 济宁金融监管分局 → 泰安金融监管分局); ok is false when it names a city and
// city is empty. Generic names (市财政局) are returned as they are.
func DepartmentForCity(name, city string) (string, bool) {
	folded := foldHan(name)
	found := citiesIn(folded, name)
	if len(found) == 0 {
		return name, true
	}
	if city == "" {
		return "", false
	}
	var b strings.Builder
	last := 0
	for _, n := range found {
		if n.Start < last {
			continue
		}
		b.WriteString(folded[last:n.Start])
		b.WriteString(city)
		last = n.End
	}
	b.WriteString(folded[last:])
	return b.String(), true
}

var (
	corpusDeptOnce sync.Once
	corpusDepts    []string
)

// CorpusDepartments returns the standard names of the departments the
// built-in templates' corpus names as responsible units, most used first
// (read from the built-in templates' source, once).
func CorpusDepartments() []string {
	corpusDeptOnce.Do(func() {
		count := map[string]int{}
		for _, src := range CorpusSources() {
			d, err := drafts.Parse(src.Text)
			if err != nil {
				continue
			}
			countUnits(d, count)
		}
		corpusDepts = byCount(count)
	})
	return corpusDepts
}

// byCount returns the keys of count, most counted first, then by name.
func byCount(count map[string]int) []string {
	out := make([]string, 0, len(count))
	for k := range count {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool {
		if count[out[i]] != count[out[j]] {
			return count[out[i]] > count[out[j]]
		}
		return out[i] < out[j]
	})
	return out
}
