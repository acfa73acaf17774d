package postgres

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"qicao/drafts"
)

// The server store's errors carry a code and both messages, as the
// SQLite store's do: the English front ends say what is missing, taken,
// refused, in conflict or out of reach in English, the Chinese ones as
// before.
func TestErrorsInEnglish(t *testing.T) {
	name, owner := newDB(t)
	a := officer(t, owner, name, "a", "甲组", false)
	b := officer(t, owner, name, "b", "甲组", false)
	d, err := a.CreateDraft("草稿", "泰安", "一、总则\n", "初稿")
	if err != nil {
		t.Fatal(err)
	}
	if err := a.ShareDraft(d.ID, "甲组"); err != nil {
		t.Fatal(err)
	}
	if _, err := owner.AddCorpusDoc("甲.txt", "全文", nil, false); err != nil {
		t.Fatal(err)
	}
	if _, err := a.SaveVersionOn(d.ID, 1, "二", ""); err != nil {
		t.Fatal(err)
	}
	_, errDraft := a.Draft(999)
	_, errVersion := a.Version(d.ID, 9)
	_, errCorpus := a.CorpusDoc(999)
	_, errByName := a.CorpusDocByName("无此文件")
	_, errTemplate := a.Template("无此模板")
	_, errExists := owner.AddCorpusDoc("甲.txt", "另一全文", nil, false)
	errTeam := a.ShareDraft(d.ID, "无此组")
	errShare := b.ShareDraft(d.ID, "甲组")
	errDelete := b.DeleteDraft(d.ID)
	errOfficer := owner.AddOfficer(Officer{})
	_, errConflict := b.SaveVersionOn(d.ID, 1, "B 的文字", "")
	for _, tc := range []struct {
		err              error
		kind             error
		code             drafts.Code
		chinese, english string
	}{
		{errDraft, ErrNotFound, drafts.ENotFound, "草稿 999 不存在或无权访问", "There is no draft 999, or you may not read it"},
		{errVersion, ErrNotFound, drafts.ENotFound, "草稿 " + itoa(d.ID) + " 没有第 9 版", "Draft " + itoa(d.ID) + " has no version 9"},
		{errCorpus, ErrNotFound, drafts.ENotFound, "参考文件 999 不存在", "There is no corpus document 999"},
		{errByName, ErrNotFound, drafts.ENotFound, "参考文件“无此文件”不存在", "There is no corpus document “无此文件”"},
		{errTemplate, ErrNotFound, drafts.ENotFound, "模板“无此模板”不存在", "There is no template “无此模板”"},
		{errExists, ErrExists, drafts.EInvalid, "参考文件“甲.txt”已存在", "The corpus already has a document named “甲.txt”"},
		{errTeam, ErrNotFound, drafts.ENotFound,
			"团队“无此组”不存在，请管理员先用 qicao db officer add 名字 --team 无此组 建立",
			"There is no team “无此组”; the administrator makes it with qicao db officer add NAME --team 无此组"},
		{errShare, nil, drafts.EInvalid, "只有草稿的创建者可以共享草稿 " + itoa(d.ID), "Only the officer who made draft " + itoa(d.ID) + " may share it"},
		{errDelete, nil, drafts.EInvalid, "删除草稿失败: 只有草稿的创建者可以删除草稿 " + itoa(d.ID),
			"Deleting the draft failed: Only the officer who made draft " + itoa(d.ID) + " may delete it"},
		{errOfficer, nil, drafts.EInvalid, "请给出官员的数据库用户名", "Give the officer's database user name"},
		{errConflict, ErrConflict, drafts.EConflict,
			"保存冲突：您从第 1 版开始修改，其间" + a.Role() + "已保存了第 2 版。您的文字没有丢失：请对照第 2 版后，再保存为第 3 版",
			"Save conflict: you started from version 1, and meanwhile " + a.Role() + " saved version 2. Your text is not lost: compare it with version 2, then save it as version 3"},
	} {
		check(t, tc.err, tc.kind, tc.code, tc.chinese, tc.english, false)
	}

	// A refusal of the server: its reason in both languages, then the
	// server's own words.
	_, errPerm := a.AddCorpusDoc("别的.txt", "全文", nil, false)
	check(t, errPerm, nil, drafts.EDatabase,
		"添加参考文件“别的.txt”失败（没有权限：请联系管理员）: ",
		"Adding corpus document “别的.txt” failed (permission denied: please ask the administrator): ", true)

	// A server out of reach: matched by ErrOffline, told in both.
	_, errOffline := Open("postgres://qicao@127.0.0.1:1/qicao?connect_timeout=5&sslmode=disable")
	check(t, errOffline, ErrOffline, drafts.EDatabase,
		"无法连接数据库服务器（服务器无法连接，请检查网络或联系管理员）: ",
		"The database server cannot be reached (the server cannot be reached; please check the network or ask the administrator): ", true)
	if got := drafts.Message(ErrOffline, true); got != "The database server cannot be reached" {
		t.Errorf("ErrOffline in English: %q", got)
	}
}

// check holds err to its kind, code and messages; with prefix the
// messages need only begin so (the rest is the driver's or server's).
func check(t *testing.T, err, kind error, code drafts.Code, chinese, english string, prefix bool) {
	t.Helper()
	if err == nil {
		t.Errorf("%s: no error", chinese)
		return
	}
	if kind != nil && !errors.Is(err, kind) {
		t.Errorf("%v does not match %v", err, kind)
	}
	if got := drafts.ErrorCode(err); got != code {
		t.Errorf("%v: code %q, want %q", err, got, code)
	}
	same := func(got, want string) bool { return got == want || prefix && strings.HasPrefix(got, want) }
	if got := drafts.Message(err, false); !same(got, chinese) || got != err.Error() {
		t.Errorf("Chinese %q, want %q", got, chinese)
	}
	if got := drafts.Message(err, true); !same(got, english) {
		t.Errorf("English %q, want %q", got, english)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
