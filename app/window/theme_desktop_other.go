//go:build !(linux || freebsd || openbsd || netbsd)

package window

// desktopSetsVariant reports whether the system says which colours it
// wants; on Windows and macOS Fyne reads the system's own setting.
func desktopSetsVariant() bool { return true }
