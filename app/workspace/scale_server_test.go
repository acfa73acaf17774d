package workspace_test

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"qicao/app/workspace"
	"qicao/assets"
	"qicao/drafts/postgres"
	"qicao/drafts/postgres/pgtest"
	"qicao/templates"
)

// TestServerCorpusScale moves the corpus of a SQLite database (opened
// read-only) named by QICAO_SERVER_CORPUS — the 10,000-document database
// of `make bench-scale` — onto the throw-away server, then starts a
// second client in a process of its own and times its start, its first
// suggestion and its peak memory. Skipped without QICAO_SERVER_CORPUS.
func TestServerCorpusScale(t *testing.T) {
	src := os.Getenv("QICAO_SERVER_CORPUS")
	if src == "" {
		t.Skip("QICAO_SERVER_CORPUS names no SQLite corpus")
	}
	pgtest.Need(t, &cluster)
	from, err := workspace.OpenReadOnly(src)
	if err != nil {
		t.Fatal(err)
	}
	defer from.Close()
	name := cluster.NewDatabase(t, "qicao_admin")
	admin, err := postgres.Open(cluster.URL(name, "qicao_admin"))
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	role := "curator_" + name
	if err := admin.AddOfficer(postgres.Officer{Role: role, Curator: true}); err != nil {
		t.Fatal(err)
	}
	dst, err := postgres.Open(cluster.URL(name, role))
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Close()
	t0 := time.Now()
	r, err := workspace.Migrate(workspace.StoreOf(from), dst, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("moved %d corpus documents (%d templates, %d drafts) in %v", r.Corpus, r.Templates, r.Drafts, time.Since(t0).Round(time.Second))

	cmd := exec.Command(os.Args[0], "-test.run=^TestServerCorpusChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), "QICAO_SERVER_CHILD="+cluster.URL(name, role), "XDG_CONFIG_HOME="+t.TempDir())
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("second client: %v\n%s", err, out)
	}
	var got childFigures
	for _, line := range strings.Split(string(out), "\n") {
		if s, ok := strings.CutPrefix(line, "figures "); ok {
			err = json.Unmarshal([]byte(s), &got)
		}
	}
	if err != nil || got.Suggestions == 0 {
		t.Fatalf("second client reported %+v, %v\n%s", got, err, out)
	}
	rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss
	t.Logf("second client over %d documents: open %v, clause bank %v, first suggestion %v (%d found), second %v; heap after %d MiB, peak RSS %d MiB",
		r.Corpus, got.Open, got.Bank, got.First, got.Suggestions, got.Second, got.HeapMiB, rss/1024)
}

// childFigures is what the second client measured.
type childFigures struct {
	Open, Bank, First, Second time.Duration
	Suggestions               int
	HeapMiB                   uint64
}

// TestServerCorpusChild is the second client of TestServerCorpusScale: a
// Qicao starting against the server at QICAO_SERVER_CHILD and asking for
// suggestions with a clause of the built-in 实施意见.
func TestServerCorpusChild(t *testing.T) {
	url := os.Getenv("QICAO_SERVER_CHILD")
	if url == "" {
		t.Skip("run by TestServerCorpusScale")
	}
	var f childFigures
	t0 := time.Now()
	ws, err := workspace.OpenServer(url)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	f.Open = time.Since(t0)
	t0 = time.Now()
	s, err := ws.Suggester()
	if err != nil {
		t.Fatal(err)
	}
	f.Bank = time.Since(t0)
	q := templates.Query{Text: builtinClause(t), K: 10}
	t0 = time.Now()
	got, err := s.Suggest(q)
	f.First = time.Since(t0)
	if err != nil {
		t.Fatal(err)
	}
	t0 = time.Now()
	s.Suggest(templates.Query{Text: "科技金融", K: 10})
	f.Second = time.Since(t0)
	f.Suggestions = len(got)
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	f.HeapMiB = ms.HeapAlloc >> 20
	out, _ := json.Marshal(f)
	fmt.Println("figures " + string(out))
}

// builtinClause is line 30 of the built-in 000 document, as make
// bench-scale asks with.
func builtinClause(t *testing.T) string {
	for _, f := range assets.Corpus() {
		if strings.HasPrefix(f.Name, "000_") {
			lines := strings.Split(string(f.Data), "\n")
			if len(lines) >= 30 {
				return strings.TrimSpace(lines[29])
			}
		}
	}
	t.Fatal("no built-in 000 document")
	return ""
}
