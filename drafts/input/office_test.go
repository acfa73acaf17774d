package input

import (
	"errors"
	"os/exec"
	"strings"
	"testing"
)

// needOffice skips a test when LibreOffice is not installed (make test
// installs it: .ci/deps extra).
func needOffice(t *testing.T) {
	t.Helper()
	if _, err := lookOffice(); err != nil {
		t.Skip("LibreOffice (soffice) is not installed: `.ci/deps extra` installs " + officePackage)
	}
	if testing.Short() {
		t.Skip("LibreOffice conversions skipped in -short mode")
	}
}

// TestOffice reads a .doc, a .wps (WPS saves the same compound-file
// format), an .rtf and an .odt that LibreOffice made from seed 000's Word
// file, through LibreOffice: every paragraph of the Word file comes back.
func TestOffice(t *testing.T) {
	needOffice(t)
	want := nonEmptyLines(string(readTestdata(t, "pdf", "taian_2024_yijian.txt")))
	for _, ext := range []string{".doc", ".wps", ".rtf", ".odt"} {
		t.Run(ext, func(t *testing.T) {
			got, err := Decode("意见"+ext, readTestdata(t, "office", "taian_2024_yijian"+ext))
			if err != nil {
				t.Fatal(err)
			}
			lines := nonEmptyLines(got)
			if len(lines) != len(want) {
				t.Fatalf("%d paragraphs, want %d:\n%s", len(lines), len(want), got)
			}
			for i := range want {
				if strings.TrimSpace(lines[i]) != strings.TrimSpace(want[i]) {
					t.Errorf("paragraph %d: %q, want %q", i, prefix(lines[i], 60), prefix(want[i], 60))
				}
			}
		})
	}
	// A damaged .doc: LibreOffice fails, and says so in Chinese.
	bad := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, randomBytes(4096, false)...)
	_, err := Decode("坏.doc", bad)
	wantRefusal(t, "坏.doc", err, KindConvertFailed)
}

// TestNoOffice refuses the files LibreOffice reads, naming the package to
// install, when it is not installed.
func TestNoOffice(t *testing.T) {
	saved := lookOffice
	lookOffice = func() (string, error) { return "", exec.ErrNotFound }
	defer func() { lookOffice = saved }()
	files := map[string][]byte{
		"旧.doc": readTestdata(t, "office", "taian_2024_yijian.doc"),
		"旧.wps": readTestdata(t, "office", "taian_2024_yijian.wps"),
		"旧.rtf": []byte(`{\rtf1\ansi\ansicpg936 {\fonttbl} hello}`),
		"旧.odt": readTestdata(t, "office", "taian_2024_yijian.odt"),
	}
	for name, data := range files {
		_, err := Decode(name, data)
		wantRefusal(t, name, err, KindNoOffice)
		if !strings.Contains(err.Error(), officePackage) || !errors.Is(err, exec.ErrNotFound) {
			t.Errorf("%s: %v", name, err)
		}
	}
}
