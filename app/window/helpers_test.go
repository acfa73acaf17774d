package window

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"

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

// testShell makes the main window over ws and, when the test ends, stops its
// timers and off-UI jobs: a job left running would reach into the next
// test's app (and Fyne's global font cache).
func testShell(t testing.TB, a fyne.App, ws *workspace.Workspace) *Shell {
	t.Helper()
	s := NewShell(a, ws)
	t.Cleanup(s.StopBackground)
	return s
}
