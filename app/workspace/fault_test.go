package workspace_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"qicao/app/workspace"
	"qicao/drafts/postgres"
	"qicao/drafts/postgres/pgtest"
)

// serverWorkspace makes an initialised database with n officers of one
// team and opens a workspace for each; the officers' outboxes live in a
// temporary config dir.
func serverWorkspace(t *testing.T, n int) (string, []*workspace.Workspace) {
	t.Helper()
	pgtest.Need(t, &cluster)
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("QICAO_DB", "")
	name := cluster.NewDatabase(t, "qicao_admin")
	admin, err := postgres.Open(cluster.URL(name, "qicao_admin"))
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	var out []*workspace.Workspace
	for i := 0; i < n; i++ {
		role := fmt.Sprintf("fault%d_%s", i, name)
		if err := admin.AddOfficer(postgres.Officer{Role: role, Team: "起草组"}); err != nil {
			t.Fatal(err)
		}
		ws, err := workspace.OpenServer(cluster.URL(name, role))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { ws.Close() })
		out = append(out, ws)
	}
	return name, out
}

// TestServerStoppedDuringSave: the server is shut down while an officer's
// save waits in its transaction. The save is refused with a Chinese
// message saying the text is kept on this computer; it is, and when the
// server is back the next save (or the next start) puts it on the server
// — after the version a colleague saved meanwhile, with a note, so both
// texts are there.
func TestServerStoppedDuringSave(t *testing.T) {
	name, ws := serverWorkspace(t, 2)
	a, b := ws[0], ws[1]
	d, err := workspace.StoreOf(a).CreateDraft("离线保存", "泰安", "第一版", "初稿")
	if err != nil {
		t.Fatal(err)
	}
	if err := workspace.StoreOf(a).(*postgres.DB).ShareDraft(d.ID, "起草组"); err != nil {
		t.Fatal(err)
	}
	const mine = "第二版：服务器停机时写的"

	// Hold the draft's row so that A's save is inside its transaction
	// when the server goes down.
	ctx := context.Background()
	lock, err := pgx.Connect(ctx, cluster.URL(name, pgtest.Superuser))
	if err != nil {
		t.Fatal(err)
	}
	tx, err := lock.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(ctx, `SELECT 1 FROM qicao.drafts WHERE id = $1 FOR UPDATE`, d.ID); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := a.SaveVersion(d.ID, 1, mine, "停机时保存")
		done <- err
	}()
	waitForLock(t, name, done)
	if err := cluster.Pause(); err != nil {
		t.Fatal(err)
	}
	resumed := false
	defer func() {
		if !resumed {
			cluster.Resume()
		}
	}()
	err = <-done
	if !errors.Is(err, workspace.ErrQueued) || !errors.Is(err, postgres.ErrOffline) ||
		!strings.Contains(err.Error(), "您的文字没有丢失") || !strings.Contains(err.Error(), "服务器恢复后") {
		t.Fatalf("save with the server stopped: %v", err)
	}
	if box, err := a.Outbox(); err != nil || len(box) != 1 || box[0].Text != mine {
		t.Fatalf("outbox %+v, %v", box, err)
	}
	// A second attempt while the server is still down joins the queue.
	if _, err := a.SaveVersion(d.ID, 1, mine+"，又改了一句", "停机时再保存"); !errors.Is(err, workspace.ErrQueued) {
		t.Fatalf("second save with the server stopped: %v", err)
	}

	if err := cluster.Resume(); err != nil {
		t.Fatal(err)
	}
	resumed = true
	if _, err := workspace.StoreOf(b).SaveVersion(d.ID, "第二版：同事在此期间保存的", "同事"); err != nil {
		t.Fatal(err)
	}
	saved, err := a.FlushOutbox()
	if err != nil || len(saved) != 2 {
		t.Fatalf("flush after the server is back: %+v, %v", saved, err)
	}
	if box, _ := a.Outbox(); len(box) != 0 {
		t.Fatalf("outbox after the flush: %+v", box)
	}
	wantTexts := []string{"第一版", "第二版：同事在此期间保存的", mine, mine + "，又改了一句"}
	for i, want := range wantTexts {
		v, err := workspace.StoreOf(a).Version(d.ID, i+1)
		if err != nil || v.Text != want {
			t.Fatalf("version %d = %q, %v; want %q", i+1, v.Text, err, want)
		}
		if i == 2 && !strings.Contains(v.Note, "离线时基于第 1 版修改") {
			t.Fatalf("version 3's note %q does not say it was based on version 1", v.Note)
		}
	}
}

// TestOutboxSavedOnNextStart: a command-line save refused while the
// server is down is saved by the next start of Qicao, once.
func TestOutboxSavedOnNextStart(t *testing.T) {
	name, ws := serverWorkspace(t, 1)
	a := ws[0]
	d, err := workspace.StoreOf(a).CreateDraft("下次启动时保存", "泰安", "第一版", "初稿")
	if err != nil {
		t.Fatal(err)
	}
	if err := cluster.Pause(); err != nil {
		t.Fatal(err)
	}
	_, err = a.SaveVersion(d.ID, -1, "第二版", "停机时保存")
	if rerr := cluster.Resume(); rerr != nil {
		t.Fatal(rerr)
	}
	if !errors.Is(err, workspace.ErrQueued) {
		t.Fatalf("save with the server stopped: %v", err)
	}
	a.Close()
	url := cluster.URL(name, workspace.StoreOf(a).(*postgres.DB).Role())
	for i := 0; i < 2; i++ {
		again, err := workspace.OpenServer(url)
		if err != nil {
			t.Fatal(err)
		}
		vs, err := workspace.StoreOf(again).Versions(d.ID)
		again.Close()
		if err != nil || len(vs) != 2 {
			t.Fatalf("start %d: %d versions, %v; want 2", i+1, len(vs), err)
		}
	}
}

// TestNewerServerSchemaRefused: a Qicao older than the server's schema
// (a colleague upgraded) is refused with a message, not let write.
func TestNewerServerSchemaRefused(t *testing.T) {
	name, _ := serverWorkspace(t, 1)
	if err := cluster.Exec(name, `UPDATE qicao.schema_version SET version = version + 1`); err != nil {
		t.Fatal(err)
	}
	_, err := workspace.OpenServer(cluster.URL(name, "qicao_admin"))
	if err == nil || !strings.Contains(err.Error(), "高于本程序支持的版本") || !strings.Contains(err.Error(), "请升级起草") {
		t.Fatalf("open against a newer schema: %v", err)
	}
}

// waitForLock waits until a session of database db waits for a lock.
func waitForLock(t *testing.T, db string, saved chan error) {
	t.Helper()
	for end := time.Now().Add(30 * time.Second); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		select {
		case err := <-saved:
			t.Fatalf("the save returned before it waited for the draft's row: %v", err)
		default:
		}
		ctx := context.Background()
		conn, err := pgx.Connect(ctx, cluster.URL(db, pgtest.Superuser))
		if err != nil {
			t.Fatal(err)
		}
		var n int
		err = conn.QueryRow(ctx, `SELECT count(*) FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'`, db).Scan(&n)
		conn.Close(ctx)
		if err == nil && n > 0 {
			return
		}
	}
	t.Fatal("the save never waited for the draft's row")
}
