package window

import (
	"path/filepath"
	"testing"

	"qicao/app/workspace"
)

// testWorkspace opens a new workspace in a temporary directory, seeded
// with the built-in corpus and the example draft.
func testWorkspace(t testing.TB) *workspace.Workspace {
	t.Helper()
	ws, err := workspace.Open(filepath.Join(t.TempDir(), "qicao.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	return ws
}
