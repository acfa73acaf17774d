package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// draftMissing is the error for a draft that does not exist or that the
// officer may not see: the server does not say which.
func draftMissing(id int64) error {
	return notFoundf("草稿 %d 不存在或无权访问", "There is no draft %d, or you may not read it", id)
}

// authorSQL is the author recorded on a version: the name the program was
// given ($n), else the officer's display name, else the login role.
func authorSQL(n int) string {
	return fmt.Sprintf(`COALESCE(NULLIF($%d, ''),
		(SELECT NULLIF(display, '') FROM qicao.officers WHERE role = current_user), current_user::text)`, n)
}

// CreateDraft makes a new draft owned by the officer. A non-empty text
// becomes its version 1, with note.
func (db *DB) CreateDraft(title, city, text, note string) (Draft, error) {
	var id int64
	err := db.inTx(func(tx pgx.Tx, c context.Context) error {
		latest := 0
		if text != "" {
			latest = 1
		}
		if err := tx.QueryRow(c, `INSERT INTO qicao.drafts (title, city, latest) VALUES ($1, $2, $3) RETURNING id`,
			title, city, latest).Scan(&id); err != nil || text == "" {
			return err
		}
		return db.insertVersion(tx, c, id, 1, text, note)
	})
	if err != nil {
		return Draft{}, wrapf(err, "新建草稿失败", "Creating the draft failed")
	}
	return db.Draft(id)
}

// insertVersion writes version n of a draft. Its structure is not stored
// (doc_json stays NULL): Parse(text) gives it back.
func (db *DB) insertVersion(tx pgx.Tx, c context.Context, draftID int64, n int, text, note string) error {
	_, err := tx.Exec(c, `INSERT INTO qicao.versions (draft_id, n, text, note, author)
		VALUES ($1, $2, $3, $4, `+authorSQL(5)+`)`, draftID, n, text, note, db.Author)
	return err
}

// SaveVersion saves text as the draft's next version, whatever was saved
// meanwhile. The officer's autosaved text equal to text is cleared.
func (db *DB) SaveVersion(draftID int64, text, note string) (Version, error) {
	return db.SaveVersionOn(draftID, -1, text, note)
}

// SaveVersionOn saves text as version base+1, the one after the version
// the officer started from. If someone saved a version since, nothing is
// written and the error is a *ConflictError (matching ErrConflict); base
// < 0 saves on top of whatever is latest.
func (db *DB) SaveVersionOn(draftID int64, base int, text, note string) (Version, error) {
	var n int
	err := db.inTx(func(tx pgx.Tx, c context.Context) error {
		err := tx.QueryRow(c, `UPDATE qicao.drafts SET latest = latest + 1, updated_at = now()
			WHERE id = $1 AND (latest = $2 OR $2 < 0) RETURNING latest`, draftID, base).Scan(&n)
		if errors.Is(err, pgx.ErrNoRows) {
			return db.conflictOrMissing(tx, c, draftID, base)
		}
		if err != nil {
			return err
		}
		if err := db.insertVersion(tx, c, draftID, n, text, note); err != nil {
			return err
		}
		_, err = tx.Exec(c, `DELETE FROM qicao.working WHERE draft_id = $1 AND role = current_user AND text = $2`, draftID, text)
		return err
	})
	if err != nil {
		return Version{}, wrapf(err, "保存草稿 %d 的新版本失败", "Saving a new version of draft %d failed", draftID)
	}
	return db.Version(draftID, n)
}

// conflictOrMissing explains why the update of a draft's latest found no
// row: the draft is gone (or not visible), or its latest moved past base.
func (db *DB) conflictOrMissing(tx pgx.Tx, c context.Context, draftID int64, base int) error {
	var latest int
	err := tx.QueryRow(c, `SELECT latest FROM qicao.drafts WHERE id = $1`, draftID).Scan(&latest)
	if errors.Is(err, pgx.ErrNoRows) {
		return draftMissing(draftID)
	}
	if err != nil {
		return err
	}
	v, err := db.readVersion(tx, c, draftID, latest)
	if err != nil {
		return err
	}
	return &ConflictError{DraftID: draftID, Base: base, Latest: v}
}

// draftColumns selects a Draft as the officer sees it; scanDraft reads it.
const draftColumns = `SELECT d.id, d.title, d.city, d.created_at, d.updated_at,
	w.text IS NOT NULL AND w.text IS DISTINCT FROM (SELECT text FROM qicao.versions v WHERE v.draft_id = d.id AND v.n = d.latest),
	w.updated_at, d.latest
	FROM qicao.drafts d LEFT JOIN qicao.working w ON w.draft_id = d.id AND w.role = current_user`

// scanDraft reads a row selected with draftColumns.
func scanDraft(row pgx.Row) (Draft, error) {
	var d Draft
	var working *time.Time
	if err := row.Scan(&d.ID, &d.Title, &d.City, &d.Created, &d.Updated, &d.HasWorking, &working, &d.Versions); err != nil {
		return Draft{}, err
	}
	d.Created, d.Updated = d.Created.UTC(), d.Updated.UTC()
	if working != nil && d.HasWorking {
		d.WorkingSaved = working.UTC()
	}
	return d, nil
}

// Drafts returns the drafts the officer may see, most recently updated
// first.
func (db *DB) Drafts() ([]Draft, error) {
	return queryAll(db, failed{"读取草稿列表失败", "Reading the list of drafts failed"}, scanDraft, draftColumns+` ORDER BY d.updated_at DESC, d.id DESC`)
}

// Draft returns one draft.
func (db *DB) Draft(id int64) (Draft, error) {
	c, cancel := ctx()
	defer cancel()
	d, err := scanDraft(db.pool.QueryRow(c, draftColumns+` WHERE d.id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return Draft{}, draftMissing(id)
	}
	if err != nil {
		return Draft{}, wrapf(err, "读取草稿 %d 失败", "Reading draft %d failed", id)
	}
	return d, nil
}

// Versions returns the draft's versions in order, without Text and Doc.
func (db *DB) Versions(draftID int64) ([]Version, error) {
	if _, err := db.Draft(draftID); err != nil {
		return nil, err
	}
	return queryAll(db, failed{fmt.Sprintf("读取草稿 %d 的版本失败", draftID), fmt.Sprintf("Reading the versions of draft %d failed", draftID)}, func(row pgx.Row) (Version, error) {
		v := Version{DraftID: draftID}
		err := row.Scan(&v.N, &v.Note, &v.Created, &v.Chars, &v.Author)
		v.Created = v.Created.UTC()
		return v, err
	}, `SELECT n, note, created_at, char_length(text), author FROM qicao.versions WHERE draft_id = $1 ORDER BY n`, draftID)
}

// Version returns version n of a draft with its Text and Doc; n <= 0
// means the latest.
func (db *DB) Version(draftID int64, n int) (Version, error) {
	c, cancel := ctx()
	defer cancel()
	v, err := db.readVersion(db.pool, c, draftID, n)
	if !errors.Is(err, pgx.ErrNoRows) {
		if err != nil {
			return Version{}, wrapf(err, "读取草稿 %d 的版本失败", "Reading the versions of draft %d failed", draftID)
		}
		return v, nil
	}
	if _, err := db.Draft(draftID); err != nil {
		return Version{}, err
	}
	if n <= 0 {
		return Version{}, notFoundf("草稿 %d 还没有保存过版本", "Draft %d has no saved version yet", draftID)
	}
	return Version{}, notFoundf("草稿 %d 没有第 %d 版", "Draft %d has no version %d", draftID, n)
}

// querier is a pool or a transaction.
type querier interface {
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// readVersion reads version n (latest if n <= 0); pgx.ErrNoRows if none.
func (db *DB) readVersion(q querier, c context.Context, draftID int64, n int) (Version, error) {
	v := Version{DraftID: draftID}
	err := q.QueryRow(c, `SELECT n, text, note, created_at, char_length(text), author FROM qicao.versions
		WHERE draft_id = $1 AND (n = $2 OR $2 <= 0) ORDER BY n DESC LIMIT 1`, draftID, n).
		Scan(&v.N, &v.Text, &v.Note, &v.Created, &v.Chars, &v.Author)
	if err != nil {
		return Version{}, err
	}
	v.Created = v.Created.UTC()
	return v, nil
}

// latestText returns the text of the draft's latest version ("" if none),
// or draftMissing.
func (db *DB) latestText(c context.Context, draftID int64) (string, error) {
	var text *string
	err := db.pool.QueryRow(c, `SELECT (SELECT text FROM qicao.versions v WHERE v.draft_id = d.id AND v.n = d.latest)
		FROM qicao.drafts d WHERE d.id = $1`, draftID).Scan(&text)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", draftMissing(draftID)
	}
	if err != nil || text == nil {
		return "", err
	}
	return *text, nil
}

// SetWorking autosaves the officer's own text of a draft. Text equal to
// the latest version clears it instead.
func (db *DB) SetWorking(draftID int64, text string) error {
	c, cancel := ctx()
	defer cancel()
	latest, err := db.latestText(c, draftID)
	if err == nil && latest == text {
		_, err = db.pool.Exec(c, `DELETE FROM qicao.working WHERE draft_id = $1 AND role = current_user`, draftID)
	} else if err == nil {
		_, err = db.pool.Exec(c, `INSERT INTO qicao.working (draft_id, text) VALUES ($1, $2)
			ON CONFLICT (draft_id, role) DO UPDATE SET text = excluded.text, updated_at = now()`, draftID, text)
	}
	if err != nil {
		return wrapf(err, "自动保存失败", "Saving the working text failed")
	}
	return nil
}

// ClearWorking discards the officer's autosaved text of a draft.
func (db *DB) ClearWorking(draftID int64) error {
	c, cancel := ctx()
	defer cancel()
	_, err := db.latestText(c, draftID)
	if err == nil {
		_, err = db.pool.Exec(c, `DELETE FROM qicao.working WHERE draft_id = $1 AND role = current_user`, draftID)
	}
	if err != nil {
		return wrapf(err, "清除自动保存内容失败", "Clearing the working text failed")
	}
	return nil
}

// Working returns the officer's autosaved text; ok is false when there is
// none.
func (db *DB) Working(draftID int64) (text string, ok bool, err error) {
	c, cancel := ctx()
	defer cancel()
	var w *string
	err = db.pool.QueryRow(c, `SELECT (SELECT text FROM qicao.working w WHERE w.draft_id = d.id AND w.role = current_user)
		FROM qicao.drafts d WHERE d.id = $1`, draftID).Scan(&w)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", false, draftMissing(draftID)
	}
	if err != nil {
		return "", false, wrapf(err, "读取自动保存内容失败", "Reading the working text failed")
	}
	if w == nil {
		return "", false, nil
	}
	return *w, true, nil
}

// RenameDraft gives a draft a new title.
func (db *DB) RenameDraft(id int64, title string) error {
	err := db.exec(draftMissing(id), `UPDATE qicao.drafts SET title = $1, updated_at = now() WHERE id = $2`, title, id)
	if err != nil {
		return wrapf(err, "重命名草稿失败", "Renaming the draft failed")
	}
	return nil
}

// errNoRow reports a write that touched no row.
var errNoRow = errors.New("no row")

// DeleteDraft deletes a draft with all its versions; only its owner may.
func (db *DB) DeleteDraft(id int64) error {
	err := db.exec(errNoRow, `DELETE FROM qicao.drafts WHERE id = $1`, id)
	if errors.Is(err, errNoRow) {
		if _, err = db.Draft(id); err == nil {
			err = refusedf("只有草稿的创建者可以删除草稿 %d", "Only the officer who made draft %d may delete it", id)
		}
	}
	if err != nil {
		return wrapf(err, "删除草稿失败", "Deleting the draft failed")
	}
	return nil
}
