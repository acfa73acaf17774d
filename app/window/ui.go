package window

import "fyne.io/fyne/v2"

// onUI hands fn to the UI goroutine without waiting, and onUIWait waits
// for it to have run. Every job off the UI goroutine reaches widgets
// through them. They are fyne.Do and fyne.DoAndWait; the tests replace
// them with a queue the test goroutine drains, because Fyne's test driver
// runs fyne.Do on the calling goroutine, so a job would touch widgets
// beside the test and the race detector could not vet the window.
var (
	onUI     = fyne.Do
	onUIWait = fyne.DoAndWait
)
