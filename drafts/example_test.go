package drafts_test

import (
	"errors"
	"fmt"
	"strings"

	"qicao/drafts"
)

// A short 实施意见 in the form the parser reads: title, opening paragraph,
// numbered sections and clauses with 责任单位, signature and date.
const oldText = `泰安市人民政府关于加快科技创新的实施意见

为深入实施创新驱动发展战略，现提出如下实施意见。

一、总体要求
以科技创新引领产业体系建设，形成新质生产力。

二、重点任务
1.培育创新企业。到2026年，高新技术企业达到1200家。（责任单位：市科技局牵头，市财政局配合）
2.建设创新平台。布局建设一批重点实验室。（责任单位：市科技局）

泰安市人民政府
2024年1月5日
`

// The issued version: the target raised, a clause added, a clause reworded.
const newText = `泰安市人民政府关于加快科技创新的实施意见

为深入实施创新驱动发展战略，现提出如下实施意见。

一、总体目标
以科技创新引领产业体系建设，形成新质生产力。

二、重点任务
1.培育创新企业。到2026年，高新技术企业达到1300家。（责任单位：市科技局牵头，市财政局配合）
2.建设创新平台。布局建设一批省级重点实验室。（责任单位：市科技局）
3.集聚创新人才。引进高层次人才100名。（责任单位：市委组织部）

泰安市人民政府
2024年3月1日
`

func ExampleParse() {
	doc, err := drafts.Parse(oldText)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(doc.Title)
	fmt.Println(doc.City, doc.Date)
	doc.Walk(func(n, parent *drafts.Node) {
		indent := strings.Repeat("  ", n.Level-1)
		fmt.Printf("%s%s%s %v\n", indent, n.Label, n.Heading, n.Units)
	})
	// Output:
	// 泰安市人民政府关于加快科技创新的实施意见
	// 泰安 2024-01-05
	// 一、总体要求 []
	// 二、重点任务 []
	//   1.培育创新企业 [市科技局 市财政局]
	//   2.建设创新平台 [市科技局]
}

func ExampleParse_empty() {
	_, err := drafts.Parse("  \n")
	fmt.Println(errors.Is(err, drafts.ErrEmpty))
	// Output: true
}

func ExampleCompare() {
	old, _ := drafts.Parse(oldText)
	issued, _ := drafts.Parse(newText)
	c := drafts.Compare(old, issued, drafts.CompareOptions{})
	fmt.Printf("%+v\n", c.Summary)
	for _, p := range c.Pairs {
		fmt.Printf("%s %s → %s\n", p.Kind, p.Old.Name(), p.New.Name())
	}
	// The ops of 1.培育创新企业: what is kept (=), deleted (-), inserted (+).
	for _, op := range c.Pairs[2].Ops {
		if op.Kind != drafts.OpEqual {
			fmt.Printf("%s %s\n", op.Kind, op.Text)
		}
	}
	for _, f := range c.Figures {
		fmt.Printf("%s %q → %q\n", f.Subject, f.Old, f.New)
	}
	// Output:
	// {Modified:3 Added:1 Deleted:0 Moved:0 Merged:0 Split:0 Unchanged:0 PunctuationOnly:0}
	// modified 一、总体要求 → 一、总体目标
	// unchanged 二、重点任务 → 二、重点任务
	// modified 1.培育创新企业 → 1.培育创新企业
	// modified 2.建设创新平台 → 2.建设创新平台
	// added  → 3.集聚创新人才
	// - 1200
	// + 1300
	// 高新技术企业 "1200家" → "1300家"
	// 引进高层次人才 "" → "100名"
}
