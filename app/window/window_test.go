//go:build window

package window

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestWindowFontOnScreen opens the real main window (GLFW, OpenGL) on the
// display — `make window` provides one with Xvfb — through the fontshot
// command, which waits for the first painted frame, checks that the
// traditional sample label shows ink on the X screen and takes a
// screenshot. docs/screenshots/shoot.sh runs the same with every system
// CJK font hidden.
func TestWindowFontOnScreen(t *testing.T) {
	if os.Getenv("DISPLAY") == "" {
		t.Skip("no DISPLAY: run under xvfb-run (make window)")
	}
	if _, err := exec.LookPath("import"); err != nil {
		t.Skip("ImageMagick's import is missing")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "fontshot")
	if out, err := exec.Command("go", "build", "-o", bin, "qicao/app/cmd/fontshot").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	shot := filepath.Join(dir, "shot.png")
	cmd := exec.Command(bin, "-shot", shot, "-timeout", "3m")
	cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+dir) // preferences of its own
	out, err := cmd.CombinedOutput()
	t.Logf("%s", out)
	if err != nil {
		t.Fatalf("fontshot: %v", err)
	}
	if !strings.Contains(string(out), "first frame painted") {
		t.Error("no first frame reported")
	}
	if fi, err := os.Stat(shot); err != nil || fi.Size() < 10000 {
		t.Errorf("screenshot missing or tiny: %v", err)
	}
}
