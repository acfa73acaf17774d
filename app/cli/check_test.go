package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckJSONShape: qicao check --json writes findings with exactly the
// fields other tools read, and a summary.
func TestCheckJSONShape(t *testing.T) {
	code, out, errs := run(t, "", "check", "--json", seedPath(t, "000"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got struct {
		Findings []map[string]json.RawMessage `json:"findings"`
		Summary  map[string]json.RawMessage   `json:"summary"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Findings) < 12 {
		t.Fatalf("%d findings on 000, want at least 12", len(got.Findings))
	}
	for _, f := range got.Findings {
		for _, k := range []string{"id", "severity", "kind", "start", "end", "text", "message", "rule", "fix"} {
			if _, ok := f[k]; !ok {
				t.Errorf("finding without %q: %v", k, f)
			}
		}
	}
	if _, ok := got.Summary["findings"]; !ok {
		t.Errorf("summary without findings count: %v", got.Summary)
	}
}

// TestCheckFix: --fix -o writes the corrected text, which checks clean;
// an issued seed's structure is kept.
func TestCheckFix(t *testing.T) {
	out := filepath.Join(t.TempDir(), "fixed.txt")
	if code, _, errs := run(t, "", "check", "--fix", "-o", out, seedPath(t, "000")); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, gone := range []string{"领域领域", "栓心留人", "充分泰安"} {
		if strings.Contains(string(data), gone) {
			t.Errorf("%q left in the fixed text", gone)
		}
	}
	code, text, _ := run(t, "", "check", out)
	if code != 0 || !strings.Contains(text, "未发现问题") {
		t.Errorf("fixed text still has findings:\n%s", text)
	}
}
