package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCorpusAddFolder imports a folder: documents the corpus already has
// (the built-in ones, one of them re-spaced with its commas half-width)
// are skipped as duplicates, files without clauses or unreadable are
// refused with a message, the new document is stored once and found by
// suggest; a second run adds nothing.
func TestCorpusAddFolder(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(t.TempDir(), "q.db")
	write := func(name, text string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	read := func(prefix string) string {
		b, err := os.ReadFile(seedPath(t, prefix))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	for _, p := range []string{"000", "003"} {
		write(p+".txt", read(p))
	}
	write("sub/003-copy.txt", strings.ReplaceAll(strings.ReplaceAll(read("003"), "，", ","), "。", "。 "))
	fresh := strings.Replace(read("004"), "烟台", "日照", -1)
	write("sub/deeper/日照.txt", fresh)
	write("sub/日照-again.txt", fresh)
	write("notes.txt", "这里没有编号条款。\n")
	write("data.bin", "\x00\x01\x02PK\x03")
	write(".hidden/skip.txt", read("001"))
	code, out, errOut := run(t, db, "corpus", "add", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	t.Logf("stdout %s\nstderr %s", out, errOut)
	if !strings.Contains(out, "已处理 7/7 个文件：加入 1，跳过重复 4，未能加入 2") {
		t.Errorf("summary: %s", out)
	}
	for _, want := range []string{"003-copy.txt：与参考文件库中的「003_", "日照-again.txt：与本次导入的「日照.txt」内容相同", "notes.txt：", "data.bin："} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q", want)
		}
	}
	_, list, _ := run(t, db, "corpus", "list")
	if n := strings.Count(list, "\n"); n != 6 {
		t.Errorf("corpus has %d documents, want 6:\n%s", n, list)
	}
	_, sug, _ := run(t, db, "suggest", "--text", "推动国有企业创新示范", "--city", "日照")
	if !strings.Contains(sug, "日照 烟政字") {
		t.Errorf("suggest misses the imported clause:\n%s", sug)
	}
	code, out, errOut = run(t, db, "corpus", "add", dir)
	if code != 0 || !strings.Contains(out, "加入 0，跳过重复 5，未能加入 2") {
		t.Errorf("second run: exit %d %s %s", code, out, errOut)
	}
	code, _, errOut = run(t, db, "corpus", "add", filepath.Join(dir, "sub", "日照-again.txt"))
	if code == 0 || !strings.Contains(errOut, "内容相同") {
		t.Errorf("one duplicate file: exit %d %s", code, errOut)
	}
}
