package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func corpusFile(t *testing.T, prefix string) string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join("..", "..", "assets", "corpus", prefix+"_*.txt"))
	if len(files) != 1 {
		t.Fatalf("corpus %s: %v", prefix, files)
	}
	return files[0]
}

func runCLI(t *testing.T, args ...string) string {
	t.Helper()
	var out, errOut bytes.Buffer
	if code := Main(args, strings.NewReader(""), &out, &errOut); code != 0 {
		t.Fatalf("qicao %v: exit %d: %s", args, code, errOut.String())
	}
	return out.String()
}

func TestCompareJSON(t *testing.T) {
	out := runCLI(t, "compare", "--json", corpusFile(t, "000"), corpusFile(t, "002"))
	var v struct {
		Old     map[string]any   `json:"old"`
		New     map[string]any   `json:"new"`
		Summary map[string]int   `json:"summary"`
		Pairs   []map[string]any `json:"pairs"`
		Figures []map[string]any `json:"figures"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"modified", "added", "deleted", "moved", "merged", "split", "unchanged", "punctuation_only"} {
		if _, ok := v.Summary[k]; !ok {
			t.Errorf("summary lacks %s", k)
		}
	}
	if v.New["number"] != "泰政发〔2024〕5号" || v.Summary["deleted"] != 3 {
		t.Errorf("new %v, summary %v", v.New["number"], v.Summary)
	}
	for _, p := range v.Pairs {
		for _, k := range []string{"kind", "similarity", "old", "new", "ops"} {
			if _, ok := p[k]; !ok {
				t.Fatalf("pair lacks %s: %v", k, p)
			}
		}
	}
	if !strings.Contains(out, `"~",`) {
		t.Errorf("no '~' op in the JSON")
	}
	if len(v.Figures) == 0 || v.Figures[0]["subject"] == nil {
		t.Errorf("figures %v", v.Figures)
	}
}

func TestCompareRedline(t *testing.T) {
	out := runCLI(t, "compare", corpusFile(t, "000"), corpusFile(t, "002"))
	for _, want := range []string{"【删除】16.改革提升泰山创新谷 → —", "【拆分】11.培育高新技术企业 → 10.培育科技型中小企业",
		"[-强化-]{+推动+}数字[-化-]赋能{+产业升级+}", "高新技术企业：1200家 → 1300家"} {
		if !strings.Contains(out, want) {
			t.Errorf("redline lacks %q", want)
		}
	}
	if strings.Contains(out, "\x1b") {
		t.Errorf("colour when not writing to a terminal")
	}
	strict := runCLI(t, "compare", "--strict", corpusFile(t, "000"), corpusFile(t, "002"))
	if !strings.Contains(strict, "[~，~,~]") {
		t.Errorf("--strict shows no change of form")
	}
}

func TestCompareHTML(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "compare.html")
	runCLI(t, "compare", "--html", page, corpusFile(t, "000"), corpusFile(t, "002"))
	b, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	html := string(b)
	for _, want := range []string{"<svg", "<del>", "<ins>", "对照表", "目标变化", "@media print", "1300家"} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	// Self-contained: nothing fetched from elsewhere.
	if m := regexp.MustCompile(`(?i)(src|href)\s*=\s*"(https?:)?//|@import|url\(`).FindString(html); m != "" {
		t.Errorf("page refers outside itself: %q", m)
	}
	screenshot(t, page, filepath.Join(dir, "compare.png"))
}

// screenshot renders the page in headless Chromium when it is installed,
// to prove the page loads offline; the PNG is for a person to look at.
func screenshot(t *testing.T, page, png string) {
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		t.Log("chromium not installed: page not rendered")
		return
	}
	cmd := exec.Command(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir="+t.TempDir(),
		"--screenshot="+png, "--window-size=1280,2000", "file://"+page)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, out)
	}
	if fi, err := os.Stat(png); err != nil || fi.Size() < 10000 {
		t.Errorf("screenshot %v %v", fi, err)
	}
}

func TestCompareWritesWordFiles(t *testing.T) {
	dir := t.TempDir()
	rev, table := filepath.Join(dir, "rev.docx"), filepath.Join(dir, "table.docx")
	out := runCLI(t, "compare", corpusFile(t, "000"), corpusFile(t, "002"), "--docx", rev, "--table", table)
	for _, f := range []string{rev, table} {
		if fi, err := os.Stat(f); err != nil || fi.Size() < 5000 || !strings.Contains(out, f) {
			t.Errorf("%s: %v (output %q)", f, err, out)
		}
	}
}
