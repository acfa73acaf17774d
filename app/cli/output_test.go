package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Issue 12, failure 1: one typo (-o naming the database) destroyed every
// draft. Every output flag naming the database, an input, another SQLite
// file or (without --force) an existing file is refused in Chinese, and
// the file is left exactly as it was.
func TestOutputsNeverClobber(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "qicao.db")
	if code, _, errOut := run(t, db, "draft", "list"); code != 0 {
		t.Fatal(errOut)
	}
	other := filepath.Join(dir, "other.sqlite")
	copyFile(t, db, other)
	src := seedPath(t, "002")
	in := filepath.Join(dir, "in.txt")
	copyFile(t, src, in)
	report := filepath.Join(dir, "report.html")
	os.WriteFile(report, []byte("旧报告"), 0o644)
	before := map[string][]byte{}
	for _, p := range []string{db, other, in, report} {
		before[p], _ = os.ReadFile(p)
	}
	cases := []struct {
		args []string
		says string
	}{
		{[]string{"export", "docx", "draft:1@2", "-o", db}, "正在使用的数据库"},
		{[]string{"export", "docx", "draft:1@2", "-o", db, "--force"}, "正在使用的数据库"},
		{[]string{"compare", "draft:1@1", "draft:1@2", "--html", db}, "正在使用的数据库"},
		{[]string{"compare", "draft:1@1", "draft:1@2", "--docx", db}, "正在使用的数据库"},
		{[]string{"compare", "draft:1@1", "draft:1@2", "--table", db + "-wal"}, "正在使用的数据库"},
		{[]string{"export", "docx", "draft:1@2", "-o", other, "--force"}, "数据库文件"},
		{[]string{"export", "docx", in, "-o", in, "--force"}, "读取的文件"},
		{[]string{"compare", in, "draft:1@2", "--html", in, "--force"}, "读取的文件"},
		{[]string{"compare", "draft:1@1", "draft:1@2", "--html", report}, "--force"},
		{[]string{"compare", "draft:1@1", "draft:1@2", "--docx", report, "--table", report, "--force"}, "两个输出"},
	}
	for _, c := range cases {
		code, _, errOut := run(t, db, c.args...)
		if code == 0 || !strings.Contains(errOut, c.says) {
			t.Errorf("%v: exit %d, stderr %q, want it refused saying %q", c.args, code, errOut, c.says)
		}
	}
	for p, b := range before {
		if now, _ := os.ReadFile(p); !bytes.Equal(now, b) {
			t.Errorf("%s changed", p)
		}
	}
	if code, _, errOut := run(t, db, "draft", "list"); code != 0 {
		t.Fatalf("database no longer opens: %s", errOut)
	}
	// --force overwrites a file that is none of those, whole.
	if code, out, errOut := run(t, db, "compare", "draft:1@1", "draft:1@2", "--html", report, "--force"); code != 0 || !strings.Contains(out, "已写入") {
		t.Fatalf("--force: exit %d %s %s", code, out, errOut)
	}
	if b, _ := os.ReadFile(report); !bytes.Contains(b, []byte("</html>")) {
		t.Error("report not written whole")
	}
	if entries, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(entries) > 0 {
		t.Errorf("temporary files left: %v", entries)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
