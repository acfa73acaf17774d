package proof

import (
	"strings"
	"testing"
)

// A small issued-looking document each case changes in one place.
const base = `泰安市人民政府关于加快科技创新的实施意见

各县、市、区人民政府，市政府各部门：

为深入贯彻落实党中央决策部署，现提出如下实施意见。

一、总体目标

到2026年，全市高新技术企业突破1200家，研发经费投入强度达到2.8%。

二、重点任务

（一）培育创新主体

1.培育高新技术企业。落实《泰安市高新技术企业培育办法》（泰政办发〔2023〕3号），2026年，高新技术企业达到1200家。（市科技局牵头）

2.加强平台建设。充分发挥各类平台作用，建设一批重点实验室。（市科技局、市财政局按照职责分工负责）

（二）优化创新生态

3.完善金融服务。落实《泰安市高新技术企业培育办法》（泰政办发〔2023〕3号），扩大科技信贷规模。（市科技局、市财政局按照职责分工负责）

4.强化人才支撑。实施人才工程，引进高层次人才。（市委组织部、市人力资源社会保障局按照职责分工负责）

泰安市人民政府

2024年8月15日
`

// TestChecksOnCases: each check fires on the fault put in, at its text,
// with its fix, and the base document is clean.
func TestChecksOnCases(t *testing.T) {
	if items := Check(parseText(t, base), Options{Hints: true, Organs: seedOrgans(t)}); len(items) != 0 {
		t.Fatalf("base document not clean: %v", summarize(items))
	}
	cases := []struct {
		id, old, new, text, fix string
	}{
		{"consistency.target", "高新技术企业达到1200家", "高新技术企业达到1300家", "1300", ""},
		{"consistency.doc-number", "扩大科技信贷规模", "扩大科技信贷规模", "", ""}, // replaced below
		{"punct.doc-number", "泰政办发〔2023〕3号），2026", "泰政办发[2023]3号），2026", "[2023]", "〔2023〕"},
		{"punct.doubled", "建设一批重点实验室。", "建设一批重点实验室。。", "。。", "。"},
		{"number.full-width", "突破1200家", "突破１200家", "１", "1"},
		{"punct.unmatched", "引进高层次人才。", "引进“高层次人才。", "“", ""},
		{"structure.order", "4.强化人才支撑", "2.强化人才支撑", "2.", ""},
		{"word.confusable", "实施人才工程", "实施人才工程，营造栓心留人环境", "栓心留人", "拴心留人"},
		{"word.doubled", "建设一批重点实验室", "建设一批重点实验室实验室", "实验室实验室", "实验室"},
		{"word.missing-verb", "充分发挥各类平台作用", "充分各类平台作用", "充分", "充分发挥"},
		{"organ.outdated", "市委组织部、市人力资源社会保障局", "市委组织部、市环保局", "市环保局", "市生态环境局"},
		{"space.in-text", "引进高层次人才", "引进 高层次人才", " ", ""},
		{"punct.half-width", "扩大科技信贷规模", "扩大科技信贷规模;加强保险", ";", "；"},
		{"label.style", "（二）优化创新生态", "(二)优化创新生态", "(二)", "（二）"},
		{"punct.title-marks", "落实《泰安市高新技术企业培育办法》（泰政办发〔2023〕3号），2026", "落实泰安市人民政府关于高新技术企业培育的意见（泰政办发〔2023〕3号），2026", "泰安市人民政府关于高新技术企业培育的意见", "《泰安市人民政府关于高新技术企业培育的意见》"},
		{"punct.title-nesting", "落实《泰安市高新技术企业培育办法》（泰政办发〔2023〕3号），2026", "落实《关于印发《泰安市高新技术企业培育办法》的通知》（泰政办发〔2023〕3号），2026", "《", "〈"},
		{"date.form", "实施人才工程，引进高层次人才。", "实施人才工程，2024年9月1日前引进高层次人才，2024-12-31前完成评估。", "2024-12-31", "2024年12月31日"},
		{"date.form", "实施人才工程，引进高层次人才。", "实施人才工程，2024年9月1日前引进高层次人才，2024年09月30日前完成评估。", "2024年09月30日", "2024年9月30日"},
		{"date.zero", "2024年8月15日", "二OO四年八月十五日", "二OO四年", "二〇〇四年"},
		{"number.form", "扩大科技信贷规模", "扩大科技信贷规模，30个工作日内放款，审批不超过15个工作日，备案三十个工作日", "三十", "30"},
	}
	for _, tc := range cases {
		t.Run(tc.id, func(t *testing.T) {
			src := strings.Replace(base, tc.old, tc.new, 1)
			if tc.id == "consistency.doc-number" {
				src = strings.Replace(base, "扩大科技信贷规模。（市科技局、市财政局", "扩大科技信贷规模。（市科技局、市财政局", 1)
				src = strings.Replace(src, "（泰政办发〔2023〕3号），扩大", "（泰政办发〔2023〕8号），扩大", 1)
				tc.text = "泰政办发〔2023〕8号"
			}
			if src == base && tc.id != "consistency.doc-number" {
				t.Fatalf("case did not change the text")
			}
			items := Check(parseText(t, src), Options{Organs: seedOrgans(t)})
			for _, it := range items {
				if it.ID != tc.id {
					continue
				}
				if it.Text != tc.text {
					t.Errorf("span text %q, want %q", it.Text, tc.text)
				}
				if tc.fix != "" && (it.Fix == nil || *it.Fix != tc.fix) {
					t.Errorf("fix %v, want %q", it.Fix, tc.fix)
				}
				return
			}
			t.Errorf("no %s; found %v", tc.id, summarize(items))
		})
	}
}

// TestIgnored: an ignored finding stays ignored after an edit elsewhere.
func TestIgnored(t *testing.T) {
	src := strings.Replace(base, "建设一批重点实验室", "建设一批重点实验室实验室", 1)
	doc := parseText(t, src)
	items := Check(doc, Options{Organs: seedOrgans(t)})
	if len(items) != 1 {
		t.Fatalf("want one finding, got %v", summarize(items))
	}
	ignored := map[string]bool{items[0].Key(src): true}
	edited := strings.Replace(src, "引进高层次人才", "引进培养高层次人才", 1)
	if got := Check(parseText(t, edited), Options{Organs: seedOrgans(t), Ignored: ignored}); len(got) != 0 {
		t.Errorf("ignored finding came back: %v", summarize(got))
	}
}

// conventionSpaces is an issued-looking 办法 set with the full-width
// spaces convention puts in it: after 第X章 and 第X条, inside a two-character
// heading, as the paragraph indent, padding two-character names in a list,
// between 主题词, and in the 版记's columns.
const conventionSpaces = "泰安市科技创新促进办法\n\n第一章　总　　则\n\n" +
	"　　第一条　为了促进科技创新，根据《中华人民共和国科学技术进步法》，结合本市实际，制定本办法。\n\n" +
	"　　第二条　本办法适用于本市行政区域内的科技创新活动。\n\n第二章　创新主体\n\n" +
	"　　第三条　市人民政府应当加强领导。\n\n　　第四条　市科技局负责组织实施。\n\n" +
	"　　第五条　本办法自2024年1月1日起施行。领导小组成员：张建国、王　伟、李　明、赵小红。\n\n" +
	"主题词：科技　创新　办法　通知\n\n泰安市人民政府办公室　　　　　2024年8月15日印发\n"

// TestConventionSpacesQuiet: spaces that convention puts in an issued
// document raise nothing; a space inside a sentence still does.
func TestConventionSpacesQuiet(t *testing.T) {
	if items := Check(parseText(t, conventionSpaces), Options{Hints: true, Organs: seedOrgans(t)}); len(items) != 0 {
		t.Fatalf("conventional spaces flagged: %v", summarize(items))
	}
	src := strings.Replace(conventionSpaces, "负责组织实施", "负责　组织实施", 1)
	items := Check(parseText(t, src), Options{Organs: seedOrgans(t)})
	if len(items) != 1 || items[0].ID != "space.in-text" || items[0].Text != "\u3000" {
		t.Errorf("want the one space.in-text, got %v", summarize(items))
	}
}

// TestArticleTypo: 条五条 among 第X条 is the 第 mistyped, with its fix, and
// the space after it is no fault of its own.
func TestArticleTypo(t *testing.T) {
	src := strings.Replace(conventionSpaces, "　　第四条　", "　　条四条　", 1)
	items := Check(parseText(t, src), Options{Organs: seedOrgans(t)})
	if len(items) != 1 || items[0].ID != "structure.label-typo" || items[0].Text != "条" || items[0].Fix == nil || *items[0].Fix != "第" {
		t.Errorf("want one structure.label-typo 条→第, got %v", summarize(items))
	}
}

// TestFormsQuiet: ordinals, dates in Chinese numerals, plan names, fixed
// phrases, ranges of years and phone numbers are no inconsistent number or
// date form.
func TestFormsQuiet(t *testing.T) {
	src := strings.Replace(base, "扩大科技信贷规模", "扩大科技信贷规模，30个工作日内放款，审批不超过15个工作日，"+
		"依照第三十条执行，“十四五”时期百家争鸣，于二〇二四年八月三十日前、2021—2025年间完成，联系电话0538-6991234，版本V2.1.3", 1)
	if items := Check(parseText(t, src), Options{Organs: seedOrgans(t)}); len(items) != 0 {
		t.Errorf("flagged: %v", summarize(items))
	}
}
