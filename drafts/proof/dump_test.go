package proof

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"qicao/drafts"
)

// TestDump prints the findings on a file named by $PROOF_DUMP (a
// development aid; skipped otherwise).
func TestDump(t *testing.T) {
	path := os.Getenv("PROOF_DUMP")
	if path == "" {
		t.Skip("PROOF_DUMP not set")
	}
	files, _ := filepath.Glob(path)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := drafts.Parse(string(data))
		if err != nil {
			t.Fatal(err)
		}
		fmt.Printf("== %s (%s)\n", filepath.Base(f), doc.City)
		for _, it := range Check(doc, Options{Hints: os.Getenv("PROOF_HINTS") != "", Organs: seedOrgans(t)}) {
			fx := "—"
			if it.Fix != nil {
				fx = "「" + *it.Fix + "」"
			}
			ctx := context(doc.Source, it.Start, it.End)
			fmt.Printf("%-22s %-7s %5d-%-5d ×%-3d 「%s」→%s  %s  …%s…\n", it.ID, it.Severity, it.Start, it.End, it.Count, it.Text, fx, it.Message, ctx)
			if os.Getenv("PROOF_OCC") == it.ID {
				for _, o := range it.Occurrences {
					fmt.Printf("    %d …%s…\n", o.Start, strings.ReplaceAll(context(doc.Source, o.Start, o.End), "\n", "⏎"))
				}
			}
		}
	}
}

func context(src string, s, e int) string {
	lo, hi := max(0, s-24), min(len(src), e+24)
	for lo > 0 && !isRuneStart(src[lo]) {
		lo--
	}
	for hi < len(src) && !isRuneStart(src[hi]) {
		hi++
	}
	return src[lo:hi]
}
