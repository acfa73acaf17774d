package window

import (
	"sync"
	"time"
)

// background runs the window's delayed and off-UI work (the pause timers of
// typing, suggestions, gaps and compare, file reading) so that closing the
// window can drop what is pending and wait for what is running. Without it a
// job outlives its window: in the real app it would touch a closed window,
// and in tests it ran into the next test's app and filled Fyne's global font
// cache with the faces of a theme that was no longer current (the CJK test
// then saw every character as the missing-glyph mark).
type background struct {
	mu      sync.Mutex
	running sync.WaitGroup
	stopped bool
}

// enter registers a job about to run; false once stop has begun.
func (b *background) enter() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.stopped {
		return false
	}
	b.running.Add(1)
	return true
}

// wrap returns fn as a job: it does nothing after stop, and stop waits for it.
func (b *background) wrap(fn func()) func() {
	return func() {
		if !b.enter() {
			return
		}
		defer b.running.Done()
		fn()
	}
}

// after runs fn on its own goroutine once d has passed, unless the window
// has closed by then. The caller stops or replaces the timer as with
// time.AfterFunc.
func (b *background) after(d time.Duration, fn func()) *time.Timer {
	return time.AfterFunc(d, b.wrap(fn))
}

// run runs fn on a goroutine of its own, unless the window has closed;
// it reports whether fn was started.
func (b *background) run(fn func()) bool {
	if !b.enter() {
		return false
	}
	go func() {
		defer b.running.Done()
		fn()
	}()
	return true
}

// stop drops every job not yet started and waits for those running.
// A job hands its result to the UI with fyne.Do, which does not wait, so
// stop may be called on the UI goroutine.
func (b *background) stop() {
	b.mu.Lock()
	b.stopped = true
	b.mu.Unlock()
	b.running.Wait()
}
