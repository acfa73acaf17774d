package postgres

import (
	"context"
	"encoding/json"
	"errors"

	"github.com/jackc/pgx/v5"

	"qicao/drafts"
	"qicao/templates"
)

// corpusMissing is the error for a corpus document id that does not exist.
func corpusMissing(id int64) error {
	return notFoundf("参考文件 %d 不存在", "There is no corpus document %d", id)
}

// AddCorpusDoc adds a document to the corpus with one row per clause of
// doc, in one transaction. Only curators may. The name must not be taken.
// The structure is not stored (doc_json stays NULL, as on SQLite):
// CorpusDoc parses the text.
func (db *DB) AddCorpusDoc(name, text string, doc *drafts.Document, builtin bool) (CorpusDoc, error) {
	var id int64
	err := db.inTx(func(tx pgx.Tx, c context.Context) error {
		var meta drafts.Meta
		if doc != nil {
			meta = doc.Meta
		}
		err := tx.QueryRow(c, `INSERT INTO qicao.corpus_docs (name, city, number, title, date, text, builtin)
			VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (name) DO NOTHING RETURNING id`,
			name, meta.City, meta.Number, meta.Title, meta.Date, text, builtin).Scan(&id)
		if errors.Is(err, pgx.ErrNoRows) {
			return existsf("参考文件“%s”已存在", "The corpus already has a document named “%s”", name)
		}
		if err != nil {
			return err
		}
		return insertClauses(tx, c, id, doc)
	})
	if err != nil {
		return CorpusDoc{}, wrapf(err, "添加参考文件“%s”失败", "Adding corpus document “%s” failed", name)
	}
	return db.CorpusDoc(id)
}

// insertClauses copies one corpus_clauses row per clause of doc.
func insertClauses(tx pgx.Tx, c context.Context, docID int64, doc *drafts.Document) error {
	if doc == nil {
		return nil
	}
	var rows [][]any
	for _, k := range doc.Clauses() {
		rows = append(rows, []any{docID, k.Index, k.Label, k.Ordinal, k.Heading, k.Text,
			marshalStrings(k.Path), marshalStrings(k.Units)})
	}
	_, err := tx.CopyFrom(c, pgx.Identifier{"qicao", "corpus_clauses"},
		[]string{"doc_id", "idx", "label", "ordinal", "heading", "text", "path_json", "units_json"},
		pgx.CopyFromRows(rows))
	return err
}

// marshalStrings returns ss as a JSON array, "[]" for none.
func marshalStrings(ss []string) string {
	if ss == nil {
		ss = []string{}
	}
	b, _ := json.Marshal(ss) // a []string always marshals
	return string(b)
}

// corpusColumns selects a CorpusDoc without its text.
const corpusColumns = `SELECT c.id, c.name, c.city, c.number, c.title, c.date, c.builtin, c.added_at,
	(SELECT COUNT(*) FROM qicao.corpus_clauses k WHERE k.doc_id = c.id)
	FROM qicao.corpus_docs c`

// scanCorpusDoc reads a row selected with corpusColumns.
func scanCorpusDoc(row pgx.Row) (CorpusDoc, error) {
	var d CorpusDoc
	err := row.Scan(&d.ID, &d.Name, &d.City, &d.Number, &d.Title, &d.Date, &d.Builtin, &d.Added, &d.Clauses)
	d.Added = d.Added.UTC()
	return d, err
}

// CorpusDocs returns the corpus documents in the order they were added,
// without Text and Doc.
func (db *DB) CorpusDocs() ([]CorpusDoc, error) {
	return queryAll(db, failed{"读取参考文件列表失败", "Reading the corpus list failed"}, scanCorpusDoc, corpusColumns+` ORDER BY c.id`)
}

// CorpusDoc returns one corpus document with its Text and Doc, the text
// parsed (a document without clauses has no Doc).
func (db *DB) CorpusDoc(id int64) (CorpusDoc, error) {
	c, cancel := ctx()
	defer cancel()
	d, err := scanCorpusDoc(db.pool.QueryRow(c, corpusColumns+` WHERE c.id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return CorpusDoc{}, corpusMissing(id)
	}
	if err != nil {
		return CorpusDoc{}, wrapf(err, "读取参考文件 %d 失败", "Reading corpus document %d failed", id)
	}
	if err := db.pool.QueryRow(c, `SELECT text FROM qicao.corpus_docs WHERE id = $1`, id).Scan(&d.Text); err != nil {
		return CorpusDoc{}, wrapf(err, "读取参考文件 %d 失败", "Reading corpus document %d failed", id)
	}
	if d.Clauses == 0 { // stored without a structure (the corpus takes none without clauses)
		return d, nil
	}
	if d.Doc, err = drafts.Parse(d.Text); err != nil {
		return CorpusDoc{}, wrapf(err, "参考文件 %d 无法解析", "Corpus document %d cannot be parsed", id)
	}
	return d, nil
}

// CorpusClauses returns the stored clauses of corpus document docID in
// order, or of all documents (by document, then clause) when docID is 0.
func (db *DB) CorpusClauses(docID int64) ([]CorpusClause, error) {
	return queryAll(db, failed{"读取参考条款失败", "Reading the corpus clauses failed"}, scanClause, `SELECT doc_id, idx, label, ordinal, heading, text, path_json, units_json
		FROM qicao.corpus_clauses WHERE doc_id = $1 OR $1 = 0 ORDER BY doc_id, idx`, docID)
}

// scanClause reads a corpus_clauses row.
func scanClause(row pgx.Row) (CorpusClause, error) {
	var k CorpusClause
	var path, units string
	if err := row.Scan(&k.DocID, &k.Index, &k.Label, &k.Ordinal, &k.Heading, &k.Text, &path, &units); err != nil {
		return CorpusClause{}, err
	}
	if err := json.Unmarshal([]byte(path), &k.Path); err != nil {
		return CorpusClause{}, err
	}
	return k, json.Unmarshal([]byte(units), &k.Units)
}

// RemoveCorpusDoc removes a corpus document and its clauses.
func (db *DB) RemoveCorpusDoc(id int64) error {
	if err := db.exec(corpusMissing(id), `DELETE FROM qicao.corpus_docs WHERE id = $1`, id); err != nil {
		return wrapf(err, "删除参考文件失败", "Removing the corpus document failed")
	}
	return nil
}

// CorpusEmpty reports whether the corpus has no documents.
func (db *DB) CorpusEmpty() (bool, error) {
	var some bool
	if err := db.queryRow(`SELECT EXISTS (SELECT 1 FROM qicao.corpus_docs)`, nil, &some); err != nil {
		return false, wrapf(err, "读取参考文件失败", "Reading the corpus failed")
	}
	return !some, nil
}

// CorpusChanges returns the corpus's change counter: it grows with every
// addition or removal, so a client whose clause bank was built at the same
// number need not rebuild it.
func (db *DB) CorpusChanges() (int64, error) {
	var n int64
	if err := db.queryRow(`SELECT changes FROM qicao.corpus_state`, nil, &n); err != nil {
		return 0, wrapf(err, "读取参考文件失败", "Reading the corpus failed")
	}
	return n, nil
}

// IndexedClauses returns every clause of every corpus document as a bank
// row, by document and clause, in one query: a client builds its clause
// bank from them without reading and decoding every document. The server
// keeps no topics (StoredTopics is ""): the bank finds them.
func (db *DB) IndexedClauses() ([]templates.BankClause, error) {
	return queryAll(db, failed{"读取参考条款失败", "Reading the corpus clauses failed"}, func(r pgx.Row) (templates.BankClause, error) {
		var c templates.BankClause
		var path string
		err := r.Scan(&c.SourceID, &c.Source, &c.City, &c.Number, &c.Title, &c.Date,
			&c.Index, &c.Label, &c.Ordinal, &c.Heading, &c.Text, &path)
		if err == nil {
			err = json.Unmarshal([]byte(path), &c.Path)
		}
		return c, err
	}, `SELECT d.id, d.name, d.city, d.number, d.title, d.date, k.idx, k.label, k.ordinal, k.heading, k.text, k.path_json
		FROM qicao.corpus_clauses k JOIN qicao.corpus_docs d ON d.id = k.doc_id ORDER BY d.id, k.idx`)
}
