package drafts

import (
	"strings"
	"testing"
)

// opening returns the lines of s that fit in n bytes.
func opening(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:strings.LastIndexByte(s[:n], '\n')+1]
}

// FuzzCompare parses two texts, compares them and checks that the ops of
// every pair rebuild both clause texts exactly, that '~' only ever covers
// a change of form, and that every clause of both versions is shown.
func FuzzCompare(f *testing.F) {
	// The openings of the 泰安 pair: whole documents make each run too slow
	// for the fuzzer to get anywhere.
	f.Add(opening(seedText(f, "000"), 3000), opening(seedText(f, "002"), 3000))
	f.Add("一、总体要求\n1.加强领导。到2026年,培育企业100家。（市科技局牵头）\n2.强化保障。\n",
		"一、总体要求\n1.强化保障。\n2.加强领导。到2026年，培育企业不少于120家。(市科技局牵头)\n")
	f.Add("1.甲乙丙。\n2.丁戊己。\n3.庚辛。\n", "1.甲乙丙丁戊己。\n2.庚辛。壬癸。\n3.壬癸。\n")
	f.Add("1.a　b,c\xff。\n", "1.a b，c\xfe。\n")
	f.Fuzz(func(t *testing.T, a, b string) {
		old, err := Parse(a)
		if err != nil {
			return
		}
		new, err := Parse(b)
		if err != nil {
			return
		}
		for _, strict := range []bool{false, true} {
			c := Compare(old, new, CompareOptions{Strict: strict})
			shown := map[*Node]bool{}
			for _, p := range c.Pairs {
				checkOps(t, p)
				if p.Old != nil {
					shown[p.Old.Node] = true
				}
				if p.New != nil {
					shown[p.New.Node] = true
				}
			}
			for _, d := range []*Document{old, new} {
				d.Walk(func(n, _ *Node) {
					if !shown[n] {
						t.Fatalf("node %q not in any pair", n.Label+n.Heading)
					}
				})
			}
		}
	})
}
