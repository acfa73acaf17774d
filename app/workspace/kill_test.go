package workspace

import (
	"bufio"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"qicao/assets"
	"qicao/drafts"
	"qicao/drafts/sqlite"
	"qicao/templates"
)

// helperEnv makes the test binary a helper process: "first DB" opens a
// new database (a first start) then waits to be killed; "import DB DIR"
// adds every file of DIR to the corpus, one after another.
const helperEnv = "QICAO_WORKSPACE_HELPER"

// kills is how many times each kill suite kills a process: $QICAO_SOAK
// (make soak sets 100), else a few.
func kills(t *testing.T) int {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	if n, err := strconv.Atoi(os.Getenv("QICAO_SOAK")); err == nil && n > 0 {
		return n
	}
	return 8
}

// TestHelperProcess is not a test; see helperEnv.
func TestHelperProcess(t *testing.T) {
	args := strings.Fields(os.Getenv(helperEnv))
	if len(args) == 0 {
		t.Skip("only run as a child process of the kill tests")
	}
	fail := func(err error) {
		fmt.Println("error", err)
		os.Exit(3)
	}
	w, err := Open(args[1])
	if err != nil {
		fail(err)
	}
	fmt.Println("open")
	if args[0] == "import" {
		files, _ := filepath.Glob(filepath.Join(args[2], "*.txt"))
		for i, f := range files {
			fmt.Println("start", i)
			if _, err := w.AddCorpusFile(f); err != nil {
				fail(err)
			}
			fmt.Println("done", i)
		}
	}
	fmt.Println("finished")
	time.Sleep(time.Minute)
	os.Exit(0)
}

// helper starts the test binary as a helper with args, and returns it
// with a channel of its output lines.
func helper(t *testing.T, args ...string) (*exec.Cmd, <-chan string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), helperEnv+"="+strings.Join(args, " "))
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string, 100)
	go func() {
		defer close(lines)
		for sc := bufio.NewScanner(out); sc.Scan(); {
			lines <- sc.Text()
		}
	}()
	return cmd, lines
}

// wantSeed checks that the database at path holds exactly one complete
// first-start seed.
func wantSeed(t *testing.T, path string) {
	t.Helper()
	w, err := Open(path)
	if err != nil {
		t.Fatalf("open after: %v", err)
	}
	defer w.Close()
	docs, err := w.db.CorpusDocs()
	if err != nil {
		t.Fatal(err)
	}
	list, _ := w.db.Drafts()
	rows, _ := w.db.Templates()
	builtin, _ := templates.Builtin()
	if len(docs) != len(assets.Corpus()) || len(list) != 1 || list[0].Versions != 2 || len(rows) != len(builtin) {
		t.Fatalf("seed: %d corpus documents, %d drafts, %d templates (want %d, 1 with 2 versions, %d)",
			len(docs), len(list), len(rows), len(assets.Corpus()), len(builtin))
	}
	for _, d := range docs {
		full, err := w.db.CorpusDoc(d.ID)
		if err != nil {
			t.Fatal(err)
		}
		doc, _ := drafts.Parse(full.Text)
		if d.Clauses != len(doc.Clauses()) {
			t.Fatalf("%s: %d clauses stored, %d in its text", d.Name, d.Clauses, len(doc.Clauses()))
		}
	}
}

// Issue 12, failure 4: a first start killed at any moment is completed by
// the next start: all built-in documents, the templates and the example
// draft, once.
func TestKilledFirstStartCompletes(t *testing.T) {
	n := kills(t)
	rng := rand.New(rand.NewSource(1))
	killedBefore := 0
	for i := 0; i < n; i++ {
		path := filepath.Join(t.TempDir(), "qicao.db")
		cmd, lines := helper(t, "first", path)
		delay := time.Duration(rng.Intn(400)) * time.Millisecond
		time.Sleep(delay)
		cmd.Process.Kill()
		finished := false
		for line := range lines {
			finished = finished || line == "open"
			if strings.HasPrefix(line, "error") {
				t.Fatalf("helper: %s", line)
			}
		}
		cmd.Wait()
		if !finished {
			killedBefore++
		}
		wantSeed(t, path)
	}
	t.Logf("%d first starts killed, %d of them before the seed was complete", n, killedBefore)
}

// Issue 12, failure 4: any number of first starts at once on one new
// file end with exactly one complete seed, and none fails.
func TestSimultaneousFirstStarts(t *testing.T) {
	kills(t) // only the skip in -short
	for round := 0; round < 3; round++ {
		path := filepath.Join(t.TempDir(), "qicao.db")
		var wg sync.WaitGroup
		errs := make(chan string, 6)
		for i := 0; i < 6; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				cmd, lines := helper(t, "first", path)
				for line := range lines {
					if line == "open" {
						cmd.Process.Kill()
					}
					if strings.HasPrefix(line, "error") {
						errs <- line
						cmd.Process.Kill()
					}
				}
				cmd.Wait()
			}()
		}
		wg.Wait()
		close(errs)
		for e := range errs {
			t.Errorf("a simultaneous first start failed: %s", e)
		}
		wantSeed(t, path)
	}
}

// Issue 12 (the SIGKILL suites): a process killed while importing files
// into the corpus loses no document it finished, and leaves the one under
// way whole or absent.
func TestKilledImportsLoseNothing(t *testing.T) {
	n := kills(t)
	dir := t.TempDir()
	seeded := filepath.Join(dir, "seeded.db")
	w, err := Open(seeded)
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	seedBytes, err := os.ReadFile(seeded)
	if err != nil {
		t.Fatal(err)
	}
	files := importFiles(t, filepath.Join(dir, "in"))
	rng := rand.New(rand.NewSource(2))
	for i := 0; i < n; i++ {
		path := filepath.Join(t.TempDir(), "qicao.db")
		if err := os.WriteFile(path, seedBytes, 0o600); err != nil {
			t.Fatal(err)
		}
		started, done := importAndKill(t, path, filepath.Join(dir, "in"), time.Duration(rng.Intn(300))*time.Millisecond)
		checkImports(t, path, files, started, done)
	}
}

// importFiles writes copies of the built-in corpus under new names in dir
// and returns their texts by name.
func importFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	os.MkdirAll(dir, 0o700)
	out := map[string]string{}
	for k := 0; k < 4; k++ {
		for _, f := range assets.Corpus() {
			name := fmt.Sprintf("导入%d_%s", k, f.Name)
			text := strings.Replace(string(f.Data), "\n", fmt.Sprintf("\n（第%d份）\n", k), 1)
			if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
				t.Fatal(err)
			}
			out[name] = text
		}
	}
	return out
}

// importAndKill runs an import helper on path and kills it delay after
// its first import starts; it returns the imports started and finished.
func importAndKill(t *testing.T, path, dir string, delay time.Duration) (started, done int) {
	cmd, lines := helper(t, "import", path, dir)
	killed := false
	started, done = -1, -1
	for line := range lines {
		word, num, _ := strings.Cut(line, " ")
		k, _ := strconv.Atoi(num)
		switch word {
		case "start":
			started = k
		case "done":
			done = k
		case "error":
			t.Fatalf("helper: %s", line)
		}
		if started >= 0 && !killed {
			time.Sleep(delay)
			cmd.Process.Kill()
			killed = true
		}
	}
	cmd.Wait()
	return started, done
}

// checkImports checks that every finished import is in the corpus whole,
// the one under way whole or absent, and the database sound.
func checkImports(t *testing.T, path string, files map[string]string, started, done int) {
	t.Helper()
	if found, err := sqlite.Check(path); err != nil || len(found) > 0 {
		t.Fatalf("integrity after kill: %v %v", found, err)
	}
	w, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	docs, err := w.db.CorpusDocs()
	if err != nil {
		t.Fatal(err)
	}
	imported := 0
	for _, d := range docs {
		text, ok := files[d.Name]
		if !ok {
			continue
		}
		imported++
		full, err := w.db.CorpusDoc(d.ID)
		doc, _ := drafts.Parse(text)
		if err != nil || full.Text != text || d.Clauses != len(doc.Clauses()) {
			t.Fatalf("%s torn: %d of %d bytes, %d clauses (%v)", d.Name, len(full.Text), len(text), d.Clauses, err)
		}
	}
	if imported < done+1 || imported > started+1 {
		t.Fatalf("%d imports in the corpus; %d finished, %d started", imported, done+1, started+1)
	}
}
