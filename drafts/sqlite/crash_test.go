package sqlite

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// helperEnv names the database the helper process writes to; it is set
// only in the helper's environment.
const helperEnv = "QICAO_STORE_HELPER_DB"

// baseTexts are the versions saved before the helper process starts.
var baseTexts = []string{"第一版：总体要求。", "第二版：总体要求、重点任务。", "第三版：总体要求、重点任务、保障措施。"}

// bigText returns the text of version n as the helper saves it: about
// 4 MB, with n written into every paragraph so that a version mixing
// pages of two saves cannot compare equal.
func bigText(n int) string {
	para := fmt.Sprintf("（%d）推进科技创新，强化企业创新主体地位，加快构建现代化产业体系，版本%d。\n", n, n)
	return fmt.Sprintf("第%d版\n", n) + strings.Repeat(para, 4<<20/len(para))
}

// workingText returns what the helper autosaves before saving version n:
// rewriting this large row in place makes SQLite reuse freed pages, which
// is where a torn write would do damage.
func workingText(n int) string {
	return bigText(n) + "（编辑中）"
}

// TestHelperProcess is not a test: TestKillMidSave runs the test binary
// with helperEnv set to make it autosave and then save ever more versions
// of draft 1 until it is killed. It prints "start N" before autosaving
// and "done N" after saving version N.
func TestHelperProcess(t *testing.T) {
	path := os.Getenv(helperEnv)
	if path == "" {
		t.Skip("only run as TestKillMidSave's child process")
	}
	db, err := Open(path)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(3)
	}
	for n := len(baseTexts) + 1; n < 200; n++ {
		text, working := bigText(n), workingText(n)
		fmt.Println("start", n)
		if err := db.SetWorking(1, working); err != nil {
			fmt.Println("error", err)
			os.Exit(3)
		}
		if _, err := db.SaveVersion(1, text, "第"+strconv.Itoa(n)+"版"); err != nil {
			fmt.Println("error", err)
			os.Exit(3)
		}
		fmt.Println("done", n)
	}
	fmt.Println("finished")
	time.Sleep(time.Minute)
	os.Exit(0)
}

// killOutcome is what a kill run found of the version being saved when
// the helper died.
type killOutcome int

const (
	betweenSaves   killOutcome = iota // killed when no save was under way
	inFlightWhole                     // the save under way had committed
	inFlightAbsent                    // the save under way left no trace
)

// String names the outcome for the test log.
func (o killOutcome) String() string {
	return [...]string{"between saves", "version under way whole", "version under way absent"}[o]
}

// TestKillMidSave kills a process in the middle of saving large versions,
// at several delays, and checks after each kill that the database opens,
// passes integrity_check, keeps every version saved before, and holds the
// version being saved either whole or not at all.
func TestKillMidSave(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	// A 4 MB save takes from a tenth of a second to a few seconds here
	// (an fsync per commit, and a checkpoint); the delays reach from the
	// first bytes written to a few saves in.
	delays := []time.Duration{0, 0, 3 * time.Millisecond, 10 * time.Millisecond, 30 * time.Millisecond,
		100 * time.Millisecond, 300 * time.Millisecond, 700 * time.Millisecond, 1500 * time.Millisecond}
	// make soak sets QICAO_SOAK=100: that many kills, at random delays
	// over the same range.
	if n, err := strconv.Atoi(os.Getenv("QICAO_SOAK")); err == nil && n > len(delays) {
		rng := rand.New(rand.NewSource(3))
		for len(delays) < n {
			delays = append(delays, time.Duration(rng.Int63n(int64(1500*time.Millisecond))))
		}
	}
	var outcomes [3]int
	for i, delay := range delays {
		t.Run(fmt.Sprintf("%d_%v", i, delay), func(t *testing.T) {
			outcomes[killRun(t, delay)]++
		})
	}
	t.Logf("%d kill runs: %d with the version under way whole, %d with it absent, %d between saves",
		len(delays), outcomes[inFlightWhole], outcomes[inFlightAbsent], outcomes[betweenSaves])
}

// killRun makes a draft with the base versions, starts the helper on it,
// kills it delay after its first save starts, and checks what is left.
func killRun(t *testing.T, delay time.Duration) killOutcome {
	path := filepath.Join(t.TempDir(), "qicao.db")
	db := openAt(t, path)
	if d := mustDraft(t, db, "断电测试", baseTexts...); d.ID != 1 {
		t.Fatalf("draft id %d, the helper writes to 1", d.ID)
	}
	db.Close()

	started, done := runAndKill(t, path, delay)
	outcome := checkAfterKill(t, path, started, done)
	t.Logf("killed %v after the first save began; saves finished up to %d, started up to %d: %v",
		delay, done, started, outcome)
	return outcome
}

// runAndKill runs the helper on path, kills it delay after it reports its
// first save starting, and returns the last save it reported starting and
// the last it reported finishing.
func runAndKill(t *testing.T, path string, delay time.Duration) (started, done int) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), helperEnv+"="+path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string)
	go func() {
		defer close(lines)
		for sc := bufio.NewScanner(out); sc.Scan(); {
			lines <- sc.Text()
		}
	}()
	killed := false
	timeout := time.After(2 * time.Minute)
	for {
		select {
		case line, ok := <-lines:
			if !ok {
				if err := cmd.Wait(); !killed {
					t.Fatalf("helper ended before being killed: %v\n%s", err, stderr.String())
				}
				return started, done
			}
			started, done = readLine(t, line, started, done)
			if started > 0 && !killed {
				time.Sleep(delay)
				cmd.Process.Kill() // SIGKILL on Unix: no deferred code, no clean close
				killed = true
			}
		case <-timeout:
			cmd.Process.Kill()
			t.Fatalf("helper never reported a save starting\n%s", stderr.String())
		}
	}
}

// readLine updates the last started and finished save from a helper line.
func readLine(t *testing.T, line string, started, done int) (int, int) {
	word, num, _ := strings.Cut(line, " ")
	n, _ := strconv.Atoi(num)
	switch word {
	case "start":
		return n, done
	case "done":
		return started, n
	case "error", "finished":
		t.Fatalf("helper: %s", line)
	}
	return started, done
}

// checkAfterKill reopens the database and checks it after the helper was
// killed having started save started and finished save done.
func checkAfterKill(t *testing.T, path string, started, done int) killOutcome {
	db := openAt(t, path)
	if s := integrity(t, db); s != "ok" {
		t.Fatalf("integrity_check after kill: %s", s)
	}
	for i, want := range baseTexts {
		if v, err := db.Version(1, i+1); err != nil || v.Text != want {
			t.Fatalf("version %d after kill: %q, %v", i+1, v.Text, err)
		}
	}
	d, err := db.Draft(1)
	if err != nil {
		t.Fatal(err)
	}
	if d.Versions < done || d.Versions > started {
		t.Fatalf("%d versions after kill; %d were saved and %d was under way", d.Versions, done, started)
	}
	for n := len(baseTexts) + 1; n <= d.Versions; n++ {
		checkBigVersion(t, db, n)
	}
	checkWorking(t, db, started)
	if _, err := db.SaveVersion(1, "杀后再存", ""); err != nil {
		t.Fatalf("saving after kill: %v", err)
	}
	switch {
	case started == done:
		return betweenSaves
	case d.Versions == started:
		return inFlightWhole
	}
	return inFlightAbsent
}

// checkBigVersion checks that version n is exactly what the helper saved.
func checkBigVersion(t *testing.T, db *DB, n int) {
	t.Helper()
	v, err := db.Version(1, n)
	if err != nil {
		t.Fatalf("version %d: %v", n, err)
	}
	if v.Text != bigText(n) || v.Note != "第"+strconv.Itoa(n)+"版" {
		t.Fatalf("version %d torn: %d bytes, note %q", n, len(v.Text), v.Note)
	}
}

// checkWorking checks that the autosaved text is one the helper wrote
// whole, from no later than save started.
func checkWorking(t *testing.T, db *DB, started int) {
	t.Helper()
	text, ok, err := db.Working(1)
	if err != nil || !ok {
		return
	}
	var n int
	fmt.Sscanf(text, "第%d版", &n)
	if n < len(baseTexts)+1 || n > started || text != workingText(n) {
		t.Fatalf("working text torn: %d bytes, says version %d", len(text), n)
	}
}
