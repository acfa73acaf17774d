package sqlite

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mattn/go-sqlite3"

	"qicao/drafts"
)

// The store's errors carry a code and both messages: the English front
// ends say what is missing, taken or wrong in English, the Chinese ones
// as before.
func TestErrorsInEnglish(t *testing.T) {
	db := openTest(t)
	d := mustDraft(t, db, "草稿", "一、总则\n")
	if _, err := db.AddCorpusDoc("甲.txt", "全文", sampleDoc(), false); err != nil {
		t.Fatal(err)
	}
	_, errDraft := db.Draft(999)
	_, errVersion := db.Version(d.ID, 9)
	_, errCorpus := db.CorpusDoc(999)
	_, errTemplate := db.Template("无此模板")
	_, errExists := db.AddCorpusDoc("甲.txt", "另一全文", sampleDoc(), false)
	busy := wrapf(sqlite3.Error{Code: sqlite3.ErrBusy}, "保存草稿 %d 的新版本失败", "Saving a new version of draft %d failed", 3)
	full := wrap(sqlite3.Error{Code: sqlite3.ErrFull}, "新建草稿失败", "Creating the draft failed")
	for _, tc := range []struct {
		err              error
		kind             error
		code             drafts.Code
		chinese, english string
	}{
		{errDraft, ErrNotFound, drafts.ENotFound, "草稿 999 不存在", "There is no draft 999"},
		{errVersion, ErrNotFound, drafts.ENotFound, "草稿 1 没有第 9 版", "Draft 1 has no version 9"},
		{errCorpus, ErrNotFound, drafts.ENotFound, "参考文件 999 不存在", "There is no corpus document 999"},
		{errTemplate, ErrNotFound, drafts.ENotFound, "模板“无此模板”不存在", "There is no template “无此模板”"},
		{errExists, ErrExists, drafts.EInvalid, "参考文件“甲.txt”已存在", "The corpus already has a document named “甲.txt”"},
		{busy, nil, drafts.EDatabase, "保存草稿 3 的新版本失败（数据库正被另一个窗口或程序占用，请稍后再试）: database is locked",
			"Saving a new version of draft 3 failed (the database is in use by another window or program; please try again shortly): database is locked"},
		{full, nil, drafts.EDatabase, "新建草稿失败（磁盘空间不足）: database or disk is full",
			"Creating the draft failed (the disk is full): database or disk is full"},
	} {
		if tc.err == nil {
			t.Errorf("%s: no error", tc.chinese)
			continue
		}
		if tc.kind != nil && !errors.Is(tc.err, tc.kind) {
			t.Errorf("%v does not match %v", tc.err, tc.kind)
		}
		if got := drafts.ErrorCode(tc.err); got != tc.code {
			t.Errorf("%v: code %q, want %q", tc.err, got, tc.code)
		}
		if got := drafts.Message(tc.err, false); got != tc.chinese {
			t.Errorf("Chinese %q, want %q", got, tc.chinese)
		}
		if got := drafts.Message(tc.err, true); got != tc.english {
			t.Errorf("English %q, want %q", got, tc.english)
		}
	}
	// A save conflict wrapped by the store keeps its own code.
	conflict := wrapf(&ConflictError{DraftID: 1, Base: 1, Latest: drafts.Version{N: 2}}, "保存草稿 %d 的新版本失败", "Saving a new version of draft %d failed", 1)
	if drafts.ErrorCode(conflict) != drafts.EConflict || !errors.Is(conflict, ErrConflict) {
		t.Errorf("conflict: %q %v", drafts.ErrorCode(conflict), conflict)
	}
}

// TestRefusalsInEnglish: the store's refusals of a write, a restore and a
// path say the same in English, with a code.
func TestRefusalsInEnglish(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "q.db")
	db := openAt(t, path)
	mustDraft(t, db, "草稿", "一、总则\n")
	db.Close()
	ro, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	_, errReadOnly := ro.CreateDraft("新", "", "一、总体要求", "")
	_, errItself := Restore(path, path)
	_, errPath := Open(filepath.Join(dir, "a?b.db"))
	for _, tc := range []struct {
		err              error
		code             drafts.Code
		chinese, english string
	}{
		{errReadOnly, drafts.EDatabase, "只读", "read-only"},
		{errItself, drafts.EInvalid, "不能用它恢复自己", "cannot be restored from itself"},
		{errPath, drafts.EInvalid, "不能含有", "cannot contain"},
	} {
		if tc.err == nil {
			t.Errorf("%s: no error", tc.chinese)
			continue
		}
		if c := drafts.ErrorCode(tc.err); c != tc.code {
			t.Errorf("%v: code %s, want %s", tc.err, c, tc.code)
		}
		if zh, en := drafts.Message(tc.err, false), drafts.Message(tc.err, true); !strings.Contains(zh, tc.chinese) || !strings.Contains(en, tc.english) {
			t.Errorf("messages %q / %q, want %q / %q", zh, en, tc.chinese, tc.english)
		}
	}
}
