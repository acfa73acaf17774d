package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Sample titles from the built-in corpus, one simplified and one
// traditional, shown on the drafts page until it lists real drafts: they
// show at a glance that the embedded font covers both.
const (
	SampleSimplified  = "泰安市人民政府关于以科技创新引领现代化产业体系建设的实施意见"
	SampleTraditional = "濟寧市人民政府關于加快科技創新與產業創新深度融合的實施意見"
	SampleDocNumber   = "濟政發〔2025〕8號　泰政发〔2024〕5号"
	SampleNumbering   = "一、总体要求　（一）指导思想　1. 强化企业创新主体地位　①②③④⑤　“双招双引”……"
)

// draftsView lists the officer's drafts of 实施意见: open, new, import.
// For now it shows sample text in both scripts.
func draftsView() View {
	return View{
		ID:    "drafts",
		Title: "Drafts",
		Icon:  theme.DocumentIcon(),
		Make: func(s *Shell) fyne.CanvasObject {
			return container.NewVBox(
				widget.NewLabelWithStyle(lang.L("Drafts"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
				widget.NewLabel(lang.L("Your drafts of implementing opinions: open, create, import.")),
				widget.NewSeparator(),
				widget.NewLabelWithStyle(lang.L("Font check: simplified and traditional"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
				widget.NewLabel(lang.L("Simplified: {{.Title}}", map[string]any{"Title": SampleSimplified})),
				widget.NewLabel(lang.L("Traditional: {{.Title}}", map[string]any{"Title": SampleTraditional})),
				widget.NewLabelWithStyle(SampleDocNumber, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
				widget.NewLabel(SampleNumbering),
				widget.NewSeparator(),
				widget.NewLabel(lang.L("Not built yet: this view comes in a later version.")),
			)
		},
	}
}
