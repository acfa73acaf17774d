package workspace_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"qicao/app/workspace"
	"qicao/app/workspace/storetest"
	"qicao/drafts/postgres"
	"qicao/drafts/postgres/pgtest"
	"qicao/drafts/sqlite"
)

// cluster is the throw-away PostgreSQL server of this test binary.
var cluster *pgtest.Cluster

// TestMain starts the throw-away server, except in the child process of
// TestServerCorpusScale, which connects to its parent's.
func TestMain(m *testing.M) {
	if os.Getenv("QICAO_SERVER_CHILD") != "" {
		os.Exit(m.Run())
	}
	os.Exit(pgtest.Main(m, &cluster))
}

// TestContractSQLite holds the embedded store to the contract.
func TestContractSQLite(t *testing.T) {
	storetest.Run(t, func(t *testing.T) workspace.Store {
		db, err := sqlite.Open(filepath.Join(t.TempDir(), "q.db"))
		if err != nil {
			t.Fatal(err)
		}
		return db
	})
}

// TestContractPostgres holds the server store to the same contract, as an
// officer (a curator, since the contract writes the corpus) of a database
// that its owner, not a superuser, initialised.
func TestContractPostgres(t *testing.T) {
	pgtest.Need(t, &cluster)
	storetest.Run(t, func(t *testing.T) workspace.Store {
		return OpenOfficer(t, cluster, "contract", true)
	})
}

// OpenOfficer makes a new database owned by qicao_admin, initialises it
// and opens it as a new officer.
func OpenOfficer(t *testing.T, c *pgtest.Cluster, prefix string, curator bool) *postgres.DB {
	t.Helper()
	name := c.NewDatabase(t, "qicao_admin")
	admin, err := postgres.Open(c.URL(name, "qicao_admin"))
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	role := fmt.Sprintf("%s_%s", prefix, name)
	if err := admin.AddOfficer(postgres.Officer{Role: role, Curator: curator}); err != nil {
		t.Fatal(err)
	}
	db, err := postgres.Open(c.URL(name, role))
	if err != nil {
		t.Fatal(err)
	}
	return db
}
