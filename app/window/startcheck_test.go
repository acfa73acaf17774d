package window

import (
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"qicao/app/workspace"
)

// TestDamageFoundAfterFirstFrame: the window opens a database whose
// reference documents are damaged (the quick open checks the officer's
// tables only), then the check of the rest finds the damage and says so in
// a dialog whose 从备份恢复… leads to the recovery window; 稍后 leaves the
// window as it is.
func TestDamageFoundAfterFirstFrame(t *testing.T) {
	a, path := damagedCorpus(t)
	if _, err := workspace.Open(path); err == nil {
		t.Fatal("the full check at open did not see the damage")
	}
	for _, tap := range []string{"稍后", "从备份恢复…"} {
		ws, err := workspace.OpenQuickly(path)
		if err != nil {
			t.Fatalf("OpenQuickly: %v", err)
		}
		s := testShell(t, a, ws)
		recovered := make(chan error, 1)
		s.CheckRest(func(err error) { recovered <- err })
		deadline := time.Now().Add(10 * time.Second)
		var text string
		for text == "" && time.Now().Before(deadline) {
			runUI()
			if top := s.Window.Canvas().Overlays().Top(); top != nil {
				for _, o := range test.LaidOutObjects(top) {
					if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "参考文件") {
						text = l.Text
					}
				}
			}
			time.Sleep(time.Millisecond)
		}
		if !strings.Contains(text, "已损坏") || !strings.Contains(text, "草稿、版本和模板已检查") || !strings.Contains(text, "先导出") {
			t.Fatalf("dialog after the check: %q", text)
		}
		tapButton(t, s.Window.Canvas().Overlays().Top(), tap)
		select {
		case err := <-recovered:
			if tap == "稍后" {
				t.Errorf("稍后 led to recovery (%v)", err)
			}
		default:
			if tap != "稍后" {
				t.Error("从备份恢复… did not lead to the recovery window")
			}
		}
		stopPumping(s.StopBackground)
		ws.Close()
	}
}

// damagedCorpus makes a Chinese test app and a new database whose
// corpus_docs root page is smashed.
func damagedCorpus(t *testing.T) (fyne.App, string) {
	t.Helper()
	a := test.NewTempApp(t)
	if err := Setup(a, Options{Language: LangChinese}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "qicao.db")
	ws, err := workspace.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ws.Close()
	smashRoot(t, path, "corpus_docs")
	return a, path
}

// smashRoot overwrites the root page of table's b-tree with garbage, as a
// bad sector would.
func smashRoot(t *testing.T, path, table string) {
	t.Helper()
	raw, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	var page, size int64
	err = raw.QueryRow(`SELECT rootpage, (SELECT page_size FROM pragma_page_size) FROM sqlite_schema WHERE name = ?`, table).Scan(&page, &size)
	raw.Close()
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteAt([]byte(strings.Repeat("\xa5", int(size))), (page-1)*size); err != nil {
		t.Fatal(err)
	}
}

// TestDamageToldOnce: an error met on the damaged page (a panel reading
// the corpus) while the check runs is told as the damage, with the way to
// the recovery window, and the check's own finding adds no second dialog.
func TestDamageToldOnce(t *testing.T) {
	a, path := damagedCorpus(t)
	ws, err := workspace.OpenQuickly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	s := testShell(t, a, ws)
	s.CheckRest(func(error) {})
	_, err = ws.CorpusDocs()
	if err == nil || !ws.Damaged() {
		t.Fatalf("reading the smashed corpus: %v, damaged %v", err, ws.Damaged())
	}
	s.ShowError(err)
	stopPumping(s.StopBackground) // the check has ended and told what it found
	var titles []string
	for top := s.Window.Canvas().Overlays().Top(); top != nil; top = s.Window.Canvas().Overlays().Top() {
		for _, o := range test.LaidOutObjects(top) {
			if l, ok := o.(*widget.Label); ok && l.TextStyle.Bold {
				titles = append(titles, l.Text)
			}
		}
		s.Window.Canvas().Overlays().Remove(top)
	}
	if len(titles) != 1 || titles[0] != "数据库已损坏" {
		t.Errorf("dialogs shown: %q, want one 数据库已损坏", titles)
	}
}

// TestRecoveryAfterUseSaysSo: the recovery window reached from the main
// window (damage found after it opened, where the window had saved) does
// not say the file is unchanged, as the one at start does.
func TestRecoveryAfterUseSaysSo(t *testing.T) {
	a, path := damagedCorpus(t)
	damage := errors.New("完整性检查未通过")
	for _, inUse := range []bool{false, true} {
		r := newRecovery(a, path, damage, func(*workspace.Workspace) {}, inUse)
		var texts []string
		for _, o := range test.LaidOutObjects(r.Window.Content()) {
			if l, ok := o.(*widget.Label); ok {
				texts = append(texts, l.Text)
			}
		}
		all := strings.Join(texts, "\n")
		if unchanged := strings.Contains(all, "起草没有改动这个文件"); unchanged == inUse {
			t.Errorf("in use %v: the window says %q", inUse, all)
		}
		if inUse && !strings.Contains(all, "起草不再写入这个文件") {
			t.Errorf("after use: %q", all)
		}
		r.Window.Close()
	}
}
