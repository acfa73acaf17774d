// Command fontshot opens Qicao's main window on the real (GLFW/OpenGL)
// driver, measures the time to the first painted frame, checks on the X
// screen that the sample Chinese label shows ink, optionally takes a
// screenshot of the whole screen with ImageMagick's import, and quits.
// It is the proof that the embedded font renders; run it under Xvfb with
// no CJK fonts visible, as docs/screenshots/README.md shows:
//
//	xvfb-run -a -s '-screen 0 1280x800x24' go run ./app/cmd/fontshot -shot shot.png
package main

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"qicao/app"
	"qicao/app/workspace"
)

var start = time.Now()

func main() {
	shot := flag.String("shot", "", "after the first frame, save a screenshot of the X screen (import -window root) to this PNG")
	hold := flag.Duration("hold", 0, "keep the window open this long after the first frame (and the shot)")
	timeout := flag.Duration("timeout", 5*time.Minute, "give up if nothing is painted by then")
	english := flag.Bool("en", false, "English UI")
	dark := flag.Bool("dark", false, "dark variant")
	fyneFont := flag.Bool("fyne-font", false, "control run: Fyne's default theme and font instead of Qicao's")
	view := flag.String("view", "", "after the font check, show this view (drafts, editor, compare, corpus) or editor panel (suggestions, gaps, templates) before the shot")
	heading := flag.String("heading", "", "with -view: open the draft with the cursor on the clause whose heading contains this")
	corpusDoc := flag.String("doc", "", "with -view corpus: open the corpus document whose file name starts with this")
	template := flag.String("template", "", "with -view templates: choose the template of this name")
	settle := flag.Duration("settle", 2*time.Second, "with -view: wait this long for the view to fill before the shot")
	size := flag.String("size", "1200x760", "window size WxH")
	flag.Parse()

	a := fyneapp.NewWithID(app.AppID + ".fontshot") // own preferences: leave the user's alone
	opts := app.Options{Variant: app.VariantLight, Language: app.LangChinese}
	if *english {
		opts.Language = app.LangEnglish
	}
	if *dark {
		opts.Variant = app.VariantDark
	}
	if err := app.Setup(a, opts); err != nil {
		fmt.Fprintln(os.Stderr, "fontshot:", err)
		os.Exit(1)
	}
	if *fyneFont {
		a.Settings().SetTheme(theme.DefaultTheme())
	}
	dir, err := os.MkdirTemp("", "fontshot")
	if err != nil {
		fmt.Fprintln(os.Stderr, "fontshot:", err)
		os.Exit(1)
	}
	defer os.RemoveAll(dir)
	ws, err := workspace.Open(filepath.Join(dir, "qicao.db"))
	if err != nil {
		fmt.Fprintln(os.Stderr, "fontshot:", err)
		os.Exit(1)
	}
	defer ws.Close()
	s := app.NewShell(a, ws)
	w := s.Window
	var width, height float32
	if _, err := fmt.Sscanf(*size, "%fx%f", &width, &height); err != nil {
		fmt.Fprintln(os.Stderr, "fontshot: -size:", err)
		os.Exit(2)
	}
	w.Resize(fyne.NewSize(width, height))
	w.Show()

	drafts, _ := s.Content("drafts").(*fyne.Container)
	label := findLabel(drafts, app.SampleTraditional)
	if label == nil {
		fmt.Fprintln(os.Stderr, "fontshot: the drafts view has no sample label")
		os.Exit(1)
	}
	// The GL painter draws objects in tree order and calls a raster's
	// generator while drawing it; one placed after the sample labels thus
	// tells when the first frame has been painted. (On Xvfb the front
	// buffer that Canvas.Capture reads stays black, so it cannot tell.)
	painted := make(chan time.Duration, 1)
	marker := canvas.NewRasterWithPixels(func(x, y, w, h int) color.Color {
		select {
		case painted <- time.Since(start):
		default:
		}
		return color.Transparent
	})
	marker.SetMinSize(fyne.NewSize(1, 1))
	drafts.Add(marker)

	exit := 0
	a.Lifecycle().SetOnStarted(func() {
		go func() {
			defer fyne.Do(a.Quit)
			var first time.Duration
			select {
			case first = <-painted:
			case <-time.After(*timeout - time.Since(start)):
				fmt.Fprintf(os.Stderr, "fontshot: nothing painted after %v\n", *timeout)
				exit = 1
				return
			}
			fmt.Printf("first frame painted: %d ms after start\n", first.Milliseconds())
			var r image.Rectangle
			fyne.DoAndWait(func() {
				pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(label)
				x0, y0 := w.Canvas().PixelCoordinateForPosition(pos)
				x1, y1 := w.Canvas().PixelCoordinateForPosition(pos.Add(label.Size()))
				r = image.Rect(x0, y0, x1, y1)
			})
			// Under Xvfb with no window manager the window sits at the
			// screen's top left, so window pixels are screen pixels.
			n, err := screenInk(r)
			if err != nil {
				fmt.Fprintln(os.Stderr, "fontshot:", err)
				exit = 1
				return
			}
			fmt.Printf("ink pixels in the traditional sample label on screen: %d\n", n)
			if n < 500 {
				fmt.Fprintln(os.Stderr, "fontshot: the sample label shows no text on screen")
				exit = 1
			}
			if *view != "" {
				var err error
				fyne.DoAndWait(func() { err = panelView(s, *view, *heading, *corpusDoc, *template) })
				if err != nil {
					fmt.Fprintln(os.Stderr, "fontshot:", err)
					exit = 1
					return
				}
				time.Sleep(*settle)
			}
			if *shot != "" {
				if out, err := exec.Command("import", "-window", "root", *shot).CombinedOutput(); err != nil {
					fmt.Fprintf(os.Stderr, "fontshot: import: %v %s\n", err, out)
					exit = 1
					return
				}
				fmt.Println("screenshot:", *shot)
			}
			time.Sleep(*hold)
		}()
	})
	a.Run()
	os.Exit(exit)
}

// screenInk grabs rectangle r of the X screen with ImageMagick's import and
// counts its pixels of ink, trying for a second while the frame reaches
// the screen.
func screenInk(r image.Rectangle) (int, error) {
	var n int
	for try := 0; try < 5; try++ {
		crop := fmt.Sprintf("%dx%d+%d+%d", r.Dx(), r.Dy(), r.Min.X, r.Min.Y)
		out, err := exec.Command("import", "-window", "root", "-crop", crop, "png:-").Output()
		if err != nil {
			return 0, fmt.Errorf("import: %v", err)
		}
		img, err := png.Decode(bytes.NewReader(out))
		if err != nil {
			return 0, fmt.Errorf("import's PNG: %v", err)
		}
		if n = inked(img); n >= 500 {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	return n, nil
}

// inked counts the pixels that differ clearly from the top-left pixel (the
// background).
func inked(img image.Image) int {
	b := img.Bounds()
	if b.Empty() {
		return 0
	}
	br, bg, bb, _ := img.At(b.Min.X, b.Min.Y).RGBA()
	n := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			if diff(cr, br)+diff(cg, bg)+diff(cb, bb) > 3*0x2000 {
				n++
			}
		}
	}
	return n
}

func diff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}

func findLabel(o fyne.CanvasObject, text string) *widget.Label {
	switch o := o.(type) {
	case *widget.Label:
		if strings.Contains(o.Text, text) {
			return o
		}
	case *fyne.Container:
		for _, c := range o.Objects {
			if l := findLabel(c, text); l != nil {
				return l
			}
		}
	}
	return nil
}
