package window

import (
	"bytes"
	"encoding/json"
	"image"
	"image/color"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/go-text/typesetting/font"

	"qicao/app/cmd/fontshot/ink"
	"qicao/assets"
	"qicao/drafts"
)

func TestThemeReturnsEmbeddedFonts(t *testing.T) {
	th := NewTheme(VariantSystem, 1)
	cases := []struct {
		name  string
		style fyne.TextStyle
		want  []byte
	}{
		{"regular", fyne.TextStyle{}, assets.FontRegular()},
		{"bold", fyne.TextStyle{Bold: true}, assets.FontBold()},
		{"italic", fyne.TextStyle{Italic: true}, assets.FontRegular()},
		{"bold italic", fyne.TextStyle{Bold: true, Italic: true}, assets.FontBold()},
		{"monospace", fyne.TextStyle{Monospace: true}, assets.FontRegular()},
	}
	for _, c := range cases {
		got := th.Font(c.style)
		if !bytes.Equal(got.Content(), c.want) {
			t.Errorf("%s: Font returned %q (%d bytes), not the embedded face", c.name, got.Name(), len(got.Content()))
		}
	}
	if bytes.Equal(th.Font(fyne.TextStyle{}).Content(), th.Font(fyne.TextStyle{Bold: true}).Content()) {
		t.Error("bold and regular are the same face")
	}
	if got, want := th.Font(fyne.TextStyle{Symbol: true}), theme.DefaultTheme().Font(fyne.TextStyle{Symbol: true}); got != want {
		t.Errorf("symbol font = %q, want Fyne's %q", got.Name(), want.Name())
	}
	// Both faces must parse as Fyne parses them (go-text), single faces.
	for _, r := range []fyne.Resource{FontRegular, FontBold} {
		if _, err := font.ParseTTF(bytes.NewReader(r.Content())); err != nil {
			t.Errorf("%s does not parse: %v", r.Name(), err)
		}
	}
}

func TestThemeVariantAndScale(t *testing.T) {
	base := theme.DefaultTheme()
	bg := theme.ColorNameBackground
	if got, want := NewTheme(VariantDark, 1).Color(bg, theme.VariantLight), base.Color(bg, theme.VariantDark); got != want {
		t.Errorf("forced dark: background %v, want %v", got, want)
	}
	if got, want := NewTheme(VariantLight, 1).Color(bg, theme.VariantDark), base.Color(bg, theme.VariantLight); got != want {
		t.Errorf("forced light: background %v, want %v", got, want)
	}
	sys := NewTheme(VariantSystem, 1)
	sys.followSystem = true // a desktop that says light or dark
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		if got, want := sys.Color(bg, v), base.Color(bg, v); got != want {
			t.Errorf("system variant %d: background %v, want %v", v, got, want)
		}
	}
	sys.followSystem = false // none: Fyne's fallback is dark, Qicao's light
	if got, want := sys.Color(bg, theme.VariantDark), base.Color(bg, theme.VariantLight); got != want {
		t.Errorf("no desktop setting: background %v, want light %v", got, want)
	}
	big := NewTheme(VariantSystem, 1.5)
	if got, want := big.Size(theme.SizeNameText), 1.5*base.Size(theme.SizeNameText); got != want {
		t.Errorf("text size at 1.5× = %v, want %v", got, want)
	}
	if got, want := big.Size(theme.SizeNamePadding), base.Size(theme.SizeNamePadding); got != want {
		t.Errorf("padding scaled: %v, want %v", got, want)
	}
	for in, want := range map[float32]float32{0: 1, 0.1: MinFontScale, 9: MaxFontScale, 1.25: 1.25} {
		if got := NewTheme(VariantSystem, in).FontScale(); got != want {
			t.Errorf("scale %v → %v, want %v", in, got, want)
		}
	}
}

func TestSettingsRoundTrip(t *testing.T) {
	a := test.NewTempApp(t)
	if got := CurrentSettings(a); got != (Settings{LangChinese, VariantSystem, 1}) {
		t.Errorf("defaults = %+v", got)
	}
	if err := Setup(a, Options{Variant: VariantDark, FontScale: 1.25}); err != nil {
		t.Fatal(err)
	}
	if got := CurrentSettings(a); got != (Settings{LangChinese, VariantDark, 1.25}) {
		t.Errorf("after Setup = %+v", got)
	}
	th, ok := a.Settings().Theme().(*Theme)
	if !ok || th.Variant() != VariantDark || th.FontScale() != 1.25 {
		t.Errorf("app theme = %#v", a.Settings().Theme())
	}
}

// Every character the UI can show from its own data — the corpus, the
// translations, the sample titles — must be in both embedded faces, or
// Fyne would look for it in system fonts (slow) and draw � without them.
func TestFontsCoverCorpusAndUI(t *testing.T) {
	var text strings.Builder
	for _, f := range assets.Corpus() {
		text.Write(f.Data)
	}
	for _, v := range loadTranslations(t, "zh-Hans.json") {
		text.WriteString(v)
	}
	text.WriteString(SampleSimplified + SampleTraditional + SampleDocNumber + SampleNumbering + Title)
	need := map[rune]bool{}
	for _, r := range text.String() {
		if r != unicode.ReplacementChar && (unicode.IsPrint(r) || r == '\u3000') && r != ' ' {
			need[r] = true
		}
	}
	for _, r := range []fyne.Resource{FontRegular, FontBold} {
		face, err := font.ParseTTF(bytes.NewReader(r.Content()))
		if err != nil {
			t.Fatal(err)
		}
		var missing []rune
		for c := range need {
			if _, ok := face.NominalGlyph(c); !ok {
				missing = append(missing, c)
			}
		}
		if len(missing) > 0 {
			t.Errorf("%s lacks %d characters: %q", r.Name(), len(missing), string(missing))
		}
	}
	t.Logf("%d distinct characters checked", len(need))
}

func loadTranslations(t *testing.T, name string) map[string]string {
	t.Helper()
	data, err := translations.ReadFile("translations/" + name)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return m
}

// Every UI string of the package — lang.L("…"), a View's Title and a
// placeholder's texts — must be translated in both languages.
func TestTranslationsComplete(t *testing.T) {
	zh, en := loadTranslations(t, "zh-Hans.json"), loadTranslations(t, "en.json")
	for k := range zh {
		if _, ok := en[k]; !ok {
			t.Errorf("%q is in zh-Hans.json but not en.json", k)
		}
	}
	for k := range en {
		if _, ok := zh[k]; !ok {
			t.Errorf("%q is in en.json but not zh-Hans.json", k)
		}
	}
	files, _ := filepath.Glob("*.go")
	pats := []*regexp.Regexp{
		regexp.MustCompile(`lang\.L\("((?:[^"\\]|\\.)*)"`),
		regexp.MustCompile(`Title:\s*"((?:[^"\\]|\\.)*)"`),
		regexp.MustCompile(`placeholder\("((?:[^"\\]|\\.)*)",\s*"((?:[^"\\]|\\.)*)"\)`),
	}
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range pats {
			for _, m := range p.FindAllStringSubmatch(string(src), -1) {
				for _, s := range m[1:] {
					n++
					if _, ok := zh[s]; !ok {
						t.Errorf("%s: %q has no Chinese in translations/zh-Hans.json", f, s)
					}
					if _, ok := en[s]; !ok {
						t.Errorf("%s: %q missing from translations/en.json", f, s)
					}
				}
			}
		}
	}
	if n < 20 {
		t.Errorf("found only %d UI strings in the sources: the scan is broken", n)
	}
}

func TestLanguageChineseByDefaultEnglishOnRequest(t *testing.T) {
	for _, env := range []map[string]string{
		{"LANG": "en_US.UTF-8", "LANGUAGE": "en_US:en", "LC_ALL": "", "LC_MESSAGES": ""},
		{"LANG": "C", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": ""},
		{"LANG": "", "LANGUAGE": "", "LC_ALL": "POSIX", "LC_MESSAGES": ""},
		{"LANG": "de_DE.UTF-8", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": ""},
	} {
		for k, v := range env {
			t.Setenv(k, v)
		}
		a := test.NewTempApp(t)
		if err := Setup(a, Options{}); err != nil {
			t.Fatal(err)
		}
		if got := lang.L("Drafts"); got != "草稿" {
			t.Errorf("env %v, default: Drafts → %q, want 草稿", env, got)
		}
		if got := lang.L("Cancel"); got != "取消" { // Fyne's own strings follow
			t.Errorf("env %v, default: Cancel → %q, want 取消", env, got)
		}
		if err := Setup(a, Options{Language: LangEnglish}); err != nil {
			t.Fatal(err)
		}
		if got := lang.L("Drafts"); got != "Drafts" {
			t.Errorf("env %v, English: Drafts → %q", env, got)
		}
		if got := CurrentSettings(a).Language; got != LangEnglish {
			t.Errorf("English not saved: %q", got)
		}
		// The English choice persists until changed back.
		if err := Setup(a, Options{}); err != nil {
			t.Fatal(err)
		}
		if got := lang.L("Settings"); got != "Settings" {
			t.Errorf("env %v, saved English: Settings → %q", env, got)
		}
		if err := Setup(a, Options{Language: LangChinese}); err != nil {
			t.Fatal(err)
		}
		if got := lang.L("Settings"); got != "设置" {
			t.Errorf("env %v, back to Chinese: Settings → %q", env, got)
		}
	}
}

func TestFyneAppTomlMatches(t *testing.T) {
	data, err := os.ReadFile("../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`ID = "` + AppID + `"`, `Name = "` + Title + `"`, `Icon = "assets/icon.png"`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("FyneApp.toml lacks %s", want)
		}
	}
}

func TestShellViews(t *testing.T) {
	a := test.NewTempApp(t)
	if err := Setup(a, Options{Language: LangChinese}); err != nil {
		t.Fatal(err)
	}
	s := testShell(t, a, testWorkspace(t))
	if s.Window.Title() != Title {
		t.Errorf("title %q", s.Window.Title())
	}
	ids := map[string]bool{}
	for _, v := range views() {
		if v.ID == "" || v.Title == "" || v.Make == nil || ids[v.ID] {
			t.Errorf("bad view %+v", v)
		}
		ids[v.ID] = true
	}
	for _, id := range []string{"drafts", "editor", "compare", "corpus"} {
		if !s.Show(id) || s.Current() != id || s.Content(id) == nil {
			t.Errorf("view %q not shown", id)
		}
	}
	if s.Show("nope") {
		t.Error("Show of an unknown view succeeded")
	}
}

// renderText draws s alone, in the current theme, and returns its pixels.
func renderText(t *testing.T, s string, style fyne.TextStyle) image.Image {
	t.Helper()
	txt := canvas.NewText(s, color.Black)
	txt.TextSize = 24
	txt.TextStyle = style
	w := test.NewTempWindow(t, txt)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(txt.MinSize().Width+4, 40))
	return w.Canvas().Capture()
}

func sameImage(a, b image.Image) bool {
	if a.Bounds() != b.Bounds() {
		return false
	}
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				return false
			}
		}
	}
	return true
}

// The main window on Fyne's test driver (software rendering, no display):
// the sample labels are drawn with ink, and each Chinese character comes
// out as its own glyph, not as the box or � that a missing glyph gives.
func TestWindowRendersCJK(t *testing.T) {
	a := test.NewTempApp(t)
	if err := Setup(a, Options{Language: LangChinese, Variant: VariantLight}); err != nil {
		t.Fatal(err)
	}
	// The drafts view lists the example draft (泰安, simplified) and one
	// with a traditional title.
	ws := testWorkspace(t)
	if _, err := ws.CreateDraft(SampleTraditional, "济宁", "", ""); err != nil {
		t.Fatal(err)
	}
	s := testShell(t, a, ws)
	w := s.Window
	w.Resize(fyne.NewSize(1200, 760))
	img := w.Canvas().Capture()
	if img.Bounds().Dx() < 1000 || img.Bounds().Dy() < 600 {
		t.Fatalf("capture is %v", img.Bounds())
	}
	bg := theme.Color(theme.ColorNameBackground)
	found := 0
	for _, o := range test.LaidOutObjects(w.Content()) {
		l, ok := o.(*widget.Label)
		if !ok || (!strings.Contains(l.Text, SampleSimplified) && !strings.Contains(l.Text, SampleTraditional)) {
			continue
		}
		found++
		pos := a.Driver().AbsolutePositionForObject(l)
		size := l.Size()
		sc := w.Canvas().Scale()
		r := image.Rect(int(pos.X*sc), int(pos.Y*sc), int((pos.X+size.Width)*sc), int((pos.Y+size.Height)*sc))
		if n := ink.Count(img, r, bg); n < 500 {
			t.Errorf("label %q: only %d inked pixels in %v", l.Text, n, r)
		}
	}
	if found != 2 {
		t.Fatalf("found %d sample labels, want 2", found)
	}

	// A code point no font has is drawn as the missing-glyph mark; no
	// character of the samples may look like it, and distinct characters
	// must look distinct.
	tofu := renderText(t, "\U000F0000", fyne.TextStyle{})
	if ink.Count(tofu, tofu.Bounds(), color.White) == 0 {
		t.Fatal("the missing-glyph mark drew nothing: the comparison below would be void")
	}
	seen := map[rune]image.Image{}
	for _, style := range []fyne.TextStyle{{}, {Bold: true}} {
		for _, r := range SampleSimplified + SampleTraditional {
			if style.Bold && seen[r] == nil {
				continue
			}
			g := renderText(t, string(r), style)
			if ink.Count(g, g.Bounds(), color.White) < 20 {
				t.Errorf("%q (bold %v) drew nothing", r, style.Bold)
			}
			if sameImage(g, tofu) {
				t.Errorf("%q (bold %v) is drawn as the missing-glyph mark", r, style.Bold)
			}
			if !style.Bold {
				seen[r] = g
			} else if sameImage(g, seen[r]) {
				t.Errorf("%q: bold looks like regular", r)
			}
		}
	}
	for r1, g1 := range seen {
		for r2, g2 := range seen {
			if r1 < r2 && sameImage(g1, g2) {
				t.Errorf("%q and %q render identically", r1, r2)
			}
		}
	}
}

func TestSettingsMenu(t *testing.T) {
	a := test.NewTempApp(t)
	if err := Setup(a, Options{Language: LangChinese}); err != nil {
		t.Fatal(err)
	}
	s := testShell(t, a, testWorkspace(t))
	menu := s.Window.MainMenu()
	if menu == nil || len(menu.Items) == 0 || menu.Items[0].Label != "设置" {
		t.Fatalf("main menu: %+v", menu)
	}
	click := func(label string) {
		t.Helper()
		for _, it := range menu.Items[0].Items {
			if it.Label == label {
				it.Action()
				return
			}
		}
		t.Fatalf("no menu item %q", label)
	}
	click("放大字号")
	click("深色")
	if got := CurrentSettings(a); got.FontScale != 1.125 || got.Variant != VariantDark {
		t.Errorf("after 放大字号 and 深色: %+v", got)
	}
	if th := a.Settings().Theme().(*Theme); th.FontScale() != 1.125 || th.Variant() != VariantDark {
		t.Errorf("theme not applied: %+v", th)
	}
	click("默认字号")
	click("跟随系统配色")
	click("English")
	if got := CurrentSettings(a); got != (Settings{LangEnglish, VariantSystem, 1}) {
		t.Errorf("after reset and English: %+v", got)
	}
}

func TestRunWithoutDisplay(t *testing.T) {
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	if err := Run(Options{DBPath: filepath.Join(t.TempDir(), "q.db")}); err != ErrNoDisplay {
		t.Errorf("Run without a display: %v", err)
	}
	// Told before any window, in both languages (main chooses by the locale).
	if got := drafts.Message(ErrNoDisplay, false); got != "没有可用的图形显示（未设置 DISPLAY 或 WAYLAND_DISPLAY）：请在桌面环境中运行起草，或使用命令行子命令（qicao help）" {
		t.Errorf("Chinese: %q", got)
	}
	if got := drafts.Message(ErrNoDisplay, true); !strings.HasPrefix(got, "There is no graphical display") || !strings.HasSuffix(got, "(qicao help)") {
		t.Errorf("English: %q", got)
	}
}
