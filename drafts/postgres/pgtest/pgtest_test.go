package pgtest

import (
	"os"
	"testing"
)

var cluster *Cluster

func TestMain(m *testing.M) { os.Exit(Main(m, &cluster)) }

// TestCluster starts the server and runs a query as the superuser in a
// fresh database.
func TestCluster(t *testing.T) {
	Need(t, cluster)
	db := cluster.NewDatabase(t, "")
	if err := cluster.Exec(db, "CREATE TABLE x (a int); INSERT INTO x VALUES (1)"); err != nil {
		t.Fatal(err)
	}
}
