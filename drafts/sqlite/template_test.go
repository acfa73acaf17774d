package sqlite

import (
	"encoding/json"
	"errors"
	"testing"
)

func TestTemplates(t *testing.T) {
	db := openTest(t)
	a := TemplateRow{Name: "保障措施", Category: "结尾", Body: "（一）加强组织领导。{{牵头单位}}……",
		Placeholders: json.RawMessage(`["牵头单位"]`), Provenance: json.RawMessage(`{"doc":"000"}`), Version: "1", Builtin: true}
	b := TemplateRow{Name: "总体要求", Category: "开头", Body: "以习近平新时代中国特色社会主义思想为指导……"}
	for _, tr := range []TemplateRow{a, b} {
		if err := db.SaveTemplate(tr); err != nil {
			t.Fatal(err)
		}
	}
	list, err := db.Templates()
	if err != nil || len(list) != 2 || list[0].Name != "总体要求" || list[1].Name != "保障措施" {
		t.Fatalf("Templates = %+v, %v", list, err)
	}
	if got := list[1]; string(got.Placeholders) != `["牵头单位"]` || !got.Builtin || got.Version != "1" {
		t.Fatalf("template = %+v", got)
	}
	if list[0].Placeholders != nil || list[0].Provenance != nil {
		t.Fatalf("absent JSON read back as %q, %q", list[0].Placeholders, list[0].Provenance)
	}

	a.Body, a.Version = "新正文", "2"
	if err := db.SaveTemplate(a); err != nil {
		t.Fatal(err)
	}
	if got, err := db.Template(a.Name); err != nil || got.Body != "新正文" || got.Version != "2" {
		t.Fatalf("replaced template = %+v, %v", got, err)
	}
	bad := b
	bad.Placeholders = json.RawMessage(`[未闭合`)
	if err := db.SaveTemplate(bad); err == nil {
		t.Fatal("invalid placeholders JSON accepted")
	}
	if err := db.DeleteTemplate(a.Name); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Template(a.Name); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Template after delete: %v", err)
	}
}
