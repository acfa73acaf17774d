package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// english makes the rest of the test run in an English locale.
func english(t *testing.T) {
	t.Helper()
	t.Setenv("LANG", "en_US.UTF-8")
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANGUAGE", "")
}

// An import in an English locale tells each file skipped or refused, and
// the count, in English.
func TestCorpusImportInEnglish(t *testing.T) {
	english(t)
	dir := t.TempDir()
	db := filepath.Join(t.TempDir(), "q.db")
	seed, err := os.ReadFile(seedPath(t, "000"))
	if err != nil {
		t.Fatal(err)
	}
	fresh := strings.ReplaceAll(string(seed), "泰安", "日照")
	for name, text := range map[string]string{
		"000.txt": string(seed), "a.txt": fresh, "b.txt": fresh,
		"notes.txt": "这里没有编号条款。\n", "data.bin": "\x00\x01\x02PK\x03",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errOut := run(t, db, "corpus", "add", dir)
	if code != 0 || !strings.Contains(out, "Processed 5/5 files: 1 added, 2 duplicates skipped, 2 not added (") {
		t.Errorf("exit %d, stdout %q", code, out)
	}
	for _, want := range []string{
		"000.txt: the same text as “000_",
		"b.txt: the same text as “a.txt” of this import; skipped\n",
		"notes.txt: no numbered clauses found in “notes.txt”; not added to the corpus\n",
		"data.bin: ",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if strings.ContainsFunc(strings.ReplaceAll(errOut, "000_泰安", ""), func(r rune) bool { return r >= 0x3000 }) {
		t.Errorf("Chinese in the English notes:\n%s", errOut)
	}
	code, _, errOut = run(t, db, "corpus", "add", filepath.Join(dir, "b.txt"))
	if code != 1 || !strings.HasPrefix(errOut, "qicao corpus: “b.txt” has the same text as “a.txt” (corpus:") {
		t.Errorf("one duplicate file: exit %d %q", code, errOut)
	}
}
