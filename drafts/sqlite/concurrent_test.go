package sqlite

import (
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// TestTwoHandlesWriteConcurrently stands in for two Qicao processes on one
// file: every write from either must succeed, none with "database is
// locked", and version numbers must come out without gaps or repeats.
func TestTwoHandlesWriteConcurrently(t *testing.T) {
	path := filepath.Join(t.TempDir(), "qicao.db")
	a, b := openAt(t, path), openAt(t, path)
	d := mustDraft(t, a, "共享草稿", "第一版")
	const workers, rounds = 3, 15
	var wg sync.WaitGroup
	errs := make(chan error, 2*workers*rounds*3)
	for h, db := range []*DB{a, b} {
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; i < rounds; i++ {
					text := fmt.Sprintf("句柄%d 协程%d 第%d次", h, w, i)
					if _, err := db.SaveVersion(d.ID, text, ""); err != nil {
						errs <- err
					}
					if err := db.SetWorking(d.ID, text+"（未保存）"); err != nil {
						errs <- err
					}
					if _, err := db.CreateDraft(text, "", text, ""); err != nil {
						errs <- err
					}
				}
			}()
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	vs, err := b.Versions(d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := 1 + 2*workers*rounds; len(vs) != want {
		t.Fatalf("%d versions, want %d", len(vs), want)
	}
	for i, v := range vs {
		if v.N != i+1 {
			t.Fatalf("version %d numbered %d", i+1, v.N)
		}
	}
	if n := count(t, a, "drafts"); n != 1+2*workers*rounds {
		t.Fatalf("%d drafts, want %d", n, 1+2*workers*rounds)
	}
}

// TestWriterWaitsForLock holds a write transaction open on one handle and
// checks that a save on the other waits for it rather than failing.
func TestWriterWaitsForLock(t *testing.T) {
	path := filepath.Join(t.TempDir(), "qicao.db")
	a, b := openAt(t, path), openAt(t, path)
	d := mustDraft(t, a, "草稿", "第一版")
	tx, err := a.sql.Begin()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(`INSERT INTO drafts (title, created_at, updated_at) VALUES ('占锁', '', '')`); err != nil {
		t.Fatal(err)
	}
	const hold = 400 * time.Millisecond
	start := time.Now()
	done := make(chan error)
	go func() {
		_, err := b.SaveVersion(d.ID, "第二版", "")
		done <- err
	}()
	time.Sleep(hold)
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatalf("SaveVersion while another handle held the lock: %v", err)
	}
	if waited := time.Since(start); waited < hold {
		t.Fatalf("SaveVersion returned after %v, before the lock was released", waited)
	}
	if v, err := a.Version(d.ID, 0); err != nil || v.N != 2 {
		t.Fatalf("latest version = %+v, %v", v, err)
	}
}
