package templates

import (
	"fmt"
	"strings"
	"time"
)

// Skeleton is the outline a new draft starts from: the parts a document of
// its kind has (实施意见: 总体要求, 重点任务, 保障措施; 管理办法: 第一章 总则 …
// 附则), in the official order and numbering, with placeholders for what
// the officer knows at the start.
type Skeleton struct {
	Kind string // 实施意见, 若干措施, 实施方案, 管理办法, 通知
	// Body is the text with the placeholders of SkeletonValues written
	// {标题}, {城市}, {年份}, {发文机关}, {文号}, {日期}.
	Body string
}

// SkeletonValues are what the officer fills in when starting a draft.
// Any of them may be empty: its placeholder then stays in the text,
// visible and searchable ({城市}), for the officer to write later.
type SkeletonValues struct {
	Title  string // the whole title: 泰安市人民政府关于……的实施意见
	City   string // 泰安
	Year   string // 2026
	Issuer string // 泰安市人民政府
	Number string // 泰政发〔2026〕5号
	Date   string // 2026年12月4日
}

// The placeholder names of SkeletonValues, in the order of its fields.
const (
	PhTitle  = "标题"
	PhCity   = "城市"
	PhYear   = "年份"
	PhIssuer = "发文机关"
	PhNumber = "文号"
	PhDate   = "日期"
)

// Skeletons returns the skeletons a new draft can start from, the most
// used first.
func Skeletons() []Skeleton {
	return []Skeleton{
		{"实施意见", skeletonOpinion},
		{"若干措施", skeletonMeasures},
		{"实施方案", skeletonPlan},
		{"管理办法", skeletonRules},
		{"通知", skeletonNotice},
	}
}

// SkeletonOf returns the skeleton of a kind.
func SkeletonOf(kind string) (Skeleton, bool) {
	for _, s := range Skeletons() {
		if s.Kind == kind {
			return s, true
		}
	}
	return Skeleton{}, false
}

// DefaultSkeletonValues fills what can be known before the officer types:
// the year and date from now, the issuer and a title from the city.
func DefaultSkeletonValues(kind, city string, now time.Time) SkeletonValues {
	v := SkeletonValues{City: city, Year: fmt.Sprint(now.Year()), Date: ChineseDate(now)}
	return v.completed(kind)
}

// ChineseDate writes a date as documents sign it: 2026年12月4日.
func ChineseDate(t time.Time) string {
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

// completed derives the issuer from the city (泰安 → 泰安市人民政府) and a
// title from the issuer and the kind where they are empty.
func (v SkeletonValues) completed(kind string) SkeletonValues {
	v.City = strings.TrimSuffix(strings.TrimSpace(v.City), "市")
	if v.Issuer == "" && v.City != "" {
		v.Issuer = v.City + "市人民政府"
	}
	if v.Title == "" {
		issuer := v.Issuer
		if issuer == "" {
			issuer = "{" + PhIssuer + "}"
		}
		v.Title = issuer + "关于……的" + kind
	}
	return v
}

// Text returns the skeleton with the values written in; an empty value
// leaves its placeholder. The text always parses: a new draft never opens
// on an empty document.
func (s Skeleton) Text(v SkeletonValues) string {
	v = v.completed(s.Kind)
	values := map[string]string{PhTitle: v.Title, PhCity: v.City, PhYear: v.Year,
		PhIssuer: v.Issuer, PhNumber: v.Number, PhDate: v.Date}
	return placeholderPattern.ReplaceAllStringFunc(s.Body, func(m string) string {
		if val := strings.TrimSpace(values[m[1:len(m)-1]]); val != "" {
			return val
		}
		return m
	})
}

// Missing returns the placeholders still in a skeleton's text, in order
// of first use: what the officer has yet to write.
func Missing(text string) []string {
	return Template{Body: text}.Names()
}

const skeletonOpinion = `{标题}
{文号}

各县（市、区）人民政府，各功能区管委会，市政府各部门、各直属机构：
为深入贯彻落实……，结合{城市}实际，现提出如下实施意见。
一、总体要求
（一）指导思想。以习近平新时代中国特色社会主义思想为指导，……。
（二）主要目标。到{年份}年，……。
二、重点任务
（三）……。……。（责任单位：……）
（四）……。……。（责任单位：……）
三、保障措施
（五）加强组织领导。……。
（六）强化要素保障。……。
（七）狠抓工作落实。……。
本意见自{日期}起施行。

{发文机关}
{日期}
`

const skeletonMeasures = `{标题}
{文号}

为……，结合{城市}实际，制定以下措施。
一、……
1.……。……。（责任单位：……）
2.……。……。（责任单位：……）
二、……
3.……。……。（责任单位：……）
4.……。……。（责任单位：……）
三、保障措施
5.加强组织领导。……。
本措施自{日期}起施行，有效期至……。

{发文机关}
{日期}
`

const skeletonPlan = `{标题}
{文号}

为……，根据……，结合{城市}实际，制定本方案。
一、总体要求
（一）指导思想。……。
（二）工作目标。到{年份}年，……。
二、主要任务
（三）……。……。（责任单位：……）
（四）……。……。（责任单位：……）
三、实施步骤
（五）动员部署阶段。……。
（六）组织实施阶段。……。
（七）总结评估阶段。……。
四、保障措施
（八）加强组织领导。……。
（九）强化督导考核。……。
本方案自{日期}起施行。

{发文机关}
{日期}
`

const skeletonRules = `{标题}
{文号}

第一章 总则
第一条 为了……，根据……等有关法律法规，结合{城市}实际，制定本办法。
第二条 本办法适用于{城市}市行政区域内……。
第三条 ……应当遵循……的原则。
第二章 ……
第四条 ……。
第五条 ……。
第三章 监督管理
第六条 ……。
第四章 附则
第七条 本办法由……负责解释。
第八条 本办法自{日期}起施行。

{发文机关}
{日期}
`

const skeletonNotice = `{标题}
{文号}

各县（市、区）人民政府，各功能区管委会，市政府各部门、各直属机构：
为……，结合{城市}实际，现就有关事项通知如下：
一、……
……。
二、……
……。
三、工作要求
……。

{发文机关}
{日期}
`
