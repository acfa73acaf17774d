package drafts

import (
	"encoding/json"
	"fmt"
)

// MarshalStored returns doc as the JSON a store keeps beside its text;
// nil gives nil. The JSON leaves out what can be derived from the text.
func MarshalStored(doc *Document) ([]byte, error) {
	if doc == nil {
		return nil, nil
	}
	b, err := json.Marshal(doc)
	if err != nil {
		return nil, fmt.Errorf("文档结构无法保存: %w", err)
	}
	return b, nil
}

// UnmarshalStored reads JSON made by MarshalStored back for the text it
// was stored with; nil JSON gives nil. The document gets back its Source,
// each node's Level and each label's Style. Spans other than paragraph
// spans, and Units, do not come back: re-parse the text for those.
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
