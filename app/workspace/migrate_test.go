package workspace_test

import (
	"fmt"
	"path/filepath"
	"testing"

	"qicao/app/workspace"
)

// TestMigrateResumesAfterDroppedConnection copies a seeded SQLite
// workspace with extra drafts to a server, dropping the server connection
// in the middle; a second run completes it, a third copies nothing, and
// the server ends with exactly the source's drafts, versions, corpus and
// templates.
func TestMigrateResumesAfterDroppedConnection(t *testing.T) {
	src := seededSQLite(t, 12)
	dst := OpenOfficer(t, cluster, "mover", true)
	defer dst.Close()
	dropped := false
	_, err := workspace.Migrate(workspace.StoreOf(src), dst, func(kind string, done, total int) {
		if kind == "草稿" && done == 5 && !dropped {
			dropped = true
			if err := cluster.Exec("postgres", `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1`, dst.Role()); err != nil {
				t.Fatal(err)
			}
		}
	})
	t.Logf("first run, connection dropped after 5 drafts: %v", err)

	r, err := workspace.Migrate(workspace.StoreOf(src), dst, nil)
	if err != nil {
		t.Fatalf("second run: %v", err)
	}
	want := counts(t, workspace.StoreOf(src))
	if r.Drafts != want[0] || r.Versions != want[1] || r.Corpus != want[2] || r.Templates != want[3] || len(r.Kept) != 0 {
		t.Fatalf("second run report %+v, source has %v", r, want)
	}
	if got := counts(t, dst); got != want {
		t.Fatalf("server holds %v, source %v", got, want)
	}
	r, err = workspace.Migrate(workspace.StoreOf(src), dst, nil)
	if err != nil || r.AddedDrafts+r.AddedVersions+r.AddedCorpus+r.AddedTemplates != 0 {
		t.Fatalf("third run added %+v, %v", r, err)
	}
	if got := counts(t, dst); got != want {
		t.Fatalf("after third run server holds %v, source %v", got, want)
	}

	// A version saved locally after the move is added on the next run,
	// to the same draft.
	list, _ := workspace.StoreOf(src).Drafts()
	if _, err := workspace.StoreOf(src).SaveVersion(list[0].ID, "搬迁后又改的一版", "后来的修改"); err != nil {
		t.Fatal(err)
	}
	if r, err = workspace.Migrate(workspace.StoreOf(src), dst, nil); err != nil || r.AddedDrafts != 0 || r.AddedVersions != 1 {
		t.Fatalf("run after a new local version: %+v, %v", r, err)
	}
}

// seededSQLite opens a new SQLite workspace (seeded with the built-in
// corpus, templates and example draft) and adds n drafts of 1–3 versions.
func seededSQLite(t *testing.T, n int) *workspace.Workspace {
	t.Helper()
	w, err := workspace.Open(filepath.Join(t.TempDir(), "q.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	for i := 0; i < n; i++ {
		d, err := workspace.StoreOf(w).CreateDraft(fmt.Sprintf("草稿%d", i), "泰安", fmt.Sprintf("第%d份草稿的第1版", i), "初稿")
		if err != nil {
			t.Fatal(err)
		}
		for v := 2; v <= 1+i%3; v++ {
			if _, err := workspace.StoreOf(w).SaveVersion(d.ID, fmt.Sprintf("第%d份草稿的第%d版", i, v), "修改"); err != nil {
				t.Fatal(err)
			}
		}
	}
	return w
}

// counts returns the numbers of drafts, versions, corpus documents and
// templates in a store.
func counts(t *testing.T, s workspace.Store) [4]int {
	t.Helper()
	ds, err := s.Drafts()
	if err != nil {
		t.Fatal(err)
	}
	var c [4]int
	c[0] = len(ds)
	for _, d := range ds {
		c[1] += d.Versions
	}
	docs, _ := s.CorpusDocs()
	ts, _ := s.Templates()
	c[2], c[3] = len(docs), len(ts)
	return c
}
