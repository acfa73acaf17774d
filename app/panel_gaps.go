package app

import "fyne.io/fyne/v2"

type gapsUI struct{}

// gapsPanel lists measures other cities have that the open draft lacks.
func gapsPanel(s *Shell) fyne.CanvasObject {
	return placeholder("Gaps", "Measures other cities have that this draft lacks.")
}
