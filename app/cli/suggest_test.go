package cli

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

const seed000 = "../../assets/corpus/000_821d8b4d3cdede77.txt"

func runSuggestCLI(t *testing.T, args ...string) (string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(args, strings.NewReader(""), &out, &errb)
	return out.String() + errb.String(), code
}

func TestSuggestJSON(t *testing.T) {
	out, code := runSuggestCLI(t, "suggest", "--json", "-k", "3", "--file", seed000, "--clause", "25")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, out)
	}
	var got struct {
		Suggestions []struct {
			Score                                     float64
			City, Number, Title, Date, Label, Heading string
			Text                                      string
			Spans                                     [][2]int
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(got.Suggestions) != 3 {
		t.Fatalf("%d suggestions", len(got.Suggestions))
	}
	for _, s := range got.Suggestions {
		if s.City == "泰安" {
			t.Errorf("泰安's own clause suggested: %s", s.Heading)
		}
		if !strings.Contains(s.Heading, "金融") {
			t.Errorf("clause 25 (科技金融) → %s", s.Heading)
		}
		r := []rune(s.Text)
		for _, sp := range s.Spans {
			if sp[0] < 0 || sp[1] > len(r) || sp[0] >= sp[1] {
				t.Errorf("bad span %v", sp)
			}
		}
	}
}

func TestSuggestText(t *testing.T) {
	out, code := runSuggestCLI(t, "suggest", "--text", "海外人才", "-k", "2", "--exclude-city", "泰安")
	if code != 0 || !strings.Contains(out, "大力吸引海外高层次人才") || !strings.Contains(out, "【海外】") {
		t.Fatalf("exit %d:\n%s", code, out)
	}
	if _, code := runSuggestCLI(t, "suggest"); code != 2 {
		t.Errorf("no query: exit %d, want 2", code)
	}
	if out, code := runSuggestCLI(t, "suggest", "--file", seed000, "--clause", "99"); code != 1 {
		t.Errorf("no clause 99: exit %d\n%s", code, out)
	}
}

func TestGapsCommand(t *testing.T) {
	out, code := runSuggestCLI(t, "gaps", seed000)
	if code != 0 || !strings.Contains(out, "谋划布局重大科技基础设施") || !strings.Contains(out, "倡導寬容失敗文化生態") {
		t.Fatalf("exit %d:\n%s", code, out)
	}
	out, code = runSuggestCLI(t, "gaps", "--json", seed000)
	var got struct {
		Draft  struct{ City string }
		Groups []struct {
			City string
			Gaps []struct{ Heading string }
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil || code != 0 {
		t.Fatalf("exit %d, %v", code, err)
	}
	if got.Draft.City != "泰安" || len(got.Groups) == 0 {
		t.Errorf("gaps JSON: %+v", got)
	}
}
