package redline_test

import (
	"os"

	"qicao/drafts"
	"qicao/drafts/redline"
)

func ExampleWriteText() {
	old, _ := drafts.Parse("关于加快科技创新的实施意见\n\n一、总体要求\n以科技创新引领产业体系建设,形成新质生产力。\n\n二、重点任务\n1.培育创新企业。到2026年，高新技术企业达到1200家。\n")
	issued, _ := drafts.Parse("关于加快科技创新的实施意见\n\n一、总体目标\n以科技创新引领产业体系建设，形成新质生产力。\n\n二、重点任务\n1.培育创新企业。到2026年，高新技术企业达到1300家。\n")
	c := drafts.Compare(old, issued, drafts.CompareOptions{})
	// The zero Style marks with brackets only; strict=false shows a change
	// of form (the half-width comma) as its new form.
	redline.WriteText(os.Stdout, c, redline.Style{}, false)
	// Output:
	// 旧：关于加快科技创新的实施意见
	// 新：关于加快科技创新的实施意见
	// 修改 2，移动 0，合并 0，拆分 0，新增 0，删除 0，未改 0；标点/空格变化 1 处
	//
	// 【修改】一、总体要求 → 一、总体目标  相似度 0.67
	// 总体[-要求-]{+目标+}
	// 以科技创新引领产业体系建设，形成新质生产力。
	//
	// 【未改】二、重点任务 → 二、重点任务  相似度 1.00
	// 重点任务
	//
	// 【修改】1.培育创新企业 → 1.培育创新企业  相似度 0.93
	// 培育创新企业。到2026年，高新技术企业达到[-1200-]{+1300+}家。
	//
	// 【目标变化】
	//   高新技术企业：1200家 → 1300家（1.培育创新企业）
}
