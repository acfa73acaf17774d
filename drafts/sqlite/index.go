package sqlite

import (
	"database/sql"
	"encoding/json"
	"errors"
	"strings"

	"qicao/templates"
)

// The store's side of the clause index (templates.IndexStore): segments
// and posting lists as blobs templates encodes.

var _ templates.IndexStore = (*DB)(nil)

// IndexSegments returns the index's segments by id.
func (db *DB) IndexSegments() ([]templates.StoredSegment, error) {
	return queryAll(db, failed{"读取条款索引失败", "Reading the clause index failed"}, func(r rowScanner) (templates.StoredSegment, error) {
		var s templates.StoredSegment
		return s, r.Scan(&s.ID, &s.Desc)
	}, `SELECT id, desc FROM index_segments ORDER BY id`)
}

// IndexPostings calls fn with every stored posting list of the terms.
func (db *DB) IndexPostings(terms []uint64, fn func(term uint64, seg int64, data []byte)) error {
	if len(terms) == 0 {
		return nil
	}
	args := make([]any, len(terms))
	for i, t := range terms {
		args[i] = int64(t)
	}
	q := `SELECT term, seg, data FROM index_postings WHERE term IN (?` + strings.Repeat(",?", len(terms)-1) + `)`
	return db.eachPosting(q, args, func(t, seg int64, data []byte) { fn(uint64(t), seg, data) })
}

// SegmentPostings calls fn with every posting list of one segment.
func (db *DB) SegmentPostings(seg int64, fn func(term uint64, data []byte)) error {
	return db.eachPosting(`SELECT term, seg, data FROM index_postings WHERE seg = ?`, []any{seg},
		func(t, _ int64, data []byte) { fn(uint64(t), data) })
}

func (db *DB) eachPosting(q string, args []any, fn func(term, seg int64, data []byte)) error {
	rows, err := db.sql.Query(q, args...)
	if err != nil {
		return wrap(err, "读取条款索引失败", "Reading the clause index failed")
	}
	defer rows.Close()
	for rows.Next() {
		var t, seg int64
		var data sql.RawBytes
		if err := rows.Scan(&t, &seg, &data); err != nil {
			return wrap(err, "读取条款索引失败", "Reading the clause index failed")
		}
		fn(t, seg, data)
	}
	if err := rows.Err(); err != nil {
		return wrap(err, "读取条款索引失败", "Reading the clause index failed")
	}
	return nil
}

// WriteIndexSegment stores a segment with its posting lists in place of
// the segments of drop, in one transaction.
func (db *DB) WriteIndexSegment(desc []byte, postings map[uint64][]byte, drop []int64) (int64, error) {
	var id int64
	err := db.inTx(func(tx *sql.Tx) error {
		for _, d := range drop {
			if _, err := tx.Exec(`DELETE FROM index_segments WHERE id = ?`, d); err != nil {
				return err
			}
		}
		res, err := tx.Exec(`INSERT INTO index_segments (desc) VALUES (?)`, desc)
		if err != nil {
			return err
		}
		if id, err = res.LastInsertId(); err != nil {
			return err
		}
		stmt, err := tx.Prepare(`INSERT INTO index_postings (term, seg, data) VALUES (?, ?, ?)`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for t, data := range postings {
			if _, err := stmt.Exec(int64(t), id, data); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, wrapf(err, "写入条款索引失败", "Writing the clause index failed")
	}
	return id, nil
}

// LiveCorpusIDs returns the ids of the corpus documents.
func (db *DB) LiveCorpusIDs() ([]int64, error) {
	return queryAll(db, failed{"读取参考文件列表失败", "Reading the list of corpus documents failed"}, func(r rowScanner) (int64, error) {
		var id int64
		return id, r.Scan(&id)
	}, `SELECT id FROM corpus_docs ORDER BY id`)
}

// IndexedClause returns clause idx of corpus document doc with its
// document's name and metadata.
func (db *DB) IndexedClause(doc int64, idx int) (templates.BankClause, error) {
	c := templates.BankClause{SourceID: doc, Index: idx}
	var path string
	run := clauseRun{doc: doc, text: &c.Text}
	err := db.sql.QueryRow(`SELECT d.name, d.city, d.number, d.title, d.date, k.label, k.ordinal, k.heading, k.text, k.text_at, k.text_len, k.path_json
		FROM corpus_clauses k JOIN corpus_docs d ON d.id = k.doc_id WHERE k.doc_id = ? AND k.idx = ?`, doc, idx).
		Scan(&c.Source, &c.City, &c.Number, &c.Title, &c.Date, &c.Label, &c.Ordinal, &c.Heading, &c.Text, &run.at, &run.n, &path)
	if errors.Is(err, sql.ErrNoRows) {
		return c, notFoundf("参考文件 %d 没有第 %d 条", "Corpus document %d has no clause %d", doc, idx+1)
	}
	if err == nil {
		err = db.fillRuns([]clauseRun{run})
	}
	if err != nil {
		return c, wrap(err, "读取参考条款失败", "Reading the corpus clauses failed")
	}
	return c, json.Unmarshal([]byte(path), &c.Path)
}

// IndexedClauses returns every clause of every corpus document as a bank
// row with its stored topics, by document and clause, in one query: the
// clause bank is built from them without parsing the documents again.
// Clauses stored before their topics were get them first.
func (db *DB) IndexedClauses() ([]templates.BankClause, error) {
	if err := db.fillTopics(); err != nil {
		return nil, err
	}
	type row struct {
		templates.BankClause
		at, n int
	}
	rows, err := queryAll(db, failed{"读取参考条款失败", "Reading the corpus clauses failed"}, func(r rowScanner) (row, error) {
		var c row
		var path string
		err := r.Scan(&c.SourceID, &c.Source, &c.City, &c.Number, &c.Title, &c.Date,
			&c.Index, &c.Label, &c.Ordinal, &c.Heading, &c.Text, &c.at, &c.n, &path, &c.StoredTopics)
		if err == nil {
			err = json.Unmarshal([]byte(path), &c.Path)
		}
		return c, err
	}, `SELECT d.id, d.name, d.city, d.number, d.title, d.date, k.idx, k.label, k.ordinal, k.heading, k.text, k.text_at, k.text_len, k.path_json, k.topics
		FROM corpus_clauses k JOIN corpus_docs d ON d.id = k.doc_id ORDER BY d.id, k.idx`)
	if err != nil {
		return nil, err
	}
	out := make([]templates.BankClause, len(rows))
	runs := make([]clauseRun, len(rows))
	for i, r := range rows {
		out[i] = r.BankClause
		runs[i] = clauseRun{doc: r.SourceID, at: r.at, n: r.n, text: &out[i].Text}
	}
	if err := db.fillRuns(runs); err != nil {
		return nil, wrap(db.noteDamage(err), "读取参考条款失败", "Reading the corpus clauses failed")
	}
	return out, nil
}

// fillTopics works out the topics of clauses stored before migration 006.
func (db *DB) fillTopics() error {
	type row struct {
		doc           int64
		idx, at, n    int
		heading, text string
	}
	rows, err := queryAll(db, failed{"读取参考条款失败", "Reading the corpus clauses failed"}, func(r rowScanner) (row, error) {
		var x row
		return x, r.Scan(&x.doc, &x.idx, &x.heading, &x.text, &x.at, &x.n)
	}, `SELECT doc_id, idx, heading, text, text_at, text_len FROM corpus_clauses WHERE topics IS NULL ORDER BY doc_id, idx`)
	if err != nil || len(rows) == 0 {
		return err
	}
	runs := make([]clauseRun, len(rows))
	for i := range rows {
		runs[i] = clauseRun{doc: rows[i].doc, at: rows[i].at, n: rows[i].n, text: &rows[i].text}
	}
	if err := db.fillRuns(runs); err != nil {
		return wrap(db.noteDamage(err), "读取参考条款失败", "Reading the corpus clauses failed")
	}
	err = db.inTx(func(tx *sql.Tx) error {
		stmt, err := tx.Prepare(`UPDATE corpus_clauses SET topics = ? WHERE doc_id = ? AND idx = ?`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for _, r := range rows {
			if _, err := stmt.Exec(templates.EncodeTopics(r.text, r.heading), r.doc, r.idx); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return wrapf(err, "写入条款主题失败", "Writing the clause topics failed")
	}
	return nil
}
