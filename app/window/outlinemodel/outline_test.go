package outlinemodel

import (
	"slices"
	"strings"
	"testing"

	"qicao/drafts"
)

const text = "关于加快科技创新的实施意见\n\n一、总体要求\n以科技创新引领产业体系建设。\n\n二、重点任务\n1.培育创新企业。到2026年，高新技术企业达到1300家。\n2.建设创新平台。布局建设一批重点实验室。\n"

func parse(t *testing.T) *drafts.Document {
	t.Helper()
	doc, err := drafts.Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestPaths(t *testing.T) {
	doc := parse(t)
	for _, tc := range []struct {
		path    []int
		heading string // "" for no node
	}{
		{[]int{0}, "总体要求"},
		{[]int{1}, "重点任务"},
		{[]int{1, 0}, "培育创新企业"},
		{[]int{1, 1}, "建设创新平台"},
		{[]int{1, 2}, ""},
		{[]int{2}, ""},
		{[]int{-1}, ""},
		{nil, ""},
	} {
		n := NodeAtPath(doc, tc.path)
		got := ""
		if n != nil {
			got = n.Heading
		}
		if got != tc.heading {
			t.Errorf("NodeAtPath(%v) = %q, want %q", tc.path, got, tc.heading)
		}
		if n != nil && !slices.Equal(PathOf(doc, n), tc.path) {
			t.Errorf("PathOf(%q) = %v, want %v", got, PathOf(doc, n), tc.path)
		}
	}
	// A path names the same place in a new parse of the same tree.
	again := parse(t)
	if n := NodeAtPath(again, PathOf(doc, NodeAtPath(doc, []int{1, 1}))); n == nil || n.Heading != "建设创新平台" {
		t.Errorf("the path does not survive a re-parse: %v", n)
	}
	if PathOf(again, NodeAtPath(doc, []int{0})) != nil || PathOf(nil, nil) != nil || NodeAtPath(nil, []int{0}) != nil {
		t.Error("a node of another parse, or no document, has a path")
	}
}

func TestNodeAtOffset(t *testing.T) {
	doc := parse(t)
	at := func(s string) int { return strings.Index(text, s) }
	for _, tc := range []struct {
		offset             int
		starting, startsAt string // headings; "" for none
	}{
		{at("一、"), "总体要求", "总体要求"},
		{at("以科技"), "总体要求", ""},
		{at("1.培育"), "培育创新企业", "培育创新企业"},
		{at("布局"), "建设创新平台", ""},
		{0, "", ""},
	} {
		name := func(n *drafts.Node) string {
			if n == nil {
				return ""
			}
			return n.Heading
		}
		if got := name(NodeStartingAt(doc, tc.offset)); got != tc.starting {
			t.Errorf("NodeStartingAt(%d) = %q, want %q", tc.offset, got, tc.starting)
		}
		if got := name(NodeAt(doc, tc.offset)); got != tc.startsAt {
			t.Errorf("NodeAt(%d) = %q, want %q", tc.offset, got, tc.startsAt)
		}
	}
	if NodeStartingAt(nil, 3) != nil || NodeAt(nil, 3) != nil {
		t.Error("a node without a document")
	}
}
