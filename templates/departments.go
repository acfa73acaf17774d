package templates

import (
	"regexp"
	"sort"
	"strings"
)

// Department is a municipal department by its standard full name, as the
// issued documents write it (市工业和信息化局), with the other names officers
// use for it (市工信局, 市工業和信息化局 is handled by folding).
type Department struct {
	Name    string
	Aliases []string
}

// Departments are the municipal departments named in the corpus and the
// common others, by standard full name. The corpus uses the short forms of
// 000 (市工信局, 市发改委, 市农业局, 市人社局, 市卫健委) where the issued
// texts use the full ones.
var Departments = []Department{
	{"市委组织部", []string{"中共市委组织部"}},
	{"市委宣传部", nil},
	{"市委教育工委", nil},
	{"市政府办公室", []string{"市政府办公厅"}},
	{"市发展改革委", []string{"市发改委", "市发展和改革委员会", "市发展和改革委", "市发展改革局"}},
	{"市教育局", []string{"市教体局"}},
	{"市科技局", []string{"市科学技术局"}},
	{"市工业和信息化局", []string{"市工信局", "市经信局", "市经济和信息化委员会"}},
	{"市公安局", nil},
	{"市民政局", nil},
	{"市司法局", nil},
	{"市财政局", nil},
	{"市人力资源社会保障局", []string{"市人社局", "市人力资源和社会保障局"}},
	{"市自然资源和规划局", []string{"市自然资源局", "市自然资源规划局", "市资规局"}},
	{"市生态环境局", []string{"市环保局"}},
	{"市住房城乡建设局", []string{"市住建局", "市住房和城乡建设局"}},
	{"市交通运输局", []string{"市交通局"}},
	{"市水利局", nil},
	{"市农业农村局", []string{"市农业局", "市农业农村委"}},
	{"市商务局", nil},
	{"市文化和旅游局", []string{"市文旅局"}},
	{"市卫生健康委", []string{"市卫健委", "市卫生健康委员会", "市卫生和健康委员会"}},
	{"市应急局", []string{"市应急管理局"}},
	{"市审计局", nil},
	{"市国资委", []string{"市国有资产监督管理委员会", "市人民政府国有资产监督管理委员会"}},
	{"市市场监管局", []string{"市市场监督管理局"}},
	{"市统计局", nil},
	{"市医保局", []string{"市医疗保障局"}},
	{"市行政审批服务局", []string{"市审批服务局", "市行政审批局"}},
	{"市大数据局", nil},
	{"市海洋发展和渔业局", []string{"市海洋局"}},
	{"市地方金融监管局", []string{"市地方金融监督管理局", "市金融监管局"}},
	{"市金融办", nil},
	{"市信息通信发展办公室", nil},
	{"市税务局", nil},
	{"市科协", []string{"市科学技术协会"}},
	{"团市委", []string{"共青团市委"}},
}

// cityBank and cityRegulator match units named after their city:
// 人民银行烟台市分行, 国家金融监督管理总局淄博监管分局, 济宁金融监管分局.
var (
	cityBank      = regexp.MustCompile(`(?:中国)?人民银行\p{Han}{2,3}市分行`)
	cityRegulator = regexp.MustCompile(`(?:国家金融监督管理总局)?\p{Han}{2,3}(?:金融)?监管分局`)
)

// aliasIndex maps every name and alias to the standard full name.
var aliasIndex = func() map[string]string {
	m := map[string]string{}
	for _, d := range Departments {
		m[d.Name] = d.Name
		for _, a := range d.Aliases {
			m[a] = d.Name
		}
	}
	return m
}()

// aliasesLongestFirst lists the keys of aliasIndex, longest first, for
// scanning text.
var aliasesLongestFirst = func() []string {
	keys := make([]string, 0, len(aliasIndex))
	for k := range aliasIndex {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if len(keys[i]) != len(keys[j]) {
			return len(keys[i]) > len(keys[j])
		}
		return keys[i] < keys[j]
	})
	return keys
}()

// StandardDepartment returns the standard full name of a department:
// 市工信局 → 市工业和信息化局, 市工業和信息化局 → 市工业和信息化局,
// 淄博市科学技术局 → 市科技局. A name it does not know is returned
// simplified and otherwise unchanged.
func StandardDepartment(name string) string {
	s := foldHan(strings.TrimSpace(name))
	if std, ok := aliasIndex[s]; ok {
		return std
	}
	for _, c := range CityNames { // 淄博市科学技术局 → 市科学技术局
		if rest, ok := strings.CutPrefix(s, c.Name+"市"); ok {
			if std, ok := aliasIndex["市"+rest]; ok {
				return std
			}
		}
	}
	return s
}

// IsDepartment reports whether name is a department Qicao knows, under any
// of its names, or a city's branch of the central bank or regulator.
func IsDepartment(name string) bool {
	s := foldHan(name)
	if _, ok := aliasIndex[StandardDepartment(s)]; ok {
		return true
	}
	return cityBank.MatchString(s) || cityRegulator.MatchString(s)
}

// FindDepartments returns where text names departments, longest names
// first, without overlap; each Name's Text is as written and City is
// empty. Kind is "department".
func FindDepartments(text string) []Name {
	folded := foldHan(text)
	var all []Name
	for _, a := range aliasesLongestFirst {
		for _, i := range indexAll(folded, a) {
			all = append(all, Name{i, i + len(a), text[i : i+len(a)], KindDepartment, ""})
		}
	}
	for _, re := range []*regexp.Regexp{cityBank, cityRegulator} {
		for _, m := range re.FindAllStringIndex(folded, -1) {
			all = append(all, Name{m[0], m[1], text[m[0]:m[1]], KindDepartment, ""})
		}
	}
	return nonOverlapping(all)
}
