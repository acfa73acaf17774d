package pgtest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
)

var cluster *Cluster

func TestMain(m *testing.M) { os.Exit(Main(m, &cluster)) }

// TestCluster starts the server and runs a query as the superuser in a
// fresh database.
func TestCluster(t *testing.T) {
	Need(t, &cluster)
	db := cluster.NewDatabase(t, "")
	if err := cluster.Exec(db, "CREATE TABLE x (a int); INSERT INTO x VALUES (1)"); err != nil {
		t.Fatal(err)
	}
}

// TestSweepStopsOrphans: a cluster whose starting process is gone (a
// crash test's child, killed) is stopped and removed by the next Start;
// one whose process runs is left alone.
func TestSweepStopsOrphans(t *testing.T) {
	Need(t, &cluster)
	orphan, err := Start()
	if err != nil {
		t.Fatal(err)
	}
	gone := exec.Command("true")
	if err := gone.Run(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(orphan.dir, ownerFile), []byte(strconv.Itoa(gone.Process.Pid)), 0o644); err != nil {
		t.Fatal(err)
	}
	sweep(orphan.bin)
	if _, err := os.Stat(orphan.dir); !os.IsNotExist(err) {
		orphan.Stop()
		t.Fatalf("the orphan's directory is still there: %v", err)
	}
	if err := cluster.Exec("postgres", "SELECT 1"); err != nil {
		t.Errorf("the sweep stopped this binary's own cluster: %v", err)
	}
}
