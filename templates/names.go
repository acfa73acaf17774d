package templates

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"qicao/drafts/norm"
)

// NameKind says what a local name is.
type NameKind string

// The kinds of local names.
const (
	KindCity   NameKind = "city"   // a prefecture-level city of Shandong: 泰安, 濟寧
	KindPlace  NameKind = "place"  // a county, district or landmark: 泰山区, 尼山, 八角湾
	KindProper NameKind = "proper" // a local programme, platform or brand: 泰山人才工程, “泰爱才”
	// KindDepartment is a municipal department: 市科技局 (see FindDepartments).
	KindDepartment NameKind = "department"
)

// Name is a local name found in a text: its byte span, its text as
// written and its kind. City is the simplified city it names (KindCity) or
// belongs to, when known.
type Name struct {
	Start, End int
	Text       string
	Kind       NameKind
	City       string
}

// City is one of Shandong's sixteen prefecture-level cities.
type City struct {
	Name  string // simplified: 济宁
	Trad  string // traditional: 濟寧
	Short string // one-character short form used in brand names and after 驻/来/在: 济 (may be empty)
}

// CityNames are the cities of Shandong, simplified and traditional.
var CityNames = []City{
	{"济南", "濟南", ""}, {"青岛", "青島", ""}, {"淄博", "淄博", "淄"}, {"枣庄", "棗莊", ""},
	{"东营", "東營", ""}, {"烟台", "煙台", "烟"}, {"潍坊", "濰坊", "潍"}, {"济宁", "濟寧", "济"},
	{"泰安", "泰安", "泰"}, {"威海", "威海", ""}, {"日照", "日照", ""}, {"临沂", "臨沂", ""},
	{"德州", "德州", ""}, {"聊城", "聊城", ""}, {"滨州", "濱州", ""}, {"菏泽", "菏澤", ""},
}

// localPlaces are counties, districts and landmarks of the corpus cities
// that officers use as prefixes of local names, with the city they belong
// to. Longest first is not needed: matching prefers the longest.
var localPlaces = map[string]string{
	"泰山": "泰安", "岱宗": "泰安", "岱岳": "泰安", "肥城": "泰安", "宁阳": "泰安", "东平": "泰安",
	"尼山": "济宁", "太白湖": "济宁", "曲阜": "济宁", "邹城": "济宁", "兖州": "济宁", "任城": "济宁", "微山": "济宁",
	"张店": "淄博", "淄川": "淄博", "博山": "淄博", "临淄": "淄博", "周村": "淄博", "桓台": "淄博", "高青": "淄博",
	"沂源": "淄博", "文昌湖": "淄博", "稷下": "淄博", "鲁中": "淄博",
	"八角湾": "烟台", "蓬莱": "烟台", "龙口": "烟台", "栖霞": "烟台", "芝罘": "烟台", "莱山": "烟台", "福山": "烟台",
	"牟平": "烟台", "莱州": "烟台", "招远": "烟台", "海阳": "烟台", "莱阳": "烟台", "环磁山": "烟台",
}

// properEnd matches how a local proper name ends: a programme (工程, 计划),
// a platform, a brand, a valley or zone.
var properEnd = regexp.MustCompile(`^(\p{Han}{0,8}?)(?:人才工程|工程|计划|平台|品牌|创新谷|锂谷|药谷|谷|中央创新区|创新区|高新区|科学城|大市场|` +
	`研究院|创新联盟|联盟|英才计划|精英卡|基金)`)

// CityOf returns the simplified name of the city s names (simplified or
// traditional, with or without 市).
func CityOf(s string) (string, bool) {
	s = strings.TrimSuffix(strings.TrimSuffix(s, "市"), "市")
	for _, c := range CityNames {
		if s == c.Name || s == c.Trad {
			return c.Name, true
		}
	}
	return "", false
}

// foldHan maps traditional characters to simplified one for one, keeping
// every byte offset: only replacements of the same UTF-8 length are made.
func foldHan(s string) string {
	return strings.Map(func(r rune) rune {
		if f := norm.FoldRune(r); f != r && utf8.RuneLen(f) == utf8.RuneLen(r) && r > 0x2E80 {
			return f
		}
		return r
	}, s)
}

// Cities returns where text names a city of Shandong, simplified or
// traditional.
func Cities(text string) []Name { return citiesIn(foldHan(text), text) }

// citiesIn is Cities for text already folded by foldHan.
func citiesIn(folded, text string) []Name {
	var out []Name
	for _, c := range CityNames {
		for _, i := range indexAll(folded, c.Name) {
			out = append(out, Name{i, i + len(c.Name), text[i : i+len(c.Name)], KindCity, c.Name})
		}
	}
	sortNames(out)
	return out
}

// places returns where text names one of the local places.
func places(folded, text string) []Name {
	var out []Name
	for p, city := range localPlaces {
		for _, i := range indexAll(folded, p) {
			out = append(out, Name{i, i + len(p), text[i : i+len(p)], KindPlace, city})
		}
	}
	return out
}

// LocalNames returns the local names in text, in order and without
// overlap, longest first where they compete: proper names (泰山人才工程,
// 八角湾中央创新区, “泰爱才”, 鲁中技术产权交易平台), then cities and places
// outside them. A city inside an organisation's name (泰安市人民政府) is a
// city, not a proper name.
func LocalNames(text string) []Name {
	folded := foldHan(text)
	var all []Name
	all = append(all, quotedBrands(folded, text)...)
	for _, anchor := range append(citiesIn(folded, text), places(folded, text)...) {
		if n, ok := properFrom(folded, text, anchor); ok {
			all = append(all, n)
		}
		all = append(all, anchor)
	}
	return nonOverlapping(all)
}

// properFrom extends a city or place name into the proper name it starts,
// as in 泰山 → 泰山人才工程, or a place into its county or district (桓台县);
// ok is false when no name ending follows or the city only starts an
// organisation (泰安市科技局).
func properFrom(folded, text string, anchor Name) (Name, bool) {
	rest := folded[anchor.End:]
	if strings.HasPrefix(rest, "市") && anchor.Kind == KindCity {
		return Name{}, false
	}
	if anchor.Kind == KindPlace && (strings.HasPrefix(rest, "县") || strings.HasPrefix(rest, "区")) {
		end := anchor.End + len("区") // 泰山区, 桓台县: a place with its suffix
		return Name{anchor.Start, end, text[anchor.Start:end], KindPlace, anchor.City}, true
	}
	sm := properEnd.FindStringSubmatch(rest)
	if sm == nil || strings.ContainsAny(sm[1], "等县区市") {
		return Name{}, false
	}
	m := sm[0]
	end := anchor.End + len(m)
	return Name{anchor.Start, end, text[anchor.Start:end], KindProper, anchor.City}, true
}

// quotedBrand matches a short quoted name: “泰爱才”, “齐鑫汇”.
var quotedBrand = regexp.MustCompile(`“([^”“，、。；]{2,10})”`)

// brandShorts are the one-character short forms that start local brand
// names, with their cities.
var brandShorts = map[string]string{"泰": "泰安", "岱": "泰安", "淄": "淄博", "齐": "淄博", "烟": "烟台", "潍": "潍坊"}

// quotedBrands returns quoted names that are local: they start with a
// city's short form or name a city or local place.
func quotedBrands(folded, text string) []Name {
	var out []Name
	for _, m := range quotedBrand.FindAllStringSubmatchIndex(folded, -1) {
		inner := folded[m[2]:m[3]]
		city, ok := localCity(inner)
		if !ok {
			continue
		}
		out = append(out, Name{m[0], m[1], text[m[0]:m[1]], KindProper, city})
	}
	return out
}

// localCity tells whether a quoted name is local and to which city.
func localCity(inner string) (string, bool) {
	for _, c := range CityNames {
		if strings.Contains(inner, c.Name) {
			return c.Name, true
		}
	}
	for p, city := range localPlaces {
		if strings.HasPrefix(inner, p) {
			return city, true
		}
	}
	first, _ := utf8.DecodeRuneInString(inner)
	if city, ok := brandShorts[string(first)]; ok && utf8.RuneCountInString(inner) <= 5 {
		return city, true
	}
	return "", false
}

// nonOverlapping keeps the longest of overlapping names, in text order.
func nonOverlapping(all []Name) []Name {
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].Start != all[j].Start {
			return all[i].Start < all[j].Start
		}
		return all[i].End > all[j].End
	})
	var out []Name
	for _, n := range all {
		if k := len(out); k > 0 && n.Start < out[k-1].End {
			continue
		}
		out = append(out, n)
	}
	return out
}

func sortNames(ns []Name) {
	sort.Slice(ns, func(i, j int) bool { return ns[i].Start < ns[j].Start })
}

// indexAll returns the byte offsets of every occurrence of sub in s.
func indexAll(s, sub string) []int {
	var out []int
	for i := 0; ; {
		j := strings.Index(s[i:], sub)
		if j < 0 {
			return out
		}
		out = append(out, i+j)
		i += j + len(sub)
	}
}
