package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// KeyList is a widget.List that offers typed keys to onKey first, so that
// F8 steps through the changes even when the list has the focus.
type KeyList struct {
	widget.List
	onKey func(*fyne.KeyEvent) bool
}

// NewKeyList makes a KeyList; onKey reports whether it took the key.
func NewKeyList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject),
	onKey func(*fyne.KeyEvent) bool) *KeyList {
	l := &KeyList{onKey: onKey}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey is part of fyne.Focusable.
func (l *KeyList) TypedKey(e *fyne.KeyEvent) {
	if l.onKey == nil || !l.onKey(e) {
		l.List.TypedKey(e)
	}
}
