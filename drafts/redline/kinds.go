package redline

import (
	"fmt"
	"image/color"

	"qicao/drafts"
)

// kind is what every presentation of a comparison says about a kind of
// pair: its Chinese name, the English one (the window's translation
// key) and its colour.
type kind struct {
	name, english string
	color         color.NRGBA
}

var kinds = map[drafts.PairKind]kind{
	drafts.PairModified:  {"修改", "Modified", color.NRGBA{0x1f, 0x6f, 0xeb, 0xff}},
	drafts.PairMoved:     {"移动", "Moved", color.NRGBA{0x82, 0x50, 0xdf, 0xff}},
	drafts.PairMerged:    {"合并", "Merged", color.NRGBA{0xd4, 0x76, 0x0a, 0xff}},
	drafts.PairSplit:     {"拆分", "Split", color.NRGBA{0x0a, 0x8f, 0x8f, 0xff}},
	drafts.PairAdded:     {"新增", "Added", color.NRGBA{0x1a, 0x7f, 0x37, 0xff}},
	drafts.PairDeleted:   {"删除", "Deleted", color.NRGBA{0xcf, 0x22, 0x2e, 0xff}},
	drafts.PairUnchanged: {"未改", "Unchanged", color.NRGBA{0x9a, 0xa3, 0xad, 0xff}},
}

// Kinds are the pair kinds in the order of every summary and legend.
var Kinds = []drafts.PairKind{drafts.PairModified, drafts.PairMoved, drafts.PairMerged, drafts.PairSplit,
	drafts.PairAdded, drafts.PairDeleted, drafts.PairUnchanged}

// Name is the Chinese name of a pair kind (修改, 移动, …).
func Name(k drafts.PairKind) string { return kinds[k].name }

// English is the English name of a pair kind, the key the window
// translates.
func English(k drafts.PairKind) string { return kinds[k].english }

// Color is the colour of a pair kind.
func Color(k drafts.PairKind) color.NRGBA { return kinds[k].color }

// Hex is the colour of a pair kind as #rrggbb.
func Hex(k drafts.PairKind) string {
	c := kinds[k].color
	return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B)
}

// Count is a kind with its number of pairs.
type Count struct {
	Kind drafts.PairKind
	N    int
}

// Counts are the summary's counts by kind, in the order of Kinds.
func Counts(s drafts.Summary) []Count {
	n := map[drafts.PairKind]int{drafts.PairModified: s.Modified, drafts.PairMoved: s.Moved, drafts.PairMerged: s.Merged,
		drafts.PairSplit: s.Split, drafts.PairAdded: s.Added, drafts.PairDeleted: s.Deleted, drafts.PairUnchanged: s.Unchanged}
	out := make([]Count, len(Kinds))
	for i, k := range Kinds {
		out[i] = Count{k, n[k]}
	}
	return out
}

// Similarity is a pair's similarity as shown everywhere ("0.71"), or ""
// when one side is missing.
func Similarity(p drafts.Pair) string {
	if p.Old == nil || p.New == nil {
		return ""
	}
	return fmt.Sprintf("%.2f", p.Similarity)
}
