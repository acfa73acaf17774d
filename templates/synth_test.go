package templates

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"unicode/utf8"

	"qicao/drafts"
)

// A synthetic clause bank for benchmarks: documents of the sixteen cities
// of Shandong made from the seed clauses by recombining their sentences
// and swapping city names and figures. The same seed gives the same bank.

// synthCities are the cities synthetic documents belong to, with the
// short form their 文号 starts with.
var synthCities = [][2]string{
	{"济南", "济"}, {"青岛", "青"}, {"淄博", "淄"}, {"枣庄", "枣"}, {"东营", "东"}, {"烟台", "烟"},
	{"潍坊", "潍"}, {"济宁", "濟"}, {"泰安", "泰"}, {"威海", "威"}, {"日照", "日"}, {"临沂", "临"},
	{"德州", "德"}, {"聊城", "聊"}, {"滨州", "滨"}, {"菏泽", "菏"},
}

// seedCityNames are the names a seed sentence may carry of its own city.
var seedCityNames = strings.NewReplacer("泰安", "{城}", "濟寧", "{城}", "济宁", "{城}", "淄博", "{城}", "烟台", "{城}")

// synthPiece is a seed clause cut for recombination.
type synthPiece struct {
	heading   string
	sentences []string // body sentences, 。 kept, city names as {城}
	units     string   // the 责任单位 parenthetical, or ""
}

// synthPieces cuts the seed clauses into sentences.
func synthPieces(srcs []drafts.CorpusDoc) (pieces []synthPiece, pool []string) {
	for _, s := range srcs {
		for _, c := range s.Doc.Clauses() {
			p := synthPiece{heading: seedCityNames.Replace(c.Heading)}
			body := c.Body()
			if us := drafts.UnitSpans(body); len(us) > 0 {
				last := us[len(us)-1]
				p.units = body[last.Start:last.End]
				body = drafts.StripUnits(body)
			}
			for _, sen := range strings.SplitAfter(seedCityNames.Replace(body), "。") {
				if sen = strings.TrimSpace(sen); utf8.RuneCountInString(sen) >= 6 {
					p.sentences = append(p.sentences, sen)
					pool = append(pool, sen)
				}
			}
			if len(p.sentences) > 0 {
				pieces = append(pieces, p)
			}
		}
	}
	return pieces, pool
}

// SynthSources returns synthetic documents holding about n clauses in
// all, thirty to a document, generated deterministically from seed.
func SynthSources(n int, seed uint64) []drafts.CorpusDoc {
	srcs, err := SeedSources()
	if err != nil {
		panic(err)
	}
	pieces, pool := synthPieces(srcs)
	rng := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	var out []drafts.CorpusDoc
	for id := int64(1); n > 0; id++ {
		m := min(30, n)
		out = append(out, synthDoc(rng, id, m, pieces, pool))
		n -= m
	}
	return out
}

// synthDoc makes one synthetic document of m clauses in sections of six.
func synthDoc(rng *rand.Rand, id int64, m int, pieces []synthPiece, pool []string) drafts.CorpusDoc {
	city := synthCities[rng.IntN(len(synthCities))]
	year := 2020 + rng.IntN(6)
	doc := &drafts.Document{Meta: drafts.Meta{
		Title:  fmt.Sprintf("%s市人民政府关于科技创新的实施意见（合成%d）", city[0], id),
		Number: fmt.Sprintf("%s政发〔%d〕%d号", city[1], year, 1+rng.IntN(60)),
		Date:   fmt.Sprintf("%d-%02d-%02d", year, 1+rng.IntN(12), 1+rng.IntN(28)),
		City:   city[0],
	}}
	var sec *drafts.Node
	for i := 0; i < m; i++ {
		if i%6 == 0 {
			sec = &drafts.Node{Label: chineseNumber(i/6+1) + "、", Ordinal: i/6 + 1, Heading: "重点任务" + chineseNumber(i/6+1)}
			sec.Text = sec.Heading
			doc.Nodes = append(doc.Nodes, sec)
		}
		text := synthClause(rng, pieces[rng.IntN(len(pieces))], pool, city[0])
		heading, _, _ := strings.Cut(text, "。")
		sec.Children = append(sec.Children, &drafts.Node{
			Label: fmt.Sprintf("%d.", i+1), Ordinal: i + 1, Heading: heading, Text: text,
		})
	}
	return drafts.CorpusDoc{ID: id, Name: fmt.Sprintf("synth-%05d", id), Doc: doc}
}

// synthClause recombines a clause: its heading and first sentence, one to
// four sentences from anywhere, its units; the city and figures swapped.
func synthClause(rng *rand.Rand, p synthPiece, pool []string, city string) string {
	var b strings.Builder
	b.WriteString(p.heading)
	b.WriteString("。")
	b.WriteString(p.sentences[0])
	for k := 1 + rng.IntN(4); k > 0; k-- {
		b.WriteString(pool[rng.IntN(len(pool))])
	}
	b.WriteString(p.units)
	return swapFigures(rng, strings.ReplaceAll(b.String(), "{城}", city))
}

// swapFigures replaces every run of digits with another of the same
// length.
func swapFigures(rng *rand.Rand, s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return '0' + rune(rng.IntN(10))
		}
		return r
	}, s)
}

func chineseNumber(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return digits[n]
	case n < 20:
		return "十" + digits[n%10]
	default:
		return digits[n/10] + "十" + digits[n%10]
	}
}
