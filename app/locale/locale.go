// Package locale gives Fyne a language it can parse before Fyne starts.
//
// Fyne's lang package reads the user's locale when it is initialised and
// logs "Error parsing user locale C" on machines whose locale is C or POSIX
// (servers, CI, scripts), which would put a Fyne error on the stderr of
// every command-line run. Imported by main, this package is initialised
// before Fyne's (packages are initialised in import-path order once their
// own imports are, and lang waits for text/template), and names Chinese,
// Qicao's first language, where the locale names none. The window's
// settings choose the language later on.
package locale

import (
	"os"
	"strings"
)

func init() {
	if os.Getenv("LANGUAGE") != "" {
		return
	}
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if l := os.Getenv(v); l != "" {
			if !isC(l) {
				return
			}
			break
		}
	}
	os.Setenv("LANGUAGE", "zh_CN:zh")
}

func isC(l string) bool {
	return l == "C" || l == "POSIX" || len(l) > 2 && l[:2] == "C."
}

// English reports whether the user's locale asks for English messages:
// the first of LANGUAGE, LC_ALL, LC_MESSAGES and LANG that is set names
// an English locale (en, en_US.UTF-8 …). This is the order in which Fyne,
// and so the window before its settings choose, reads them; as gettext
// does, a LANGUAGE is ignored where the locale is C or POSIX. Anything
// else is Chinese, Qicao's first language. The command line chooses its
// error messages with it.
func English() bool {
	lc := ""
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if lc = os.Getenv(v); lc != "" {
			break
		}
	}
	if l := os.Getenv("LANGUAGE"); l != "" && !isC(lc) {
		lc = l
	}
	return lc == "en" || strings.HasPrefix(lc, "en_") || strings.HasPrefix(lc, "en.") || strings.HasPrefix(lc, "en:")
}
