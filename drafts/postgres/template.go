package postgres

import (
	"encoding/json"
	"errors"

	"github.com/jackc/pgx/v5"

	"qicao/drafts"
)

// SaveTemplate stores t, replacing any template of the same name. Only
// curators may.
func (db *DB) SaveTemplate(t TemplateRow) error {
	ph, err := rawJSON(t.Placeholders, "占位符", "the placeholders")
	if err == nil {
		var prov *string
		if prov, err = rawJSON(t.Provenance, "来源", "the provenance"); err == nil {
			err = db.exec(nil, `INSERT INTO qicao.templates (name, category, body, placeholders_json, provenance_json, version, builtin)
				VALUES ($1, $2, $3, $4, $5, $6, $7)
				ON CONFLICT (name) DO UPDATE SET category = excluded.category, body = excluded.body,
					placeholders_json = excluded.placeholders_json, provenance_json = excluded.provenance_json,
					version = excluded.version, builtin = excluded.builtin`,
				t.Name, t.Category, t.Body, ph, prov, t.Version, t.Builtin)
		}
	}
	if err != nil {
		return wrapf(err, "保存模板“%s”失败", "Saving template “%s” failed", t.Name)
	}
	return nil
}

// rawJSON returns raw for a JSON column, NULL when empty; invalid JSON is
// refused, named by what (in Chinese and English), so that reading the
// template back cannot fail.
func rawJSON(raw json.RawMessage, what, whatEnglish string) (*string, error) {
	if len(raw) == 0 {
		return nil, nil
	}
	if !json.Valid(raw) {
		return nil, drafts.Errorf(drafts.EInvalid, what+"不是有效的 JSON", whatEnglish+" are not valid JSON")
	}
	s := string(raw)
	return &s, nil
}

const templateColumns = `SELECT name, category, body, placeholders_json, provenance_json, version, builtin FROM qicao.templates`

// scanTemplate reads a row selected with templateColumns.
func scanTemplate(row pgx.Row) (TemplateRow, error) {
	var t TemplateRow
	var ph, prov *string
	if err := row.Scan(&t.Name, &t.Category, &t.Body, &ph, &prov, &t.Version, &t.Builtin); err != nil {
		return TemplateRow{}, err
	}
	if ph != nil {
		t.Placeholders = json.RawMessage(*ph)
	}
	if prov != nil {
		t.Provenance = json.RawMessage(*prov)
	}
	return t, nil
}

// Templates returns all templates by category, then name.
func (db *DB) Templates() ([]TemplateRow, error) {
	return queryAll(db, failed{"读取模板失败", "Reading the templates failed"}, scanTemplate, templateColumns+` ORDER BY category COLLATE "C", name COLLATE "C"`)
}

// Template returns the template called name.
func (db *DB) Template(name string) (TemplateRow, error) {
	c, cancel := ctx()
	defer cancel()
	t, err := scanTemplate(db.pool.QueryRow(c, templateColumns+` WHERE name = $1`, name))
	if errors.Is(err, pgx.ErrNoRows) {
		return TemplateRow{}, notFoundf("模板“%s”不存在", "There is no template “%s”", name)
	}
	if err != nil {
		return TemplateRow{}, wrapf(err, "读取模板“%s”失败", "Reading template “%s” failed", name)
	}
	return t, nil
}

// DeleteTemplate deletes the template called name.
func (db *DB) DeleteTemplate(name string) error {
	if err := db.exec(notFoundf("模板“%s”不存在", "There is no template “%s”", name), `DELETE FROM qicao.templates WHERE name = $1`, name); err != nil {
		return wrapf(err, "删除模板失败", "Deleting the template failed")
	}
	return nil
}
