package proof

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// issuedFiles are the issued documents the checks must stay quiet on
// except for real faults: the issued seeds and the collected documents
// (the 杭州 征求意见稿 is a draft and left out).
func issuedFiles(t *testing.T) []string {
	seeds, _ := filepath.Glob("../../assets/corpus/00[1-4]_*.txt")
	docs, _ := filepath.Glob("testdata/*.txt")
	var out []string
	for _, f := range append(seeds, docs...) {
		if !strings.Contains(f, "draft") {
			out = append(out, f)
		}
	}
	if len(out) < 20 {
		t.Fatalf("only %d issued documents", len(out))
	}
	return out
}

// findingLine is one default-severity finding as testdata/issued.findings
// lists it: file, check, byte offset, text at the span, count.
func findingLine(file string, it Item) string {
	text := strings.NewReplacer("\n", "⏎", "\r", "", "\t", "⇥").Replace(it.Text)
	return fmt.Sprintf("%s\t%s\t%d\t%s\t%d", filepath.Base(file), it.ID, it.Start, text, it.Count)
}

// TestIssuedFindings runs every check at the default severity on the
// issued documents and compares what it finds with
// testdata/issued.findings, the list of findings read by hand and judged
// real faults (of the document or of its web copy), each with its reading. A finding not in the
// list is a false alarm (or a new finding to read); one in the list not
// found is a fault the checks stopped seeing.
func TestIssuedFindings(t *testing.T) {
	want := map[string]bool{}
	f, err := os.Open("testdata/issued.findings")
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := sc.Text()
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		fields := strings.Split(l, "\t")
		if len(fields) < 6 || fields[5] == "" {
			t.Fatalf("line without its reading: %q", l)
		}
		want[strings.Join(fields[:5], "\t")] = true
	}
	f.Close()
	got := map[string]bool{}
	var lines []string
	for _, file := range issuedFiles(t) {
		for _, it := range Check(parseFile(t, file), Options{Organs: seedOrgans(t)}) {
			l := findingLine(file, it)
			got[l] = true
			lines = append(lines, l)
		}
	}
	if os.Getenv("PROOF_LIST") != "" {
		fmt.Println(strings.Join(lines, "\n"))
	}
	var extra, missing []string
	for l := range got {
		if !want[l] {
			extra = append(extra, l)
		}
	}
	for l := range want {
		if !got[l] {
			missing = append(missing, l)
		}
	}
	sort.Strings(extra)
	sort.Strings(missing)
	for _, l := range extra {
		t.Errorf("finding not read as a real fault (false alarm?): %s", l)
	}
	for _, l := range missing {
		t.Errorf("real fault no longer found: %s", l)
	}
}
