package drafts

import (
	"strings"
	"unicode"
)

// Temporary folding until drafts/norm lands: only what metadata needs.
var tradToSimp = strings.NewReplacer("濟", "济", "寧", "宁", "關", "关", "於", "于", "實", "实", "見", "见", "發", "发", "號", "号")

func simplify(s string) string { return tradToSimp.Replace(s) }

func foldKey(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.IsPunct(r) {
			return -1
		}
		return r
	}, simplify(s))
}
