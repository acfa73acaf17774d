// Package redlinetest holds the comparison cases that every renderer of a
// comparison is held to (the text and HTML writers, the window's runs,
// the Word writers), in the manner of x/tools' difftest: each renderer
// must show the old side as Old and the new side as New.
package redlinetest

import "qicao/drafts"

// Case is a pair's ops with the two texts they rebuild.
type Case struct {
	Name     string
	Ops      []drafts.Op
	Old, New string
}

// Cases are the ops of real clauses (泰安 seeds 000 → 002) cut down to
// one kind of change each, plus the edges: empty, only form, a space.
var Cases = []Case{
	{Name: "empty"},
	{Name: "same", Ops: []drafts.Op{{Kind: drafts.OpEqual, Text: "加快科技创新"}}, Old: "加快科技创新", New: "加快科技创新"},
	{Name: "replace", Ops: []drafts.Op{{Kind: drafts.OpEqual, Text: "总体"}, {Kind: drafts.OpDelete, Text: "要求"}, {Kind: drafts.OpInsert, Text: "目标"}},
		Old: "总体要求", New: "总体目标"},
	{Name: "insert", Ops: []drafts.Op{{Kind: drafts.OpEqual, Text: "全市“441X”"}, {Kind: drafts.OpInsert, Text: "现代化"}, {Kind: drafts.OpEqual, Text: "产业体系"}},
		Old: "全市“441X”产业体系", New: "全市“441X”现代化产业体系"},
	{Name: "delete", Ops: []drafts.Op{{Kind: drafts.OpEqual, Text: "党的二十大"}, {Kind: drafts.OpDelete, Text: "和二十届二中全会精神"}, {Kind: drafts.OpEqual, Text: "精神"}},
		Old: "党的二十大和二十届二中全会精神精神", New: "党的二十大精神"},
	{Name: "form", Ops: []drafts.Op{{Kind: drafts.OpEqual, Text: "为指导"}, {Kind: drafts.OpForm, Text: ",", New: "，"}, {Kind: drafts.OpEqual, Text: "全面贯彻"}},
		Old: "为指导,全面贯彻", New: "为指导，全面贯彻"},
	{Name: "space dropped", Ops: []drafts.Op{{Kind: drafts.OpEqual, Text: "体系"}, {Kind: drafts.OpForm, Text: " ", New: ""}},
		Old: "体系 ", New: "体系"},
	{Name: "markup", Ops: []drafts.Op{{Kind: drafts.OpDelete, Text: "<b>&"}, {Kind: drafts.OpInsert, Text: "“甲”"}, {Kind: drafts.OpEqual, Text: "\n第二段"}},
		Old: "<b>&\n第二段", New: "“甲”\n第二段"},
	{Name: "mixed", Ops: []drafts.Op{{Kind: drafts.OpEqual, Text: "加快"}, {Kind: drafts.OpDelete, Text: "建设"}, {Kind: drafts.OpInsert, Text: "构建"},
		{Kind: drafts.OpForm, Text: ",", New: "，"}, {Kind: drafts.OpEqual, Text: "体系"}, {Kind: drafts.OpForm, Text: "；", New: ";"}},
		Old: "加快建设,体系；", New: "加快构建，体系;"},
}
