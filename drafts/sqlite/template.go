package sqlite

import (
	"database/sql"
	"encoding/json"
	"fmt"
)

// TemplateRow is a stored template. The store keeps Placeholders and
// Provenance as the JSON it is given; their meaning belongs to the
// templates package.
type TemplateRow struct {
	Name, Category, Body string
	// Placeholders and Provenance are JSON, nil when absent.
	Placeholders, Provenance json.RawMessage
	Version                  string
	Builtin                  bool
}

// SaveTemplate stores t, replacing any template of the same name.
func (db *DB) SaveTemplate(t TemplateRow) error {
	if err := db.inTx(func(tx *sql.Tx) error { return insertTemplate(tx, t) }); err != nil {
		return wrapf(err, "保存模板“%s”失败", "Saving the template “%s” failed", t.Name)
	}
	return nil
}

// insertTemplate writes t in tx, replacing any template of the same name.
func insertTemplate(tx *sql.Tx, t TemplateRow) error {
	ph, err := rawJSON(t.Placeholders, "占位符")
	if err != nil {
		return err
	}
	prov, err := rawJSON(t.Provenance, "来源")
	if err != nil {
		return err
	}
	_, err = tx.Exec(`INSERT INTO templates (name, category, body, placeholders_json, provenance_json, version, builtin)
		VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (name) DO UPDATE SET category = excluded.category, body = excluded.body,
			placeholders_json = excluded.placeholders_json, provenance_json = excluded.provenance_json,
			version = excluded.version, builtin = excluded.builtin`,
		t.Name, t.Category, t.Body, ph, prov, t.Version, t.Builtin)
	return err
}

// rawJSON returns raw for a JSON column, NULL when empty; invalid JSON is
// refused so that reading the template back cannot fail.
func rawJSON(raw json.RawMessage, what string) (sql.NullString, error) {
	if len(raw) == 0 {
		return sql.NullString{}, nil
	}
	if !json.Valid(raw) {
		return sql.NullString{}, fmt.Errorf("%s不是有效的 JSON", what)
	}
	return sql.NullString{String: string(raw), Valid: true}, nil
}

// templateColumns selects a TemplateRow; scanTemplate reads it.
const templateColumns = `SELECT name, category, body, placeholders_json, provenance_json, version, builtin FROM templates`

// scanTemplate reads a row selected with templateColumns.
func scanTemplate(row rowScanner) (TemplateRow, error) {
	var t TemplateRow
	var ph, prov sql.NullString
	if err := row.Scan(&t.Name, &t.Category, &t.Body, &ph, &prov, &t.Version, &t.Builtin); err != nil {
		return TemplateRow{}, err
	}
	if ph.Valid {
		t.Placeholders = json.RawMessage(ph.String)
	}
	if prov.Valid {
		t.Provenance = json.RawMessage(prov.String)
	}
	return t, nil
}

// Templates returns all templates by category, then name.
func (db *DB) Templates() ([]TemplateRow, error) {
	return queryAll(db, failed{"读取模板失败", "Reading the templates failed"}, scanTemplate, templateColumns+` ORDER BY category, name`)
}

// Template returns the template called name.
func (db *DB) Template(name string) (TemplateRow, error) {
	t, err := scanTemplate(db.sql.QueryRow(templateColumns+` WHERE name = ?`, name))
	if err == sql.ErrNoRows {
		return TemplateRow{}, notFoundf("模板“%s”不存在", "There is no template “%s”", name)
	}
	if err != nil {
		return TemplateRow{}, wrapf(err, "读取模板“%s”失败", "Reading the template “%s” failed", name)
	}
	return t, nil
}

// DeleteTemplate deletes the template called name.
func (db *DB) DeleteTemplate(name string) error {
	res, err := db.exec(`DELETE FROM templates WHERE name = ?`, name)
	if err := affectedOne(res, err, notFoundf("模板“%s”不存在", "There is no template “%s”", name)); err != nil {
		return wrapf(err, "删除模板失败", "Deleting the template failed")
	}
	return nil
}
