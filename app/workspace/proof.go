package workspace

import (
	"sync"

	"qicao/assets"
	"qicao/drafts"
	"qicao/drafts/proof"
)

var (
	organsOnce sync.Once
	organs     *proof.Organs
)

// BuiltinOrgans is the 校对 table of each city's organ names, built once
// from the built-in corpus's issued documents (the 责任单位 they name),
// beside the maintained list of the 2018–2019 renamings in drafts/proof.
func BuiltinOrgans() *proof.Organs {
	organsOnce.Do(func() {
		var docs []*drafts.Document
		for _, f := range assets.Corpus() {
			if d, err := drafts.Parse(string(f.Data)); err == nil {
				docs = append(docs, d)
			}
		}
		organs = proof.NewOrgans(docs)
	})
	return organs
}
