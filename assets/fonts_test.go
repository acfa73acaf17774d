package assets

import (
	"bytes"
	"testing"
)

// Fyne refuses font collections (.ttc, magic "ttcf") and then panics, so the
// embedded faces must be single OpenType/CFF fonts (magic "OTTO").
func TestFontsAreSingleOpenTypeFaces(t *testing.T) {
	for name, data := range map[string][]byte{"regular": FontRegular(), "bold": FontBold()} {
		if len(data) < 1<<20 {
			t.Errorf("%s font is %d bytes: too small to hold GB 2312", name, len(data))
		}
		if !bytes.HasPrefix(data, []byte("OTTO")) {
			t.Errorf("%s font starts with %q, want an OpenType/CFF face (OTTO)", name, data[:4])
		}
	}
	if bytes.Equal(FontRegular(), FontBold()) {
		t.Error("bold face is the regular face")
	}
	if !bytes.Contains(FontLicense(), []byte("SIL OPEN FONT LICENSE Version 1.1")) {
		t.Error("OFL text missing from the embedded licence")
	}
}
