package cli

import (
	"os"
	"path/filepath"
	"testing"
)

// TestMain points every test at a database of its own, never the user's.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "qicao-cli-test")
	if err != nil {
		panic(err)
	}
	os.Setenv("QICAO_DB", filepath.Join(dir, "qicao.db"))
	os.Setenv("XDG_CONFIG_HOME", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
