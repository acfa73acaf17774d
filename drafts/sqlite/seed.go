package sqlite

import (
	"database/sql"

	"qicao/drafts"
)

// Seed is what a new database starts with: the built-in corpus, the
// built-in templates and an example draft.
type Seed struct {
	Corpus    []SeedDoc
	Templates []TemplateRow
	Drafts    []SeedDraft
}

// SeedDoc is a built-in corpus document.
type SeedDoc struct {
	Name, Text string
	Doc        *drafts.Document
}

// SeedDraft is an example draft with its versions, oldest first.
type SeedDraft struct {
	Title, City string
	Versions    []SeedVersion
}

// SeedVersion is one version of an example draft. Doc is its text parsed,
// for the seeder's own use (a version's structure is not stored).
type SeedVersion struct {
	Text, Note string
	Doc        *drafts.Document
}

// Fresh reports whether the database holds no corpus document and no
// draft: a new one, which SeedOnce would fill.
func (db *DB) Fresh() (bool, error) {
	var some bool
	err := db.sql.QueryRow(`SELECT EXISTS (SELECT 1 FROM corpus_docs) OR EXISTS (SELECT 1 FROM drafts)`).Scan(&some)
	if err != nil {
		return false, wrapf(db.noteDamage(err), "读取数据库失败", "Reading the database failed")
	}
	return !some, nil
}

// SeedOnce writes s into a fresh database, all in one transaction, and
// reports whether it did. The transaction takes the write lock before it
// looks, so of any number of processes starting on a new file at once
// exactly one seeds it and the others find it seeded; a process killed
// while seeding leaves the file fresh, and the next start seeds it whole.
func (db *DB) SeedOnce(s Seed) (bool, error) {
	seeded := false
	now := db.stamp()
	err := db.inTx(func(tx *sql.Tx) error {
		var some bool
		if err := tx.QueryRow(`SELECT EXISTS (SELECT 1 FROM corpus_docs) OR EXISTS (SELECT 1 FROM drafts)`).Scan(&some); err != nil || some {
			return err
		}
		if err := seedIn(tx, s, now); err != nil {
			return err
		}
		seeded = true
		return nil
	})
	if err != nil {
		return false, wrapf(err, "首次启动时写入内置内容失败", "Writing the built-in contents at the first start failed")
	}
	return seeded, nil
}

// seedIn writes s in tx.
func seedIn(tx *sql.Tx, s Seed, now string) error {
	for _, d := range s.Corpus {
		id, err := insertCorpusDoc(tx, d.Name, d.Text, d.Doc, true, now)
		if err != nil {
			return err
		}
		if err := insertClauses(tx, id, d.Text, d.Doc); err != nil {
			return err
		}
	}
	for _, t := range s.Templates {
		if err := insertTemplate(tx, t); err != nil {
			return err
		}
	}
	for _, d := range s.Drafts {
		if err := seedDraft(tx, d, now); err != nil {
			return err
		}
	}
	return nil
}

// seedDraft writes an example draft and its versions in tx.
func seedDraft(tx *sql.Tx, d SeedDraft, now string) error {
	res, err := tx.Exec(`INSERT INTO drafts (title, city, created_at, updated_at) VALUES (?, ?, ?, ?)`,
		d.Title, d.City, now, now)
	if err != nil {
		return err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return err
	}
	for i, v := range d.Versions {
		if err := insertVersion(tx, id, i+1, v.Text, v.Note, now, ""); err != nil {
			return err
		}
	}
	return nil
}
