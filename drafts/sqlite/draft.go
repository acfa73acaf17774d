package sqlite

import (
	"database/sql"
	"errors"
	"unicode/utf8"

	"qicao/drafts"
)

// draftMissing is the error for a draft id that does not exist.
func draftMissing(id int64) error {
	return notFoundf("草稿 %d 不存在", "There is no draft %d", id)
}

// CreateDraft makes a new draft. A non-empty text becomes its version 1,
// with note; an empty text makes a draft with no versions yet.
func (db *DB) CreateDraft(title, city, text, note string) (drafts.Draft, error) {
	now := db.stamp()
	var id int64
	err := db.inTx(func(tx *sql.Tx) error {
		res, err := tx.Exec(`INSERT INTO drafts (title, city, created_at, updated_at) VALUES (?, ?, ?, ?)`,
			title, city, now, now)
		if err != nil {
			return err
		}
		if id, err = res.LastInsertId(); err != nil || text == "" {
			return err
		}
		return insertVersion(tx, id, 1, text, note, now, Author())
	})
	if err != nil {
		return drafts.Draft{}, wrapf(err, "新建草稿失败", "Creating the draft failed")
	}
	return db.Draft(id)
}

// insertVersion writes version n of a draft. Its structure is not
// stored (versions.doc_json stays NULL): nothing read it back, and parsing
// the text again takes about half a millisecond (docs/BENCHMARKS.md).
func insertVersion(tx *sql.Tx, draftID int64, n int, text, note, now, author string) error {
	_, err := tx.Exec(`INSERT INTO versions (draft_id, n, text, note, created_at, author) VALUES (?, ?, ?, ?, ?, ?)`,
		draftID, n, text, note, now, author)
	return err
}

// SaveVersion saves text (with note) as the draft's next version, in one
// transaction. Autosaved working text equal to text is cleared, since it
// is now saved.
func (db *DB) SaveVersion(draftID int64, text, note string) (drafts.Version, error) {
	return db.SaveVersionOn(draftID, -1, text, note)
}

// SaveVersionOn saves text as version base+1, the one after the version
// the officer started from. If another window saved a version since,
// nothing is written and the error is a *ConflictError (matching
// ErrConflict) holding that version; base < 0 saves on top of whatever is
// latest.
func (db *DB) SaveVersionOn(draftID int64, base int, text, note string) (drafts.Version, error) {
	now := db.stamp()
	var n int
	var err error
	err = db.inTx(func(tx *sql.Tx) error {
		if n, err = nextVersion(tx, draftID); err != nil {
			return err
		}
		if base >= 0 && n != base+1 {
			return conflict(tx, draftID, base, n-1)
		}
		if err := insertVersion(tx, draftID, n, text, note, now, Author()); err != nil {
			return err
		}
		_, err := tx.Exec(`UPDATE drafts SET updated_at = ?,
			working_text = CASE WHEN working_text = ? THEN NULL ELSE working_text END,
			working_updated_at = CASE WHEN working_text = ? THEN NULL ELSE working_updated_at END
			WHERE id = ?`, now, text, text, draftID)
		return err
	})
	if err != nil {
		return drafts.Version{}, wrapf(err, "保存草稿 %d 的新版本失败", "Saving a new version of draft %d failed", draftID)
	}
	return db.Version(draftID, n)
}

// SaveVersionWithWorking saves text as version base+1 (as SaveVersionOn
// does) and makes working the draft's working text, in one transaction:
// a clean-up keeps the original as a version and the cleaned text as the
// text the officer goes on with, or neither.
func (db *DB) SaveVersionWithWorking(draftID int64, base int, text, note, working string) (drafts.Version, error) {
	now := db.stamp()
	var n int
	var err error
	err = db.inTx(func(tx *sql.Tx) error {
		if n, err = nextVersion(tx, draftID); err != nil {
			return err
		}
		if base >= 0 && n != base+1 {
			return conflict(tx, draftID, base, n-1)
		}
		if err := insertVersion(tx, draftID, n, text, note, now, Author()); err != nil {
			return err
		}
		w := sql.NullString{String: working, Valid: working != text}
		_, err := tx.Exec(`UPDATE drafts SET updated_at = ?, working_text = ?,
			working_updated_at = CASE WHEN ? IS NULL THEN NULL ELSE ? END WHERE id = ?`, now, w, w, now, draftID)
		return err
	})
	if err != nil {
		return drafts.Version{}, wrapf(err, "保存草稿 %d 的新版本失败", "Saving a new version of draft %d failed", draftID)
	}
	return db.Version(draftID, n)
}

// conflict is the error for a save on base when latest was saved since.
func conflict(tx *sql.Tx, draftID int64, base, latest int) error {
	v, err := scanVersion(tx.QueryRow(versionColumns+` WHERE draft_id = ? AND n = ?`, draftID, latest), draftID)
	if err != nil {
		return err
	}
	return &ConflictError{DraftID: draftID, Base: base, Latest: v}
}

// nextVersion returns the number the draft's next version gets.
func nextVersion(tx *sql.Tx, draftID int64) (int, error) {
	var n int
	err := tx.QueryRow(`SELECT (SELECT COALESCE(MAX(n), 0) + 1 FROM versions WHERE draft_id = d.id)
		FROM drafts d WHERE d.id = ?`, draftID).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, draftMissing(draftID)
	}
	return n, err
}

// draftColumns selects a Draft; scanDraft reads it.
const draftColumns = `SELECT d.id, d.title, d.city, d.created_at, d.updated_at,
	d.working_text IS NOT NULL, d.working_updated_at,
	(SELECT COUNT(*) FROM versions v WHERE v.draft_id = d.id)
	FROM drafts d`

// scanDraft reads a row selected with draftColumns.
func scanDraft(row rowScanner) (drafts.Draft, error) {
	var d drafts.Draft
	var created, updated, working sql.NullString
	err := row.Scan(&d.ID, &d.Title, &d.City, &created, &updated, &d.HasWorking, &working, &d.Versions)
	if err != nil {
		return drafts.Draft{}, err
	}
	if d.Created, err = parseTime(created); err != nil {
		return drafts.Draft{}, err
	}
	if d.Updated, err = parseTime(updated); err != nil {
		return drafts.Draft{}, err
	}
	d.WorkingSaved, err = parseTime(working)
	return d, err
}

// Drafts returns all drafts, most recently updated first.
func (db *DB) Drafts() ([]drafts.Draft, error) {
	return queryAll(db, failed{"读取草稿列表失败", "Reading the list of drafts failed"}, scanDraft, draftColumns+` ORDER BY d.updated_at DESC, d.id DESC`)
}

// Draft returns one draft.
func (db *DB) Draft(id int64) (drafts.Draft, error) {
	d, err := scanDraft(db.sql.QueryRow(draftColumns+` WHERE d.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return drafts.Draft{}, draftMissing(id)
	}
	if err != nil {
		return drafts.Draft{}, wrapf(err, "读取草稿 %d 失败", "Reading draft %d failed", id)
	}
	return d, nil
}

// Versions returns the draft's versions in order, without Text
// (Chars is set); use Version for a version's text.
func (db *DB) Versions(draftID int64) ([]drafts.Version, error) {
	if _, err := db.Draft(draftID); err != nil {
		return nil, err
	}
	rows, err := db.sql.Query(`SELECT n, note, created_at, length(text), author
		FROM versions WHERE draft_id = ? ORDER BY n`, draftID)
	if err != nil {
		return nil, wrapf(err, "读取草稿 %d 的版本失败", "Reading the versions of draft %d failed", draftID)
	}
	defer rows.Close()
	var out []drafts.Version
	for rows.Next() {
		v := drafts.Version{DraftID: draftID}
		var created sql.NullString
		if err := rows.Scan(&v.N, &v.Note, &created, &v.Chars, &v.Author); err != nil {
			return nil, err
		}
		if v.Created, err = parseTime(created); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// Version returns version n of a draft with its Text; n <= 0
// means the latest.
func (db *DB) Version(draftID int64, n int) (drafts.Version, error) {
	v, err := db.readVersion(draftID, n)
	if !errors.Is(err, sql.ErrNoRows) {
		return v, err
	}
	if _, err := db.Draft(draftID); err != nil {
		return drafts.Version{}, err
	}
	if n <= 0 {
		return drafts.Version{}, notFoundf("草稿 %d 还没有保存过版本", "Draft %d has no saved version yet", draftID)
	}
	return drafts.Version{}, notFoundf("草稿 %d 没有第 %d 版", "Draft %d has no version %d", draftID, n)
}

// readVersion reads version n (latest if n <= 0); sql.ErrNoRows if none.
func (db *DB) readVersion(draftID int64, n int) (drafts.Version, error) {
	return scanVersion(db.sql.QueryRow(versionColumns+` WHERE draft_id = ? AND (n = ? OR ? <= 0) ORDER BY n DESC LIMIT 1`,
		draftID, n, n), draftID)
}

// versionColumns selects a whole Version; scanVersion reads it.
const versionColumns = `SELECT n, text, note, created_at, author FROM versions`

// scanVersion reads a row selected with versionColumns.
func scanVersion(row rowScanner, draftID int64) (drafts.Version, error) {
	v := drafts.Version{DraftID: draftID}
	var created sql.NullString
	if err := row.Scan(&v.N, &v.Text, &v.Note, &created, &v.Author); err != nil {
		return drafts.Version{}, err
	}
	var err error
	v.Chars = utf8.RuneCountInString(v.Text)
	v.Created, err = parseTime(created)
	return v, err
}

// SetWorking autosaves the text the officer is editing. Text equal to the
// latest version clears the working text instead, so that HasWorking means
// there are unsaved changes.
func (db *DB) SetWorking(draftID int64, text string) error {
	now := db.stamp()
	res, err := db.exec(`UPDATE drafts SET
		working_text = CASE WHEN ? = (SELECT text FROM versions WHERE draft_id = drafts.id ORDER BY n DESC LIMIT 1)
			THEN NULL ELSE ? END,
		working_updated_at = ?
		WHERE id = ?`, text, text, now, draftID)
	if err := affectedOne(res, err, draftMissing(draftID)); err != nil {
		return wrapf(err, "自动保存失败", "Autosaving failed")
	}
	return nil
}

// ClearWorking discards the autosaved text, e.g. when the officer reverts
// to the latest version.
func (db *DB) ClearWorking(draftID int64) error {
	res, err := db.exec(`UPDATE drafts SET working_text = NULL, working_updated_at = NULL WHERE id = ?`, draftID)
	if err := affectedOne(res, err, draftMissing(draftID)); err != nil {
		return wrapf(err, "清除自动保存内容失败", "Clearing the autosaved text failed")
	}
	return nil
}

// Working returns the autosaved text; ok is false when there is none.
func (db *DB) Working(draftID int64) (text string, ok bool, err error) {
	var w sql.NullString
	err = db.sql.QueryRow(`SELECT working_text FROM drafts WHERE id = ?`, draftID).Scan(&w)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, draftMissing(draftID)
	}
	if err != nil {
		return "", false, wrap(err, "读取自动保存内容失败", "Reading the autosaved text failed")
	}
	return w.String, w.Valid, nil
}

// RenameDraft gives a draft a new title.
func (db *DB) RenameDraft(id int64, title string) error {
	res, err := db.exec(`UPDATE drafts SET title = ?, updated_at = ? WHERE id = ?`, title, db.stamp(), id)
	if err := affectedOne(res, err, draftMissing(id)); err != nil {
		return wrapf(err, "重命名草稿失败", "Renaming the draft failed")
	}
	return nil
}

// DeleteDraft deletes a draft with all its versions. It is the only way
// versions are ever deleted.
func (db *DB) DeleteDraft(id int64) error {
	res, err := db.exec(`DELETE FROM drafts WHERE id = ?`, id)
	if err := affectedOne(res, err, draftMissing(id)); err != nil {
		return wrapf(err, "删除草稿失败", "Deleting the draft failed")
	}
	return nil
}
