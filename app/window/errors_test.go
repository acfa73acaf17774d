package window

import (
	"errors"
	"fmt"
	"testing"

	"fyne.io/fyne/v2/test"

	"qicao/drafts"
)

// TestErrorsInTheWindowsLanguage: the English window shows an error's
// English message, the Chinese one its Chinese, and the error stays the
// same for errors.Is.
func TestErrorsInTheWindowsLanguage(t *testing.T) {
	a := test.NewTempApp(t)
	err := fmt.Errorf("「draft:3」：%w", drafts.ErrEmpty)
	if got := localized(a, err); got.Error() != "「draft:3」：文档为空：没有可解析的文字" {
		t.Errorf("Chinese window: %q", got)
	}
	a.Preferences().SetString(PrefLanguage, string(LangEnglish))
	got := localized(a, err)
	if got.Error() != "The document is empty: there is no text to read" || !errors.Is(got, drafts.ErrEmpty) {
		t.Errorf("English window: %q (is ErrEmpty: %v)", got, errors.Is(got, drafts.ErrEmpty))
	}
	if plain := errors.New("别的错误"); message(a, plain) != "别的错误" {
		t.Error("an error without English is not shown as it is")
	}
}
