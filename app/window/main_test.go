package window

import (
	"os"
	"testing"
)

// childMain, when a test file sets it, runs first and may take the test
// binary over as a child process (the real window needs the main thread,
// which only TestMain runs on).
var childMain func()

// TestMain makes the test's goroutine the UI goroutine of Fyne's test
// driver (see installUIQueue) and runs the tests.
func TestMain(m *testing.M) {
	if childMain != nil {
		childMain()
	}
	installUIQueue()
	os.Exit(m.Run())
}
