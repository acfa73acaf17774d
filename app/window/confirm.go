package window

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// confirm asks msg under title, over w, with 确定 / 取消, as Word and WPS ask (Fyne's
// own confirm dialog says 是 / 不), and calls fn with the answer.
func confirm(w fyne.Window, title, msg string, fn func(bool)) {
	text := widget.NewLabel(msg)
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(title, lang.L("OK"), lang.L("Cancel"), text, fn, w)
	d.Resize(fyne.NewSize(440, d.MinSize().Height+text.MinSize().Height))
	d.Show()
}
