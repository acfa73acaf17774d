package workspace

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"

	"qicao/drafts"
	"qicao/drafts/postgres"
	"qicao/drafts/safefile"
	"qicao/drafts/sqlite"
)

// outbox keeps, on the officer's own disk, the versions a server that
// could not be reached did not take, one file each, until it takes them.
type outbox struct {
	mu  sync.Mutex
	dir string // "" for a store on the officer's disk, which needs none
}

// outboxEntry is one version waiting for the server.
type outboxEntry struct {
	Draft  int64     `json:"draft"`
	Base   int       `json:"base"`
	Text   string    `json:"text"`
	Note   string    `json:"note"`
	Queued time.Time `json:"queued"`
}

// ErrQueued is matched by a save the server could not take and that was
// kept on the officer's disk instead, to be saved when the server is back.
var ErrQueued = errors.New("服务器无法连接，文字已保存在本机")

// QueuedError is a save kept on the officer's disk (at Path) because the
// server could not be reached; Err is why.
type QueuedError struct {
	Path string
	Err  error
}

// Error says in Chinese that nothing is lost and what happens next.
func (e *QueuedError) Error() string {
	return fmt.Sprintf("无法连接数据库服务器，这一版暂未保存到服务器。您的文字没有丢失：已保存在本机（%s），服务器恢复后起草会自动把它保存为新版本。（%v）", e.Path, e.Err)
}

// EnglishMessage says the same in English.
func (e *QueuedError) EnglishMessage() string {
	return fmt.Sprintf("The database server cannot be reached, so this version is not on the server yet. Your text is not lost: it is kept on this computer (%s), and Qicao saves it as a new version when the server is back. (%v)", e.Path, e.Err)
}

// ErrorCode is drafts.EDatabase.
func (e *QueuedError) ErrorCode() drafts.Code { return drafts.EDatabase }

// Is makes a QueuedError match ErrQueued.
func (e *QueuedError) Is(target error) bool { return target == ErrQueued }

// Unwrap returns the server's error (matching postgres.ErrOffline).
func (e *QueuedError) Unwrap() error { return e.Err }

// outboxDir is the folder of the versions waiting for the server at url,
// in the user's config dir beside the default database.
func outboxDir(url string) (string, error) {
	def, err := sqlite.DefaultPath()
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256([]byte(url))
	return filepath.Join(filepath.Dir(def), "outbox", hex.EncodeToString(sum[:8])), nil
}

// SaveVersion saves text as the version after base (base < 0: after
// whatever is latest), as the store's SaveVersionOn does, first saving
// what waits in the outbox. When the server cannot be reached the text
// is kept on the officer's disk and the error is a *QueuedError; it is
// saved by the next FlushOutbox, which OpenServer and every later
// SaveVersion run.
func (w *Workspace) SaveVersion(draftID int64, base int, text, note string) (drafts.Version, error) {
	if w.outbox.dir != "" {
		w.FlushOutbox()
	}
	v, err := w.db.SaveVersionOn(draftID, base, text, note)
	if err == nil || w.outbox.dir == "" || !errors.Is(err, postgres.ErrOffline) {
		return v, err
	}
	path, qerr := w.queue(outboxEntry{Draft: draftID, Base: base, Text: text, Note: note, Queued: time.Now().UTC()})
	if qerr != nil {
		return v, &drafts.Error{Code: drafts.EDatabase, Err: err,
			Message: fmt.Sprintf("%v；本机也未能保存这一版，请勿关闭窗口，先复制全文另存：%v", err, qerr),
			English: fmt.Sprintf("%s; this version could not be kept on this computer either: do not close the window, copy the whole text and save it elsewhere first: %s", drafts.Message(err, true), drafts.Message(qerr, true))}
	}
	return v, &QueuedError{Path: path, Err: err}
}

// queue writes e to the outbox and returns its file.
func (w *Workspace) queue(e outboxEntry) (string, error) {
	w.outbox.mu.Lock()
	defer w.outbox.mu.Unlock()
	if err := os.MkdirAll(w.outbox.dir, 0o700); err != nil {
		return "", err
	}
	data, err := json.Marshal(e)
	if err != nil {
		return "", err
	}
	path := filepath.Join(w.outbox.dir, fmt.Sprintf("%020d-%d.json", e.Queued.UnixNano(), e.Draft))
	return path, safefile.Write(path, data, 0o600, safefile.Guard{})
}

// Outbox returns the versions waiting for the server, oldest first.
func (w *Workspace) Outbox() ([]drafts.Version, error) {
	w.outbox.mu.Lock()
	defer w.outbox.mu.Unlock()
	files, entries, err := w.outboxEntries()
	out := make([]drafts.Version, len(files))
	for i, e := range entries {
		out[i] = drafts.Version{DraftID: e.Draft, N: e.Base + 1, Text: e.Text, Note: e.Note, Created: e.Queued}
	}
	return out, err
}

// outboxEntries reads the outbox in the order it was written.
func (w *Workspace) outboxEntries() ([]string, []outboxEntry, error) {
	files, err := filepath.Glob(filepath.Join(w.outbox.dir, "*.json"))
	if err != nil || w.outbox.dir == "" {
		return nil, nil, err
	}
	sort.Strings(files)
	entries := make([]outboxEntry, len(files))
	for i, f := range files {
		data, err := os.ReadFile(f)
		if err == nil {
			err = json.Unmarshal(data, &entries[i])
		}
		if err != nil {
			return files[:i], entries[:i], fmt.Errorf("读取本机暂存的版本 %s 失败：%w", f, err)
		}
	}
	return files, entries, nil
}

// FlushOutbox saves the versions waiting in the outbox, oldest first, and
// returns those saved. A version whose base was overtaken meanwhile is
// saved after the latest, its note saying so (versions never change, so
// nobody's text is lost); one the server already has as its latest (the
// connection broke after the commit) is not saved twice. It stops at the
// first that the server still cannot take.
func (w *Workspace) FlushOutbox() ([]drafts.Version, error) {
	w.outbox.mu.Lock()
	defer w.outbox.mu.Unlock()
	files, entries, err := w.outboxEntries()
	var saved []drafts.Version
	for i, e := range entries {
		v, ferr := w.flushOne(e)
		if ferr != nil {
			return saved, ferr
		}
		if v.N > 0 {
			saved = append(saved, v)
		}
		if rerr := os.Remove(files[i]); rerr != nil {
			return saved, rerr
		}
	}
	return saved, err
}

// flushOne saves one waiting version; N is 0 when the server had it.
func (w *Workspace) flushOne(e outboxEntry) (drafts.Version, error) {
	latest, err := w.db.Version(e.Draft, 0)
	if err == nil && latest.Text == e.Text && latest.N > e.Base {
		return drafts.Version{}, nil
	}
	v, err := w.db.SaveVersionOn(e.Draft, e.Base, e.Text, e.Note)
	var ce *sqlite.ConflictError
	if errors.As(err, &ce) {
		note := fmt.Sprintf("%s（离线时基于第 %d 版修改，服务器恢复后保存）", e.Note, e.Base)
		v, err = w.db.SaveVersionOn(e.Draft, ce.Latest.N, e.Text, note)
	}
	return v, err
}
