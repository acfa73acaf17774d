package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"qicao/drafts/postgres/pgtest"
)

// TestServerCommands sets a bureau's server up from the command line as
// the README says (db init, db officer add), moves an officer's SQLite
// drafts in, and shares one with another team.
func TestServerCommands(t *testing.T) {
	pgtest.Need(t, &cluster)
	name := cluster.NewDatabase(t, "qicao_admin")
	url := func(role string) string { return cluster.URL(name, role) }
	ok := func(role string, args ...string) string {
		t.Helper()
		code, out, errOut := run(t, url(role), args...)
		if code != 0 {
			t.Fatalf("%s %v: exit %d: %s", role, args, code, errOut)
		}
		return out
	}
	if out := ok("qicao_admin", "db", "init"); !strings.Contains(out, "参考文件 5 份") {
		t.Fatalf("db init: %s", out)
	}
	if out := ok("qicao_admin", "db", "init"); !strings.Contains(out, "参考文件 0 份、模板 0 个") {
		t.Fatalf("second db init: %s", out)
	}
	a, b := "zhang_"+name, "li_"+name
	ok("qicao_admin", "db", "officer", "add", a, "--team", "规划科", "--name", "张科长", "--curator")
	ok("qicao_admin", "db", "officer", "add", b, "--team", "法规科")

	// 张's SQLite workspace (seeded with the example draft) moves in.
	local := filepath.Join(t.TempDir(), "local.db")
	if code, _, errOut := run(t, local, "draft", "list"); code != 0 {
		t.Fatal(errOut)
	}
	out := ok(a, "migrate", "--from", "sqlite:"+local, "--to", url(a))
	if !strings.Contains(out, "草稿 1 份（本次新增 1 份）、版本 2 个") || !strings.Contains(out, "校验内容一致") {
		t.Fatalf("migrate: %s", out)
	}
	if out := ok(a, "migrate", "--from", "sqlite:"+local, "--to", url(a)); !strings.Contains(out, "本次新增 0 份") {
		t.Fatalf("second migrate: %s", out)
	}
	list := ok(a, "draft", "list")
	id := ""
	for _, line := range strings.Split(list, "\n") {
		if strings.Contains(line, "示例") {
			id = strings.Fields(line)[0]
		}
	}
	if got := ok(b, "draft", "list"); strings.Contains(got, "示例") {
		t.Fatalf("李 sees 张's unshared draft: %s", got)
	}
	if code, _, errOut := run(t, url(b), "draft", "share", id, "--team", "法规科"); code == 0 {
		t.Fatal("李 shared 张's draft")
	} else if !strings.Contains(errOut, "不存在或无权访问") {
		t.Fatalf("李 sharing: %s", errOut)
	}
	ok(a, "draft", "share", id, "--team", "法规科")
	if got := ok(b, "draft", "list"); !strings.Contains(got, "示例") {
		t.Fatalf("李 does not see the shared draft: %s\n(张 sees %s)", got, list)
	}
	if code, _, errOut := run(t, url(a), "draft", "share", id, "--team", "没有的科"); code == 0 || !strings.Contains(errOut, "团队“没有的科”不存在") {
		t.Fatalf("share with a missing team: %d %s", code, errOut)
	}
}
