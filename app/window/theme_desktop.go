//go:build linux || freebsd || openbsd || netbsd

package window

import (
	"sync"
	"time"

	"github.com/rymdport/portal/settings/appearance"
)

// desktopSetsVariant reports whether the desktop says which colours it
// wants: the freedesktop settings portal answers color-scheme (Fyne asks
// the same portal). Without an answer — no desktop session, a bare X
// server, a portal that hangs — Fyne falls back to dark; Qicao, like Word
// and WPS, comes up light.
var desktopSetsVariant = sync.OnceValue(func() bool {
	answer := make(chan bool, 1)
	go func() {
		_, err := appearance.GetColorScheme()
		answer <- err == nil
	}()
	select {
	case ok := <-answer:
		return ok
	case <-time.After(500 * time.Millisecond): // the lookup hangs on some desktops
		return false
	}
})
