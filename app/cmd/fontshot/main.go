// Command fontshot opens Qicao's main window on the real (GLFW/OpenGL)
// driver, measures the time to the first painted frame, checks on the X
// screen that a Chinese label (a draft's traditional title in the drafts
// view, the open draft's title in the editor) shows ink, optionally takes a
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
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"qicao/app/cmd/fontshot/ink"
	"qicao/app/window"
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
	clause := flag.Int("clause", 0, "show the editor with the example draft open and this clause selected")
	fullText := flag.Bool("fulltext", false, "with -clause: show the whole document")
	versions := flag.Bool("versions", false, "with -clause: show the versions dialog")
	typeN := flag.Int("type", 0, "with -clause: after the shot, type this many characters into the clause pane and time each to the next painted frame, then time switching clauses and the write-back")
	view := flag.String("view", "", "after the first frame, show this view before the shot: compare, compare:table (the 对照表 tab), compare:figures (目标变化); drafts, editor, corpus; or an editor panel: suggestions, gaps, templates, proof")
	steps := flag.Int("next", 0, "with -view compare: step this many changes forward (F8) before the shot")
	keys := flag.String("keys", "", "with -view compare: then type these keys into the window with xdotool (e.g. \"F8 F8 shift+F8 alt+Next\") and print the change selected after each")
	importFile := flag.String("import", "", "import this text file as a new draft (as 导入文件… does) and open it")
	heading := flag.String("heading", "", "with -view: open the draft with the cursor on the clause whose heading contains this")
	corpusDoc := flag.String("doc", "", "with -view corpus: open the corpus document whose file name starts with this")
	template := flag.String("template", "", "with -view templates: choose the template of this name")
	fill := flag.String("fill", "", "with -template: type these values into its form, name=value;name=value (配合单位=市发展改革委、市财政局)")
	settle := flag.Duration("settle", 2*time.Second, "with -view: wait this long for the view to fill before the shot")
	size := flag.String("size", "1200x760", "window size WxH")
	dbPath := flag.String("db", os.Getenv("QICAO_DB"), "open this database (default $QICAO_DB, else a new one in a temporary folder); every run adds a draft to it and writes the daily backup beside it, so point it at a copy")
	flag.Parse()

	a := fyneapp.NewWithID(window.AppID + ".fontshot") // own preferences: leave the user's alone
	opts := window.Options{Variant: window.VariantLight, Language: window.LangChinese}
	if *english {
		opts.Language = window.LangEnglish
	}
	if *dark {
		opts.Variant = window.VariantDark
	}
	if err := window.Setup(a, opts); err != nil {
		fail(err)
	}
	if *fyneFont {
		a.Settings().SetTheme(theme.DefaultTheme())
	}
	dir, err := os.MkdirTemp("", "fontshot")
	if err != nil {
		fail(err)
	}
	tempDir = dir
	path := *dbPath
	if path == "" {
		path = filepath.Join(dir, "qicao.db")
	}
	ws, err := workspace.OpenQuickly(path) // as the window opens it (window.Run)
	if err != nil {
		fail(err)
	}
	opened := time.Since(start)
	defer ws.Close()
	// A draft with a traditional title, beside the example draft: the
	// drafts view shows it, and its title is the label checked for ink.
	trad, err := ws.CreateDraft(window.SampleTraditional, "济宁", "", "")
	if err != nil {
		fail(err)
	}
	s := window.NewShell(a, ws)
	w := s.Window
	var width, height float32
	if _, err := fmt.Sscanf(*size, "%fx%f", &width, &height); err != nil {
		fmt.Fprintln(os.Stderr, "fontshot: -size:", err)
		exit(2)
	}
	w.Resize(fyne.NewSize(width, height))
	want := window.SampleTraditional
	if *clause > 0 {
		if want, err = showClause(s, *clause, *fullText, *versions); err != nil {
			fail(err)
		}
	} else if *importFile != "" {
		data, err := os.ReadFile(*importFile)
		if err == nil {
			err = s.ImportDraft(filepath.Base(*importFile), string(data), "导入")
		}
		if err != nil || !s.Show("editor") {
			fail(fmt.Errorf("-import: %v", err))
		}
		want = s.Session.Title // the editor's head shows it
	} else if err := s.OpenDraft(trad.ID); err != nil {
		fail(err)
	}
	fmt.Printf("database opened %d ms after start, window built %d ms after start\n", opened.Milliseconds(), time.Since(start).Milliseconds())
	w.Show()
	s.CheckRest(func(err error) { fail(err) })

	label := findLabel(s.Content(s.Current()), want)
	if label == nil {
		fmt.Fprintf(os.Stderr, "fontshot: the %s view has no label with %s\n", s.Current(), want)
		exit(1)
	}
	// The GL painter draws objects in tree order and calls a raster's
	// generator while drawing it; one placed after the window's content
	// thus tells when the first frame has been painted. (On Xvfb the front
	// buffer that Canvas.Capture reads stays black, so it cannot tell.)
	painted := make(chan time.Duration, 1)
	marker := canvas.NewRasterWithPixels(func(x, y, w, h int) color.Color {
		select {
		case painted <- time.Since(start):
		default:
		}
		return color.Transparent
	})
	marker.Resize(fyne.NewSize(1, 1))
	w.SetContent(container.NewStack(w.Content(), container.NewWithoutLayout(marker)))

	code := 0
	a.Lifecycle().SetOnStarted(func() {
		go func() {
			defer fyne.Do(a.Quit)
			var first time.Duration
			select {
			case first = <-painted:
			case <-time.After(*timeout - time.Since(start)):
				fmt.Fprintf(os.Stderr, "fontshot: nothing painted after %v\n", *timeout)
				code = 1
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
				code = 1
				return
			}
			fmt.Printf("ink pixels in the label on screen: %d\n", n)
			if n < 500 {
				fmt.Fprintln(os.Stderr, "fontshot: the sample label shows no text on screen")
				code = 1
			}
			if *view != "" {
				if err := showAnyView(s, *view, *steps, *keys, *heading, *corpusDoc, *template, *fill, *settle); err != nil {
					fmt.Fprintln(os.Stderr, "fontshot:", err)
					code = 1
					return
				}
			}
			if *shot != "" {
				if out, err := exec.Command("import", "-window", "root", *shot).CombinedOutput(); err != nil {
					fmt.Fprintf(os.Stderr, "fontshot: import: %v %s\n", err, out)
					code = 1
					return
				}
				fmt.Println("screenshot:", *shot)
			}
			if *typeN > 0 && *clause > 0 {
				measure(s, marker, painted, *typeN)
			}
			time.Sleep(*hold)
			fmt.Println(memory())
		}()
	})
	a.Run()
	exit(code)
}

// memory reports the process's resident set now and at its peak.
func memory() string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "memory: " + err.Error()
	}
	var rss, hwm string
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "VmRSS:"); ok {
			rss = strings.TrimSpace(v)
		}
		if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			hwm = strings.TrimSpace(v)
		}
	}
	return fmt.Sprintf("memory: RSS %s, peak RSS %s", rss, hwm)
}

// fail reports err and exits 1 (before the window runs).
func fail(err error) {
	fmt.Fprintln(os.Stderr, "fontshot:", err)
	exit(1)
}

// tempDir is the run's temporary folder, removed by exit.
var tempDir string

// exit removes the temporary folder (os.Exit runs no deferred call) and
// exits with code.
func exit(code int) {
	if tempDir != "" {
		os.RemoveAll(tempDir)
	}
	os.Exit(code)
}

// showAnyView shows the comparison view (stepping and typing keys) or
// another view or panel (with the cursor on a clause, a corpus document or
// a template chosen), then waits for it to fill.
func showAnyView(s *window.Shell, view string, steps int, keys, heading, doc, template, fill string, settle time.Duration) error {
	if strings.HasPrefix(view, "compare") {
		if err := showView(s, view, steps); err != nil {
			return err
		}
		return typeKeys(s, keys)
	}
	var err error
	fyne.DoAndWait(func() { err = panelView(s, view, heading, doc, template, fill) })
	time.Sleep(settle)
	return err
}

// showView opens the example draft, shows view (compare or
// compare:table), waits for its comparison, steps through steps changes
// and leaves a moment for the frame to reach the screen.
func showView(s *window.Shell, view string, steps int) error {
	id, tab, _ := strings.Cut(view, ":")
	var err error
	t := time.Now()
	fyne.DoAndWait(func() {
		if err = s.OpenDraft(1); err == nil && !s.Show(id) {
			err = fmt.Errorf("no view %q", id)
		}
	})
	if err != nil {
		return err
	}
	var cv *window.CompareView
	fyne.DoAndWait(func() { cv, _ = s.Content(id).(*window.CompareView) })
	if cv != nil {
		cv.Wait()
		fmt.Printf("compare view: comparison handed to the UI %d ms after the view was asked for\n", time.Since(t).Milliseconds())
		fyne.DoAndWait(func() {
			for range steps {
				cv.Next()
			}
			switch tab {
			case "table":
				cv.ShowTab(1)
			case "figures":
				cv.ShowTab(2)
			}
		})
	}
	time.Sleep(1500 * time.Millisecond)
	return nil
}

// typeKeys sends keys (xdotool names, space-separated) to the window one
// by one, as a user would, and prints the compare view's position after
// each: the proof that the keys reach the view on the real driver.
func typeKeys(s *window.Shell, keys string) error {
	cv, _ := s.Content("compare").(*window.CompareView)
	if keys == "" || cv == nil {
		return nil
	}
	win, err := exec.Command("xdotool", "search", "--name", window.Title).Output()
	if err != nil {
		return fmt.Errorf("xdotool search: %v", err)
	}
	id := strings.Fields(string(win))[0]
	exec.Command("xdotool", "windowfocus", "--sync", id).Run()
	for _, k := range strings.Fields(keys) {
		t := time.Now()
		if out, err := exec.Command("xdotool", "key", "--window", id, k).CombinedOutput(); err != nil {
			return fmt.Errorf("xdotool key %s: %v %s", k, err, out)
		}
		time.Sleep(300 * time.Millisecond)
		var pos string
		var sel int
		fyne.DoAndWait(func() { pos, sel = cv.ChangePosition(), cv.Selected() })
		fmt.Printf("key %s: %s (pair %d) %d ms\n", k, pos, sel, time.Since(t).Milliseconds()-300)
	}
	return nil
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
		b := img.Bounds() // the top-left pixel is the background
		if n = ink.Count(img, b, img.At(b.Min.X, b.Min.Y)); n >= 500 {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	return n, nil
}

// showClause opens the example draft in the editor with clause n
// selected, and returns the text of a label there to check for ink (the
// draft's title above the outline).
func showClause(s *window.Shell, n int, fullText, versions bool) (string, error) {
	list, err := s.Session.WS.Drafts()
	if err != nil {
		return "", err
	}
	for _, d := range list {
		if strings.Contains(d.Title, "泰安") {
			s.OpenAndEdit(d.ID)
		}
	}
	if s.Session.Doc == nil || s.Session.Doc.ClauseByOrdinal(n) == nil {
		return "", fmt.Errorf("the example draft has no clause %d", n)
	}
	s.Select(s.Session.Doc.ClauseByOrdinal(n))
	if fullText {
		s.ToggleFullText()
	}
	if versions {
		s.ShowVersions()
	}
	return s.Session.Title, nil
}

// findLabel finds a label containing text in o, looking into containers,
// splits, scrolls and tabs.
func findLabel(o fyne.CanvasObject, text string) *widget.Label {
	var kids []fyne.CanvasObject
	switch o := o.(type) {
	case *widget.Label:
		if strings.Contains(o.Text, text) {
			return o
		}
	case *fyne.Container:
		kids = o.Objects
	case *container.Split:
		kids = []fyne.CanvasObject{o.Leading, o.Trailing}
	case *container.Scroll:
		kids = []fyne.CanvasObject{o.Content}
	case *container.AppTabs:
		for _, it := range o.Items {
			kids = append(kids, it.Content)
		}
	}
	for _, c := range kids {
		if l := findLabel(c, text); l != nil {
			return l
		}
	}
	return nil
}

// measure times, in the real window, what the officer waits for in the
// editor: a keystroke in the clause pane until the next painted frame
// (keys 150 ms apart, within the write-back delay, as when typing), the
// write-back of the clause into the working text (re-parse, outline and
// panels), and choosing another clause.
func measure(s *window.Shell, marker *canvas.Raster, painted chan time.Duration, n int) {
	frame := func(work func()) time.Duration {
		for len(painted) > 0 {
			<-painted
		}
		t0 := time.Now()
		fyne.DoAndWait(func() { work(); marker.Refresh() })
		select {
		case <-painted:
		case <-time.After(10 * time.Second):
			fmt.Fprintln(os.Stderr, "fontshot: no frame after 10 s")
		}
		return time.Since(t0)
	}
	entry := s.ClauseEntry()
	fyne.DoAndWait(func() { s.Window.Canvas().Focus(entry) })
	var typed []time.Duration
	for i := 0; i < n; i++ {
		time.Sleep(150 * time.Millisecond)
		typed = append(typed, frame(func() { entry.TypedRune('字') }))
	}
	report("keystroke in the clause pane → frame", typed)
	var flushes, switches []time.Duration
	for i := 0; i < 5; i++ {
		time.Sleep(150 * time.Millisecond)
		frame(func() { entry.TypedRune('字') })
		flushes = append(flushes, frame(s.FlushClauseEdit))
		time.Sleep(150 * time.Millisecond)
		target := 20
		if i%2 == 1 {
			target = 9
		}
		switches = append(switches, frame(func() { s.Select(s.Session.Doc.ClauseByOrdinal(target)) }))
	}
	report("write-back of the clause (re-parse, outline, panels) → frame", flushes)
	report("choosing another clause → frame", switches)
}

// report prints the median, the 95th percentile (nearest rank) and the
// maximum of ds.
func report(what string, ds []time.Duration) {
	sorted := append([]time.Duration(nil), ds...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
	p95 := (len(sorted)*95+99)/100 - 1
	fmt.Printf("%s: median %d ms, p95 %d ms, max %d ms over %d\n", what,
		sorted[len(sorted)/2].Milliseconds(), sorted[p95].Milliseconds(), sorted[len(sorted)-1].Milliseconds(), len(sorted))
}
