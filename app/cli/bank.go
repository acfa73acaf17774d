package cli

import (
	"fmt"

	"qicao/assets"
	"qicao/drafts"
	"qicao/templates"
)

// loadBank builds the clause bank the suggest and gaps commands search.
// For now it holds the built-in corpus, parsed at each run (a few
// milliseconds); once the store is wired in it is built from the corpus
// documents in the database, which include those the officer added.
func loadBank(env *Env) (*templates.Bank, error) {
	var srcs []templates.CorpusDoc
	for i, f := range assets.Corpus() {
		doc, err := drafts.Parse(string(f.Data))
		if err != nil {
			return nil, fmt.Errorf("内置参考文件「%s」无法解析：%w", f.Name, err)
		}
		srcs = append(srcs, templates.CorpusDoc{ID: int64(i + 1), Name: f.Name, Doc: doc})
	}
	return templates.NewBank(srcs), nil
}
