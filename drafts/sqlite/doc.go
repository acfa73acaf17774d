package sqlite

import (
	"database/sql"
	"encoding/json"
	"fmt"

	"qicao/drafts"
)

// marshalDoc returns doc as JSON for a doc_json column, or NULL for nil.
func marshalDoc(doc *drafts.Document) (sql.NullString, error) {
	if doc == nil {
		return sql.NullString{}, nil
	}
	b, err := json.Marshal(doc)
	if err != nil {
		return sql.NullString{}, fmt.Errorf("文档结构无法保存: %w", err)
	}
	return sql.NullString{String: string(b), Valid: true}, nil
}

// unmarshalDoc reads a doc_json column back; NULL gives nil. The JSON
// leaves out what can be derived, so the document gets back its Source
// (the text it was stored with, which is the text it was parsed from),
// each node's Level, and each label's Style. Spans other than paragraph
// spans, and Units, do not come back: re-parse the text for those.
func unmarshalDoc(js sql.NullString, text string) (*drafts.Document, error) {
	if !js.Valid {
		return nil, nil
	}
	var doc drafts.Document
	if err := json.Unmarshal([]byte(js.String), &doc); err != nil {
		return nil, fmt.Errorf("文档结构已损坏: %w", err)
	}
	doc.Source = text
	restoreNodes(doc.Nodes, 1)
	return &doc, nil
}

// restoreNodes sets Level and Style on nodes at level and below.
func restoreNodes(nodes []*drafts.Node, level int) {
	for _, n := range nodes {
		n.Level = level
		if _, style, _, _, ok := drafts.ParseLabel(n.Label); ok {
			n.Style = style
		}
		restoreNodes(n.Children, level+1)
	}
}

// marshalStrings returns ss as a JSON array, "[]" for none.
func marshalStrings(ss []string) string {
	if ss == nil {
		ss = []string{}
	}
	b, _ := json.Marshal(ss) // a []string always marshals
	return string(b)
}
