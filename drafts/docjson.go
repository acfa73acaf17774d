package drafts

import (
	"encoding/json"
	"fmt"
)

// UnmarshalStored reads back, for the text it was stored with, the JSON
// of a Document that a store once kept beside its text (SQLite's
// corpus_docs.doc_json before its migration 004; nothing writes it now,
// and Parse(text) gives the faithful document); nil JSON gives nil. The
// document gets back its Source, each node's Level and each label's
// Style. Spans other than paragraph spans, and Units, do not come back.
func UnmarshalStored(js []byte, text string) (*Document, error) {
	if js == nil {
		return nil, nil
	}
	var doc Document
	if err := json.Unmarshal(js, &doc); err != nil {
		return nil, fmt.Errorf("文档结构已损坏: %w", err)
	}
	doc.Source = text
	restoreNodes(doc.Nodes, 1)
	return &doc, nil
}

// restoreNodes sets Level and Style on nodes at level and below.
func restoreNodes(nodes []*Node, level int) {
	for _, n := range nodes {
		n.Level = level
		if l, ok := ParseLabel(n.Label); ok {
			n.Style = l.Style
		}
		restoreNodes(n.Children, level+1)
	}
}
