package workspace_test

import (
	"errors"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"qicao/app/workspace"
	"qicao/drafts/postgres"
	"qicao/drafts/postgres/pgtest"
	"qicao/drafts/sqlite"
	"qicao/templates"

	"github.com/mattn/go-sqlite3"
)

// The load test: loadClients officers for QICAO_LOAD (a Go duration; 10 s
// in `make test`, QICAO_LOAD=60s for the figures of docs/BENCHMARKS.md),
// each opening shared drafts, saving versions on the version they read
// and asking for suggestions. Every version saved must be there once, in
// an unbroken numbering, and the only error allowed is the designed save
// conflict, after which the officer saves their text on the newer version.
const (
	loadClients = 50
	loadDrafts  = 10
)

// loadDuration reads QICAO_LOAD.
func loadDuration(t *testing.T) time.Duration {
	d := 10 * time.Second
	if s := os.Getenv("QICAO_LOAD"); s != "" {
		var err error
		if d, err = time.ParseDuration(s); err != nil {
			t.Fatalf("QICAO_LOAD=%q: %v", s, err)
		}
	}
	return d
}

// TestLoadPostgres runs the load on the throw-away server, each client an
// officer of one team with a connection pool of its own.
func TestLoadPostgres(t *testing.T) {
	pgtest.Need(t, &cluster)
	name := cluster.NewDatabase(t, "qicao_admin")
	adminURL := cluster.URL(name, "qicao_admin")
	if _, _, err := workspace.InitServer(adminURL); err != nil {
		t.Fatal(err)
	}
	admin, err := postgres.Open(adminURL)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	open := func(i int) (*workspace.Workspace, error) {
		role := fmt.Sprintf("load%d_%s", i, name)
		if err := admin.AddOfficer(postgres.Officer{Role: role, Team: "负载组"}); err != nil {
			return nil, err
		}
		return workspace.OpenServer(cluster.URL(name, role) + "&pool_max_conns=2")
	}
	share := func(ws *workspace.Workspace, id int64) error {
		return workspace.StoreOf(ws).(*postgres.DB).ShareDraft(id, "负载组")
	}
	runLoad(t, "PostgreSQL", open, share, nil)
}

// TestLoadSQLite runs the same load on one SQLite file that every client
// opens, for the figures beside the server's. SQLite is one officer's
// store: 50 writers on one file may wait out its busy timeout, and such a
// save is refused with its "数据库正被另一个窗口或程序占用" message (the
// officer's text stays in the window); those are counted, not failed.
func TestLoadSQLite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "q.db")
	busy := func(err error) bool {
		var se sqlite3.Error
		return errors.As(err, &se) && (se.Code == sqlite3.ErrBusy || se.Code == sqlite3.ErrLocked)
	}
	runLoad(t, "SQLite", func(int) (*workspace.Workspace, error) { return workspace.Open(path) }, nil, busy)
}

// loadSave is a version a client saved.
type loadSave struct {
	draft int64
	n     int
	text  string
}

// loadResult is what one client did.
type loadResult struct {
	saves              []loadSave
	saveTimes, suggest []time.Duration
	conflicts, busy    int
	// gaveUp counts edits still in conflict after 20 tries (kept by the officer).
	gaveUp int
	errs   []error
}

// runLoad opens the clients, makes the shared drafts, runs the load and
// checks every version.
// busy, if not nil, tells the refusals of a store too busy to write.
func runLoad(t *testing.T, store string, open func(i int) (*workspace.Workspace, error),
	share func(*workspace.Workspace, int64) error, busy func(error) bool) {
	dur := loadDuration(t)
	clients := make([]*workspace.Workspace, loadClients)
	for i := range clients {
		ws, err := open(i)
		if err != nil {
			t.Fatalf("client %d: %v", i, err)
		}
		defer ws.Close()
		clients[i] = ws
	}
	base, queries := loadCorpus(t, clients[0])
	var ids []int64
	for i := 0; i < loadDrafts; i++ {
		d, err := workspace.StoreOf(clients[0]).CreateDraft(fmt.Sprintf("负载草稿%d", i), "泰安", base+"\n初稿", "初稿")
		if err != nil {
			t.Fatal(err)
		}
		if share != nil {
			if err := share(clients[0], d.ID); err != nil {
				t.Fatal(err)
			}
		}
		ids = append(ids, d.ID)
	}
	sugg := make([]workspace.Suggester, loadClients)
	for i, ws := range clients { // each client's first start, not measured here
		var err error
		if sugg[i], err = ws.Suggester(); err != nil {
			t.Fatal(err)
		}
	}

	results := make([]loadResult, loadClients)
	stop := time.Now().Add(dur)
	var wg sync.WaitGroup
	for i := range clients {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			results[i] = loadClient(clients[i], sugg[i], i, ids, base, queries, stop, busy)
		}(i)
	}
	wg.Wait()

	var all loadResult
	for _, r := range results {
		all.saves = append(all.saves, r.saves...)
		all.saveTimes = append(all.saveTimes, r.saveTimes...)
		all.suggest = append(all.suggest, r.suggest...)
		all.conflicts += r.conflicts
		all.busy += r.busy
		all.gaveUp += r.gaveUp
		all.errs = append(all.errs, r.errs...)
	}
	for i, err := range all.errs {
		if i < 10 {
			t.Errorf("error other than the save conflict: %v", err)
		}
	}
	if len(all.saves) == 0 || len(all.suggest) == 0 {
		t.Fatalf("no save (%d) or no suggestion (%d) in %v", len(all.saves), len(all.suggest), dur)
	}
	checkVersions(t, workspace.StoreOf(clients[0]), ids, all.saves)
	t.Logf("%s, %d clients, %v: %d versions saved, %d conflicts (each then saved on the newer version), %d saves refused as busy, %d edits still in conflict after 20 tries, %d suggestions; save p50 %v p95 %v, suggestion p50 %v p95 %v",
		store, loadClients, dur, len(all.saves), all.conflicts, all.busy, all.gaveUp, len(all.suggest),
		pct(all.saveTimes, 50), pct(all.saveTimes, 95), pct(all.suggest, 50), pct(all.suggest, 95))
}

// loadCorpus returns the text of a built-in 实施意见 as the drafts' body and
// its clauses as suggestion queries.
func loadCorpus(t *testing.T, ws *workspace.Workspace) (string, []string) {
	t.Helper()
	docs, err := workspace.StoreOf(ws).CorpusDocs()
	if err != nil || len(docs) == 0 {
		t.Fatalf("corpus: %d documents, %v", len(docs), err)
	}
	doc, err := workspace.StoreOf(ws).CorpusDoc(docs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	clauses, err := workspace.StoreOf(ws).CorpusClauses(doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	var queries []string
	for _, c := range clauses {
		if len([]rune(c.Text)) >= 20 {
			queries = append(queries, c.Text)
		}
	}
	if len(queries) == 0 {
		t.Fatalf("%s has no clause to ask with", doc.Name)
	}
	return doc.Text, queries
}

// loadClient is one officer until stop: read the list, open a draft at
// its latest version, save an edit on that version (on a conflict, save
// it on the version saved meanwhile, as the window offers), ask for a
// suggestion.
func loadClient(ws *workspace.Workspace, sugg workspace.Suggester, i int, ids []int64, base string, queries []string,
	stop time.Time, busy func(error) bool) loadResult {
	var r loadResult
	rng := rand.New(rand.NewSource(int64(i)))
	fail := func(what string, err error) {
		if busy != nil && busy(err) {
			r.busy++
			return
		}
		r.errs = append(r.errs, fmt.Errorf("client %d %s: %w", i, what, err))
	}
	for k := 0; time.Now().Before(stop); k++ {
		if _, err := workspace.StoreOf(ws).Drafts(); err != nil {
			fail("Drafts", err)
		}
		id := ids[rng.Intn(len(ids))]
		v, err := workspace.StoreOf(ws).Version(id, 0)
		if err != nil {
			fail("Version", err)
			continue
		}
		text := fmt.Sprintf("%s\n第%d位官员的第%d次修改", base, i, k)
		attempt := 0
		for ; attempt < 20; attempt++ {
			t0 := time.Now()
			saved, err := workspace.StoreOf(ws).SaveVersionOn(id, v.N, text, "修改")
			r.saveTimes = append(r.saveTimes, time.Since(t0))
			var ce *sqlite.ConflictError
			if errors.As(err, &ce) {
				if !strings.Contains(err.Error(), "保存冲突：") || ce.Latest.N <= v.N {
					fail("conflict message", err)
				}
				r.conflicts++
				v = ce.Latest
				continue
			}
			if err != nil {
				fail("SaveVersionOn", err)
			} else {
				r.saves = append(r.saves, loadSave{id, saved.N, text})
			}
			break
		}
		if attempt == 20 {
			r.gaveUp++
		}
		t0 := time.Now()
		got, err := sugg.Suggest(templates.Query{Text: queries[rng.Intn(len(queries))], K: 5})
		r.suggest = append(r.suggest, time.Since(t0))
		if err != nil {
			fail("Suggest", err)
		} else if len(got) == 0 {
			fail("Suggest", errors.New("a corpus clause found nothing like itself"))
		}
	}
	return r
}

// checkVersions: each draft's versions are numbered 1…latest without a
// gap, version 1 is the first text, and every other version is exactly
// one of the saves the clients were told succeeded, with its text.
func checkVersions(t *testing.T, s workspace.Store, ids []int64, saves []loadSave) {
	t.Helper()
	want := map[[2]int64]string{}
	for _, sv := range saves {
		key := [2]int64{sv.draft, int64(sv.n)}
		if _, dup := want[key]; dup {
			t.Fatalf("two saves told they made version %d of draft %d", sv.n, sv.draft)
		}
		want[key] = sv.text
	}
	total := 0
	for _, id := range ids {
		list, err := s.Versions(id)
		if err != nil {
			t.Fatal(err)
		}
		total += len(list) - 1
		for i, v := range list {
			if v.N != i+1 {
				t.Fatalf("draft %d: version %d at position %d", id, v.N, i+1)
			}
			if v.N == 1 {
				continue
			}
			text, ok := want[[2]int64{id, int64(v.N)}]
			full, err := s.Version(id, v.N)
			if err != nil || !ok || full.Text != text {
				t.Fatalf("draft %d version %d: stored %q…, a client saved it: %v, %v", id, v.N, head(full.Text), ok, err)
			}
		}
	}
	if total != len(saves) {
		t.Fatalf("%d versions stored after the first, %d saves succeeded", total, len(saves))
	}
}

// head is the last line of a version, which names who saved it.
func head(s string) string { return s[strings.LastIndex(s, "\n")+1:] }

// pct is the p-th percentile of ds.
func pct(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[(len(s)-1)*p/100].Round(10 * time.Microsecond)
}
