package workspace

import (
	"encoding/json"
	"fmt"
	"sort"

	"qicao/drafts/sqlite"
	"qicao/templates"
)

// SaveTemplate stores a template; builtin marks one shipped with Qicao.
func (w *Workspace) SaveTemplate(t templates.Template, builtin bool) error {
	row, err := templateRow(t, builtin)
	if err != nil {
		return err
	}
	return w.db.SaveTemplate(row)
}

// templateRow converts a template to the store's row.
func templateRow(t templates.Template, builtin bool) (sqlite.TemplateRow, error) {
	ph, err := json.Marshal(t.Placeholders)
	if err != nil {
		return sqlite.TemplateRow{}, err
	}
	prov, err := json.Marshal(t.Provenance)
	if err != nil {
		return sqlite.TemplateRow{}, err
	}
	return sqlite.TemplateRow{Name: t.Name, Category: t.Category, Body: t.Body,
		Placeholders: ph, Provenance: prov, Version: t.Version, Builtin: builtin}, nil
}

// fromTemplateRow converts a stored row to a template.
func fromTemplateRow(r sqlite.TemplateRow) (templates.Template, error) {
	t := templates.Template{Name: r.Name, Category: r.Category, Body: r.Body, Version: r.Version,
		Placeholders: []templates.Placeholder{}, Provenance: []templates.Provenance{}}
	if len(r.Placeholders) > 0 {
		if err := json.Unmarshal(r.Placeholders, &t.Placeholders); err != nil {
			return t, fmt.Errorf("模板“%s”的占位符数据损坏：%w", r.Name, err)
		}
	}
	if len(r.Provenance) > 0 {
		if err := json.Unmarshal(r.Provenance, &t.Provenance); err != nil {
			return t, fmt.Errorf("模板“%s”的来源数据损坏：%w", r.Name, err)
		}
	}
	return t, nil
}

// Templates returns the stored templates and the built-in ones not stored
// (yet), sorted by category then name.
func (w *Workspace) Templates() ([]templates.Template, error) {
	rows, err := w.db.Templates()
	if err != nil {
		return nil, err
	}
	var out []templates.Template
	have := map[string]bool{}
	for _, r := range rows {
		t, err := fromTemplateRow(r)
		if err != nil {
			return nil, err
		}
		have[t.Name] = true
		out = append(out, t)
	}
	builtin, err := templates.Builtin()
	if err != nil {
		return nil, err
	}
	for _, t := range builtin {
		if !have[t.Name] {
			out = append(out, t)
		}
	}
	sortTemplates(out)
	return out, nil
}

// sortTemplates orders templates by category (document order) then name.
func sortTemplates(ts []templates.Template) {
	rank := map[string]int{}
	for i, c := range templates.Categories {
		rank[c] = i + 1
	}
	sort.SliceStable(ts, func(i, j int) bool {
		ri, rj := rank[ts[i].Category], rank[ts[j].Category]
		if ri != rj {
			return ri < rj
		}
		return ts[i].Name < ts[j].Name
	})
}
