package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"qicao/drafts"
)

// ImportDraft copies a draft from another store with its versions (each
// with its text, note, time and author) and returns its id
// here. key identifies the source draft: a draft already imported under
// key gets only the versions it lacks, so an interrupted or repeated
// import never duplicates; created says the draft itself is new. Each
// call is one transaction.
func (db *DB) ImportDraft(key string, d Draft, versions []Version) (id int64, created bool, added int, err error) {
	key = db.role + ":" + key
	err = db.inTx(func(tx pgx.Tx, c context.Context) error {
		if _, err := tx.Exec(c, `SELECT pg_advisory_xact_lock(hashtext($1))`, key); err != nil {
			return err
		}
		latest, err := importTarget(tx, c, key, d, &id, &created)
		if err != nil {
			return err
		}
		for _, v := range versions {
			if v.N <= latest {
				continue
			}
			if v.N != latest+1 {
				return drafts.Errorf(drafts.EInvalid, fmt.Sprintf("源草稿的版本号不连续（第 %d 版之后是第 %d 版）", latest, v.N), fmt.Sprintf("the source draft's versions are not consecutive (version %d follows version %d)", v.N, latest))
			}
			if _, err := tx.Exec(c, `INSERT INTO qicao.versions (draft_id, n, text, note, created_at, author)
				VALUES ($1, $2, $3, $4, $5, `+authorSQL(6)+`)`,
				id, v.N, v.Text, v.Note, v.Created, v.Author); err != nil {
				return err
			}
			latest++
			added++
		}
		_, err = tx.Exec(c, `UPDATE qicao.drafts SET latest = $2, updated_at = GREATEST(updated_at, $3) WHERE id = $1`,
			id, latest, d.Updated)
		return err
	})
	if err != nil {
		return 0, false, 0, wrapf(err, "导入草稿“%s”失败", "Importing draft “%s” failed", d.Title)
	}
	return id, created, added, nil
}

// importTarget finds the draft imported under key, or creates it and
// records the key; it returns the number of the draft's latest version.
func importTarget(tx pgx.Tx, c context.Context, key string, d Draft, id *int64, created *bool) (int, error) {
	err := tx.QueryRow(c, `SELECT target_id FROM qicao.imports WHERE key = $1`, key).Scan(id)
	if err == nil {
		var latest int
		err = tx.QueryRow(c, `SELECT latest FROM qicao.drafts WHERE id = $1`, *id).Scan(&latest)
		if errors.Is(err, pgx.ErrNoRows) {
			return 0, refusedf("此草稿以前已导入为草稿 %d，但它已被删除或无权访问；不再重复导入", "this draft was imported before as draft %d, which has been deleted or which you may not read; it is not imported again", *id)
		}
		return latest, err
	}
	if !errors.Is(err, pgx.ErrNoRows) {
		return 0, err
	}
	if err := tx.QueryRow(c, `INSERT INTO qicao.drafts (title, city, created_at, updated_at) VALUES ($1, $2, $3, $4) RETURNING id`,
		d.Title, d.City, d.Created, d.Updated).Scan(id); err != nil {
		return 0, err
	}
	_, err = tx.Exec(c, `INSERT INTO qicao.imports (key, target_id) VALUES ($1, $2)`, key, *id)
	*created = true
	return 0, err
}

// ImportCorpusDoc copies a corpus document with its stored clauses, its
// time and its builtin mark (its structure is parsed from the text when
// read, as AddCorpusDoc's is). A document of that name already here is
// left as it is: added is false, and same says whether its text is the
// same.
func (db *DB) ImportCorpusDoc(d CorpusDoc, clauses []CorpusClause) (added, same bool, err error) {
	err = db.inTx(func(tx pgx.Tx, c context.Context) error {
		var id int64
		err := tx.QueryRow(c, `INSERT INTO qicao.corpus_docs (name, city, number, title, date, text, builtin, added_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (name) DO NOTHING RETURNING id`,
			d.Name, d.City, d.Number, d.Title, d.Date, d.Text, d.Builtin, d.Added).Scan(&id)
		if errors.Is(err, pgx.ErrNoRows) {
			return tx.QueryRow(c, `SELECT text = $2 FROM qicao.corpus_docs WHERE name = $1`, d.Name, d.Text).Scan(&same)
		}
		if err != nil {
			return err
		}
		added, same = true, true
		rows := make([][]any, len(clauses))
		for i, k := range clauses {
			rows[i] = []any{id, k.Index, k.Label, k.Ordinal, k.Heading, k.Text, marshalStrings(k.Path), marshalStrings(k.Units)}
		}
		_, err = tx.CopyFrom(c, pgx.Identifier{"qicao", "corpus_clauses"},
			[]string{"doc_id", "idx", "label", "ordinal", "heading", "text", "path_json", "units_json"}, pgx.CopyFromRows(rows))
		return err
	})
	if err != nil {
		return false, false, wrapf(err, "导入参考文件“%s”失败", "Importing corpus document “%s” failed", d.Name)
	}
	return added, same, nil
}

// CorpusDocByName returns the corpus document called name, with its text.
func (db *DB) CorpusDocByName(name string) (CorpusDoc, error) {
	var id int64
	err := db.queryRow(`SELECT id FROM qicao.corpus_docs WHERE name = $1`, []any{name}, &id)
	if errors.Is(err, pgx.ErrNoRows) {
		return CorpusDoc{}, notFoundf("参考文件“%s”不存在", "There is no corpus document “%s”", name)
	}
	if err != nil {
		return CorpusDoc{}, wrapf(err, "读取参考文件“%s”失败", "Reading corpus document “%s” failed", name)
	}
	return db.CorpusDoc(id)
}
