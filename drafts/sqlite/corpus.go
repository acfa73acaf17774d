package sqlite

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"qicao/drafts"
	"qicao/drafts/norm"
	"qicao/templates"
)

// CorpusClause is one stored clause of a corpus document.
type CorpusClause struct {
	DocID int64
	// Index is the clause's position among the document's clauses, from 0.
	Index   int
	Label   string
	Ordinal int
	Heading string
	Text    string
	// Path holds the headings of the sections above the clause.
	Path []string
	// Units are the responsible units the parser found in the clause.
	Units []string
}

// corpusMissing is the error for a corpus document id that does not exist.
func corpusMissing(id int64) error {
	return notFoundf("参考文件 %d 不存在", "There is no corpus document %d", id)
}

// AddCorpusDoc adds a document to the corpus with one row per clause of
// doc, all in one transaction: on any error nothing is written. The name
// must not be taken yet. doc may be nil for a document with no structure.
func (db *DB) AddCorpusDoc(name, text string, doc *drafts.Document, builtin bool) (drafts.CorpusDoc, error) {
	var id int64
	err := db.inTx(func(tx *sql.Tx) (err error) {
		if id, err = insertCorpusDoc(tx, name, text, doc, builtin, db.stamp()); err != nil {
			return err
		}
		return insertClauses(tx, id, text, doc)
	})
	if err != nil {
		return drafts.CorpusDoc{}, wrapf(err, "添加参考文件“%s”失败", "Adding “%s” to the corpus failed", name)
	}
	return db.CorpusDoc(id)
}

// insertCorpusDoc writes the corpus_docs row and returns its id.
// The structure is not stored (doc_json stays NULL): CorpusDoc parses the
// text again, which the clause index spares all but the bank in memory.
func insertCorpusDoc(tx *sql.Tx, name, text string, doc *drafts.Document, builtin bool, now string) (int64, error) {
	var taken bool
	if err := tx.QueryRow(`SELECT EXISTS (SELECT 1 FROM corpus_docs WHERE name = ?)`, name).Scan(&taken); err != nil {
		return 0, err
	}
	if taken {
		return 0, existsf("参考文件“%s”已存在", "The corpus already has a document named “%s”", name)
	}
	var meta drafts.Meta
	if doc != nil {
		meta = doc.Meta
	}
	plain, z := storeText(text)
	res, err := tx.Exec(`INSERT INTO corpus_docs (name, city, number, title, date, text, text_z, builtin, added_at, text_key)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		name, meta.City, meta.Number, meta.Title, meta.Date, plain, z, builtin, now, TextKey(text))
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// insertClauses writes one corpus_clauses row per clause of doc, read from
// text: a clause that is a run of text is stored as the run's place.
func insertClauses(tx *sql.Tx, docID int64, text string, doc *drafts.Document) error {
	if doc == nil {
		return nil
	}
	stmt, err := tx.Prepare(`INSERT INTO corpus_clauses (doc_id, idx, label, ordinal, heading, text, text_at, text_len, path_json, units_json, topics)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, c := range doc.Clauses() {
		own, at := c.Text, 0
		if i := strings.Index(text, c.Text); c.Text != "" && i >= 0 {
			own, at = "", i+1
		}
		_, err := stmt.Exec(docID, c.Index, c.Label, c.Ordinal, c.Heading, own, at, len(c.Text),
			marshalStrings(c.Path), marshalStrings(c.Units), templates.EncodeTopics(c.Text, c.Heading))
		if err != nil {
			return fmt.Errorf("第 %d 条: %w", c.Index+1, err)
		}
	}
	return nil
}

// corpusColumns selects a CorpusDoc without its text; scanCorpusDoc reads it.
const corpusColumns = `SELECT c.id, c.name, c.city, c.number, c.title, c.date, c.builtin, c.added_at,
	(SELECT COUNT(*) FROM corpus_clauses k WHERE k.doc_id = c.id)
	FROM corpus_docs c`

// scanCorpusDoc reads a row selected with corpusColumns.
func scanCorpusDoc(row rowScanner) (drafts.CorpusDoc, error) {
	var d drafts.CorpusDoc
	var added sql.NullString
	err := row.Scan(&d.ID, &d.Name, &d.City, &d.Number, &d.Title, &d.Date, &d.Builtin, &added, &d.Clauses)
	if err != nil {
		return drafts.CorpusDoc{}, err
	}
	d.Added, err = parseTime(added)
	return d, err
}

// CorpusDocs returns the corpus documents in the order they were added,
// without Text and Doc.
func (db *DB) CorpusDocs() ([]drafts.CorpusDoc, error) {
	return queryAll(db, failed{"读取参考文件列表失败", "Reading the list of corpus documents failed"}, scanCorpusDoc, corpusColumns+` ORDER BY c.id`)
}

// CorpusDoc returns one corpus document with its Text and Doc.
func (db *DB) CorpusDoc(id int64) (drafts.CorpusDoc, error) {
	d, err := scanCorpusDoc(db.sql.QueryRow(corpusColumns+` WHERE c.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return drafts.CorpusDoc{}, corpusMissing(id)
	}
	if err != nil {
		return drafts.CorpusDoc{}, wrapf(err, "读取参考文件 %d 失败", "Reading corpus document %d failed", id)
	}
	var s storedText
	if err := db.sql.QueryRow(`SELECT text, text_z FROM corpus_docs WHERE id = ?`, id).Scan(&s.text, &s.z); err != nil {
		return drafts.CorpusDoc{}, wrapf(err, "读取参考文件 %d 失败", "Reading corpus document %d failed", id)
	}
	if d.Text, err = s.read(); err != nil {
		return drafts.CorpusDoc{}, wrapf(err, "读取参考文件 %d 失败", "Reading corpus document %d failed", id)
	}
	if d.Clauses == 0 { // stored without a structure (the corpus takes none without clauses)
		return d, nil
	}
	if d.Doc, err = drafts.Parse(d.Text); err != nil {
		return drafts.CorpusDoc{}, wrapf(err, "参考文件 %d 无法解析", "Corpus document %d cannot be parsed", id)
	}
	return d, nil
}

// CorpusClauses returns the stored clauses of corpus document docID in
// order, or of all documents (by document, then clause) when docID is 0.
func (db *DB) CorpusClauses(docID int64) ([]CorpusClause, error) {
	type row struct {
		CorpusClause
		at, n int
	}
	rows, err := queryAll(db, failed{"读取参考条款失败", "Reading the corpus clauses failed"}, func(r rowScanner) (row, error) {
		var c row
		var path, units string
		if err := r.Scan(&c.DocID, &c.Index, &c.Label, &c.Ordinal, &c.Heading, &c.Text, &c.at, &c.n, &path, &units); err != nil {
			return c, err
		}
		if err := json.Unmarshal([]byte(path), &c.Path); err != nil {
			return c, err
		}
		return c, json.Unmarshal([]byte(units), &c.Units)
	}, `SELECT doc_id, idx, label, ordinal, heading, text, text_at, text_len, path_json, units_json
		FROM corpus_clauses WHERE doc_id = ? OR ? = 0 ORDER BY doc_id, idx`, docID, docID)
	if err != nil {
		return nil, err
	}
	out := make([]CorpusClause, len(rows))
	runs := make([]clauseRun, len(rows))
	for i, r := range rows {
		out[i] = r.CorpusClause
		runs[i] = clauseRun{doc: r.DocID, at: r.at, n: r.n, text: &out[i].Text}
	}
	if err := db.fillRuns(runs); err != nil {
		return nil, wrap(db.noteDamage(err), "读取参考条款失败", "Reading the corpus clauses failed")
	}
	return out, nil
}

// RemoveCorpusDoc removes a corpus document and its clauses.
func (db *DB) RemoveCorpusDoc(id int64) error {
	res, err := db.exec(`DELETE FROM corpus_docs WHERE id = ?`, id)
	if err := affectedOne(res, err, corpusMissing(id)); err != nil {
		return wrapf(err, "删除参考文件失败", "Removing the corpus document failed")
	}
	return nil
}

// CorpusEmpty reports whether the corpus has no documents, e.g. on first
// start, before the built-in documents are loaded.
func (db *DB) CorpusEmpty() (bool, error) {
	var some bool
	if err := db.sql.QueryRow(`SELECT EXISTS (SELECT 1 FROM corpus_docs)`).Scan(&some); err != nil {
		return false, wrap(err, "读取参考文件失败", "Reading the corpus documents failed")
	}
	return !some, nil
}

// TextKey is the hash a document's text is told apart by: of its
// normalised form, so that the same document read from a .docx and from a
// .txt, or in traditional characters, is the same.
func TextKey(text string) string {
	sum := sha256.Sum256([]byte(norm.Key(text)))
	return hex.EncodeToString(sum[:16])
}

// CorpusDocByText returns the corpus document whose normalised text is
// that of text, if there is one.
func (db *DB) CorpusDocByText(text string) (drafts.CorpusDoc, bool, error) {
	if err := db.fillTextKeys(); err != nil {
		return drafts.CorpusDoc{}, false, err
	}
	d, err := scanCorpusDoc(db.sql.QueryRow(corpusColumns+` WHERE c.text_key = ? ORDER BY c.id LIMIT 1`, TextKey(text)))
	if errors.Is(err, sql.ErrNoRows) {
		return drafts.CorpusDoc{}, false, nil
	}
	if err != nil {
		return drafts.CorpusDoc{}, false, wrap(err, "读取参考文件失败", "Reading the corpus documents failed")
	}
	return d, true, nil
}

// fillTextKeys hashes the texts of documents stored before text_key was.
func (db *DB) fillTextKeys() error {
	type row struct {
		id   int64
		text string
	}
	rows, err := queryAll(db, failed{"读取参考文件失败", "Reading the corpus document failed"}, func(r rowScanner) (row, error) {
		var x row
		var s storedText
		if err := r.Scan(&x.id, &s.text, &s.z); err != nil {
			return x, err
		}
		text, err := s.read()
		x.text = text
		return x, err
	}, `SELECT id, text, text_z FROM corpus_docs WHERE text_key IS NULL`)
	if err != nil || len(rows) == 0 {
		return err
	}
	return db.inTx(func(tx *sql.Tx) error {
		for _, r := range rows {
			if _, err := tx.Exec(`UPDATE corpus_docs SET text_key = ? WHERE id = ?`, TextKey(r.text), r.id); err != nil {
				return err
			}
		}
		return nil
	})
}

// NewCorpusDoc is a document to add with AddCorpusDocs.
type NewCorpusDoc struct {
	Name string
	Text string
	Doc  *drafts.Document
}

// AddCorpusDocs adds documents to the corpus in one transaction, as
// AddCorpusDoc adds one: on any error nothing is written. The documents
// returned have their Doc but not their Text.
func (db *DB) AddCorpusDocs(docs []NewCorpusDoc) ([]drafts.CorpusDoc, error) {
	out := make([]drafts.CorpusDoc, len(docs))
	now := db.stamp()
	err := db.inTx(func(tx *sql.Tx) error {
		for i, d := range docs {
			id, err := insertCorpusDoc(tx, d.Name, d.Text, d.Doc, false, now)
			if err != nil {
				return fmt.Errorf("“%s”: %w", d.Name, err)
			}
			if err := insertClauses(tx, id, d.Text, d.Doc); err != nil {
				return fmt.Errorf("“%s”: %w", d.Name, err)
			}
			out[i] = drafts.CorpusDoc{ID: id, Name: d.Name, Doc: d.Doc}
			if d.Doc != nil {
				m := d.Doc.Meta
				out[i].City, out[i].Number, out[i].Title, out[i].Date = m.City, m.Number, m.Title, m.Date
				out[i].Clauses = len(d.Doc.Clauses())
			}
		}
		return nil
	})
	if err != nil {
		return nil, wrapf(err, "添加参考文件失败", "Adding to the corpus failed")
	}
	return out, nil
}
