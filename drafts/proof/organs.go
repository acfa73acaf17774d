package proof

import (
	"fmt"
	"regexp"
	"strings"

	"qicao/drafts"
)

// Organs: a 责任单位 named by an outdated name (before the 2018–2019
// institutional reform) or by an informal abbreviation where the city's
// issued documents use the full or the regular short name.

// Organs is a table of the organ names each city's issued documents use.
type Organs struct {
	city map[string]map[string]bool // city → names
}

// DefaultOrgans returns a table that knows no city: only the maintained
// list of renamings applies.
func DefaultOrgans() *Organs { return &Organs{city: map[string]map[string]bool{}} }

// NewOrgans builds the table from documents: the units named in the
// 责任单位 of every issued document (a draft for comment is left out),
// by city.
func NewOrgans(docs []*drafts.Document) *Organs {
	o := DefaultOrgans()
	for _, d := range docs {
		if d == nil || d.Status != "" || d.City == "" {
			continue
		}
		o.AddCity(d.City, docUnits(d)...)
	}
	return o
}

// AddCity records names as current organ names of city.
func (o *Organs) AddCity(city string, names ...string) {
	if o.city[city] == nil {
		o.city[city] = map[string]bool{}
	}
	for _, n := range names {
		o.city[city][n] = true
	}
}

// Known reports whether city's documents use name.
func (o *Organs) Known(city, name string) bool { return o.city[city][name] }

func docUnits(d *drafts.Document) []string {
	var out []string
	d.Walk(func(n, _ *drafts.Node) { out = append(out, n.Units...) })
	return out
}

// outdated maps an organ name of before the 2018–2019 reform to its
// successors, the usual one first.
var outdated = map[string][]string{
	"农业局": {"农业农村局"}, "环境保护局": {"生态环境局"}, "环保局": {"生态环境局"},
	"卫生和计划生育委员会": {"卫生健康委员会", "卫生健康委"}, "卫生计生委": {"卫生健康委"}, "卫计委": {"卫生健康委"},
	"国土资源局": {"自然资源和规划局", "自然资源局"}, "安全生产监督管理局": {"应急管理局"}, "安监局": {"应急管理局"},
	"工商行政管理局": {"市场监督管理局", "市场监管局"}, "工商局": {"市场监管局", "市场监督管理局"},
	"食品药品监督管理局": {"市场监督管理局", "市场监管局"}, "食药监局": {"市场监管局"}, "质量技术监督局": {"市场监督管理局"},
	"质监局": {"市场监管局"}, "经济和信息化委员会": {"工业和信息化局"}, "经信委": {"工业和信息化局"},
	"经济和信息化局": {"工业和信息化局"}, "经信局": {"工业和信息化局"}, "文化广电新闻出版局": {"文化和旅游局"},
	"旅游发展委员会": {"文化和旅游局"}, "旅发委": {"文化和旅游局"}, "旅游局": {"文化和旅游局"},
	"法制办公室": {"司法局"}, "法制办": {"司法局"}, "城乡规划局": {"自然资源和规划局", "自然资源局"},
	"国家税务局": {"税务局"}, "地方税务局": {"税务局"}, "国税局": {"税务局"}, "地税局": {"税务局"},
	"出入境检验检疫局": {"海关"}, "民政局老龄办": {"卫生健康委"},
}

// abbreviated maps an informal short name to the forms issued documents
// use, the usual one first.
var abbreviated = map[string][]string{
	"工信局": {"工业和信息化局"}, "发改委": {"发展改革委", "发展和改革委员会"}, "卫健委": {"卫生健康委", "卫生健康委员会"},
	"人社局": {"人力资源社会保障局", "人力资源和社会保障局"}, "住建局": {"住房城乡建设局", "住房和城乡建设局"},
	"交通局": {"交通运输局"}, "文旅局": {"文化和旅游局"}, "市监局": {"市场监管局", "市场监督管理局"},
	"应急局": {"应急管理局"}, "城管局": {"城市管理局"}, "退役军人局": {"退役军人事务局"}, "生态局": {"生态环境局"},
	"自规局": {"自然资源和规划局", "自然资源局"}, "农业农村委": {"农业农村局"},
}

var organPrefix = regexp.MustCompile(`^(?:市|县|区|省|\p{Han}{2,3}[市县区])$`)

// splitOrgan cuts a unit name into its level prefix (市) and a base listed
// in table.
func splitOrgan(name string, table map[string][]string) (prefix, base string, ok bool) {
	for b := range table {
		if p, found := strings.CutSuffix(name, b); found && organPrefix.MatchString(p) && len(b) > len(base) {
			prefix, base, ok = p, b, true
		}
	}
	return
}

// checkOrgans reports outdated and abbreviated organ names in the
// document's 责任单位.
func checkOrgans(c *checker) {
	city := c.doc.City
	for _, u := range unitOccurrences(c) {
		if p, b, ok := splitOrgan(u.name, outdated); ok {
			want := c.pick(city, p, outdated[b])
			var f *string
			if want != "" {
				f = fix(want)
			}
			c.add("organ.outdated", Finding, KindOrgan, RuleReform,
				fmt.Sprintf("「%s」是机构改革前的名称，现为「%s」", u.name, p+outdated[b][0]), u.start, u.end, f)
			continue
		}
		p, b, ok := splitOrgan(u.name, abbreviated)
		if !ok || c.opt.Organs.Known(city, u.name) {
			continue
		}
		if want := c.known(city, p, abbreviated[b]); want != "" {
			c.add("organ.abbreviated", Finding, KindOrgan, RuleCity,
				fmt.Sprintf("「%s」是非正式简称，本市文件写作「%s」", u.name, want), u.start, u.end, fix(want))
		} else {
			c.add("organ.abbreviated", Hint, KindOrgan, RuleRegulation,
				fmt.Sprintf("「%s」是非正式简称，宜用全称或规范化简称「%s」", u.name, p+abbreviated[b][0]),
				u.start, u.end, fix(p+abbreviated[b][0]))
		}
	}
}

// known returns the first of prefix+candidates the city's documents use.
func (c *checker) known(city, prefix string, candidates []string) string {
	for _, cand := range candidates {
		if c.opt.Organs.Known(city, prefix+cand) {
			return prefix + cand
		}
	}
	return ""
}

// pick returns the successor name to propose: the one the city uses, or
// the only one there is.
func (c *checker) pick(city, prefix string, candidates []string) string {
	if k := c.known(city, prefix, candidates); k != "" {
		return k
	}
	if len(candidates) == 1 || strings.HasPrefix(candidates[1], candidates[0]) || len(c.opt.Organs.city[city]) == 0 {
		return prefix + candidates[0]
	}
	return ""
}

// unitAt is a unit name where it stands in the source.
type unitAt struct {
	name       string
	start, end int
}

// unitOccurrences returns every unit named in the document's 责任单位
// parentheticals, at its place.
func unitOccurrences(c *checker) []unitAt {
	var out []unitAt
	for _, p := range unitParens(c) {
		from := 0
		for _, u := range p.units {
			i := strings.Index(p.text[from:], u)
			if i < 0 {
				continue
			}
			s := p.start + from + i
			out = append(out, unitAt{u, s, s + len(u)})
			from += i + len(u)
		}
	}
	return out
}

// unitParen is a 责任单位 parenthetical where it stands in the source.
type unitParen struct {
	start, end int
	text       string   // brackets included
	units      []string // the units it names
}

func unitParens(c *checker) []unitParen {
	if c.parens != nil {
		return *c.parens
	}
	out := []unitParen{}
	defer func() { c.parens = &out }()
	for _, l := range c.lines {
		if !strings.ContainsAny(l.text, "（(〔") {
			continue
		}
		for _, sp := range drafts.UnitSpans(l.text) {
			text := l.text[sp.Start:sp.End]
			units, _ := drafts.Units(text)
			out = append(out, unitParen{l.start + sp.Start, l.start + sp.End, text, units})
		}
	}
	return out
}
