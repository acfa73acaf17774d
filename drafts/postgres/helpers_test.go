package postgres

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"

	"qicao/drafts/postgres/pgtest"
)

// cluster is the throw-away server of this test binary.
var cluster *pgtest.Cluster

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m, &cluster)) }

// admin is the role that owns the test databases: not a superuser, so that
// it is what a bureau's database owner would be.
const admin = "qicao_admin"

// newDB makes a database owned by admin, initialises it, and returns its
// name with the owner's connection.
func newDB(t *testing.T) (string, *DB) {
	t.Helper()
	pgtest.Need(t, &cluster)
	name := cluster.NewDatabase(t, admin)
	db, err := Open(cluster.URL(name, admin))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return name, db
}

// officer adds an officer (role prefix_db) in team and opens their store.
func officer(t *testing.T, owner *DB, dbName, prefix, team string, curator bool) *DB {
	t.Helper()
	role := fmt.Sprintf("%s_%s", prefix, dbName)
	if err := owner.AddOfficer(Officer{Role: role, Team: team, Curator: curator}); err != nil {
		t.Fatal(err)
	}
	db, err := Open(cluster.URL(dbName, role))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// rawConn is a plain connection as role, for hand-written SQL.
func rawConn(t *testing.T, dbName, role string) *pgx.Conn {
	t.Helper()
	conn, err := pgx.Connect(context.Background(), cluster.URL(dbName, role))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}
