package proof

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestTable prints, with PROOF_TABLE set, how often each check fires on the
// draft 000, on the issued seeds and on the collected documents: items (a
// fault repeated throughout counts once) and the places they cover. The
// figures go into docs/BENCHMARKS.md with the false alarms read by hand.
func TestTable(t *testing.T) {
	if os.Getenv("PROOF_TABLE") == "" {
		t.Skip("PROOF_TABLE not set")
	}
	sets := []struct{ name, pattern string }{
		{"000", "../../assets/corpus/000_*.txt"},
		{"issued", "../../assets/corpus/00[1-4]_*.txt"},
		{"testdata", "testdata/*.txt"},
	}
	type cell struct{ items, places int }
	table := map[string]map[string]*cell{}
	for _, set := range sets {
		files, _ := filepath.Glob(set.pattern)
		for _, f := range files {
			for _, it := range Check(parseFile(t, f), Options{Hints: true, Organs: seedOrgans(t)}) {
				key := it.ID + " (" + string(it.Severity) + ")"
				if table[key] == nil {
					table[key] = map[string]*cell{}
				}
				if table[key][set.name] == nil {
					table[key][set.name] = &cell{}
				}
				table[key][set.name].items++
				table[key][set.name].places += it.Count
			}
		}
	}
	var keys []string
	for k := range table {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		var cols []string
		for _, set := range sets {
			c := table[k][set.name]
			if c == nil {
				c = &cell{}
			}
			cols = append(cols, fmt.Sprintf("%d / %d", c.items, c.places))
		}
		fmt.Printf("| `%s` | %s |\n", k, strings.Join(cols, " | "))
	}
}
