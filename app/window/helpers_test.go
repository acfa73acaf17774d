package window

import (
	"path/filepath"
	"reflect"
	"sync"
	"testing"
	"time"

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
	t.Cleanup(func() { stopPumping(s.StopBackground) })
	return s
}

// The tests' UI goroutine is the test's own: onUI and onUIWait queue what
// a job hands to the UI, and runUI runs it on the test's goroutine, as
// the real driver runs it on its own. (Fyne's test driver would run it on
// the job's goroutine, beside the test.)
var (
	uiMu    sync.Mutex
	uiQueue []func()
)

// installUIQueue makes onUI and onUIWait queue for runUI while the app is
// one of Fyne's test driver; a real window (tag window) keeps fyne.Do.
func installUIQueue() {
	onUI = func(fn func()) {
		if !onTestDriver() {
			fyne.Do(fn)
			return
		}
		queueUI(fn)
	}
	onUIWait = func(fn func()) {
		if !onTestDriver() {
			fyne.DoAndWait(fn)
			return
		}
		done := make(chan struct{})
		queueUI(func() { defer close(done); fn() })
		<-done
	}
}

// onTestDriver reports whether the current app runs on Fyne's test driver.
func onTestDriver() bool {
	a := fyne.CurrentApp()
	if a == nil {
		return false
	}
	t := reflect.TypeOf(a.Driver())
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.PkgPath() == "fyne.io/fyne/v2/test"
}

func queueUI(fn func()) {
	uiMu.Lock()
	uiQueue = append(uiQueue, fn)
	uiMu.Unlock()
}

// runUI runs what is queued for the UI, and what that queues in turn,
// until the queue is empty; it returns how many functions ran.
func runUI() int {
	n := 0
	for {
		uiMu.Lock()
		fns := uiQueue
		uiQueue = nil
		uiMu.Unlock()
		if len(fns) == 0 {
			return n
		}
		for _, fn := range fns {
			fn()
		}
		n += len(fns)
	}
}

// stopPumping runs wait (which may wait for jobs that wait for the UI)
// while the test's goroutine keeps running the UI queue.
func stopPumping(wait func()) {
	done := make(chan struct{})
	go func() { defer close(done); wait() }()
	for {
		select {
		case <-done:
			runUI()
			return
		case <-time.After(time.Millisecond):
			runUI()
		}
	}
}

// pumpUntil runs the UI queue until done delivers or closes, or d passes;
// it reports whether done came.
func pumpUntil[T any](done <-chan T, d time.Duration) bool {
	end := time.After(d)
	for {
		runUI()
		select {
		case <-done:
			runUI()
			return true
		case <-end:
			return false
		case <-time.After(time.Millisecond):
		}
	}
}
