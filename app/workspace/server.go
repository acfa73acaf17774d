package workspace

import (
	"errors"

	"qicao/drafts/postgres"
	"qicao/drafts/sqlite"
)

// InitServer creates or migrates the schema and its policies on a
// bureau's server, as the database's owner, and loads the built-in corpus
// and templates the server lacks. It may be run again at any time: what
// is there is kept. It returns how many documents and templates it added.
func InitServer(url string) (docs, tmpls int, err error) {
	db, err := postgres.Open(url)
	if err != nil {
		return 0, 0, err
	}
	defer db.Close()
	s, err := builtinSeed()
	if err != nil {
		return 0, 0, err
	}
	for _, d := range s.Corpus {
		_, err := db.AddCorpusDoc(d.Name, d.Text, d.Doc, true)
		if errors.Is(err, sqlite.ErrExists) {
			continue
		}
		if err != nil {
			return docs, tmpls, err
		}
		docs++
	}
	for _, t := range s.Templates {
		_, err := db.Template(t.Name)
		if err == nil {
			continue
		}
		if !errors.Is(err, sqlite.ErrNotFound) {
			return docs, tmpls, err
		}
		if err := db.SaveTemplate(t); err != nil {
			return docs, tmpls, err
		}
		tmpls++
	}
	return docs, tmpls, nil
}
