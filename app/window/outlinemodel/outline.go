// Package outlinemodel holds the outline's rules of selection in plain Go,
// apart from its widgets: how the node under the cursor is named (its path
// of child indexes, which survives a re-parse of the same tree) and found
// again, and which node a place in the text belongs to. It imports no
// Fyne, so its table tests run without cgo's Fyne build.
package outlinemodel

import "qicao/drafts"

// NodeAtPath follows child indexes from the document's top; nil if the
// path leads nowhere.
func NodeAtPath(doc *drafts.Document, path []int) *drafts.Node {
	if doc == nil || len(path) == 0 {
		return nil
	}
	nodes := doc.Nodes
	var n *drafts.Node
	for _, i := range path {
		if i < 0 || i >= len(nodes) {
			return nil
		}
		n = nodes[i]
		nodes = n.Children
	}
	return n
}

// PathOf returns the child indexes leading to n in doc; nil when n is not
// in doc.
func PathOf(doc *drafts.Document, n *drafts.Node) []int {
	if doc == nil || n == nil {
		return nil
	}
	var find func(nodes []*drafts.Node, path []int) []int
	find = func(nodes []*drafts.Node, path []int) []int {
		for i, c := range nodes {
			p := append(append([]int(nil), path...), i)
			if c == n {
				return p
			}
			if found := find(c.Children, p); found != nil {
				return found
			}
		}
		return nil
	}
	return find(doc.Nodes, nil)
}

// NodeStartingAt returns the node of doc whose span starts at offset, or
// the last one starting before it.
func NodeStartingAt(doc *drafts.Document, offset int) *drafts.Node {
	if doc == nil {
		return nil
	}
	var found *drafts.Node
	doc.Walk(func(n, _ *drafts.Node) {
		if n.Span.Start <= offset && (found == nil || n.Span.Start > found.Span.Start) {
			found = n
		}
	})
	return found
}

// NodeAt returns the node of doc whose span starts at offset, or nil.
// (Each node begins a paragraph of its own: no two start together.)
func NodeAt(doc *drafts.Document, offset int) *drafts.Node {
	if n := NodeStartingAt(doc, offset); n != nil && n.Span.Start == offset {
		return n
	}
	return nil
}
