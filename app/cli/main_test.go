package cli

import (
	"os"
	"path/filepath"
	"testing"

	"qicao/drafts/postgres/pgtest"
)

// cluster is a throw-away PostgreSQL server for the server commands' tests.
var cluster *pgtest.Cluster

// TestMain points every test at a database of its own, never the user's,
// and starts a PostgreSQL server for the tests that need one.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "qicao-cli-test")
	if err != nil {
		panic(err)
	}
	os.Setenv("QICAO_DB", filepath.Join(dir, "qicao.db"))
	os.Setenv("XDG_CONFIG_HOME", dir)
	os.Setenv("LANGUAGE", "zh_CN") // the Chinese messages, whatever the developer's locale
	code := pgtest.Main(m, &cluster)
	os.RemoveAll(dir)
	os.Exit(code)
}
