package sqlite

import (
	"errors"
	"fmt"
	"os/user"
	"sync"

	"qicao/drafts"
)

// ErrConflict is matched by a *ConflictError: a save whose base is no
// longer the latest version, because someone saved meanwhile.
var ErrConflict = errors.New("草稿已被他人保存了新版本")

// ConflictError is a save refused because another version was saved
// since the officer's base: Latest is that version, with its text, to
// compare the officer's text against before saving it as the next one.
type ConflictError struct {
	DraftID int64
	Base    int
	Latest  drafts.Version
}

// Error says in Chinese what happened and what to do.
func (e *ConflictError) Error() string {
	who := "他人"
	if e.Latest.Author != "" {
		who = e.Latest.Author
	}
	return fmt.Sprintf("保存冲突：您从第 %d 版开始修改，其间%s已保存了第 %d 版。您的文字没有丢失：请对照第 %d 版后，再保存为第 %d 版",
		e.Base, who, e.Latest.N, e.Latest.N, e.Latest.N+1)
}

// EnglishMessage says the same in English.
func (e *ConflictError) EnglishMessage() string {
	who := "someone else"
	if e.Latest.Author != "" {
		who = e.Latest.Author
	}
	return fmt.Sprintf("Save conflict: you started from version %d, and meanwhile %s saved version %d. Your text is not lost: compare it with version %d, then save it as version %d",
		e.Base, who, e.Latest.N, e.Latest.N, e.Latest.N+1)
}

// ErrorCode is drafts.EConflict.
func (e *ConflictError) ErrorCode() drafts.Code { return drafts.EConflict }

// Is makes a ConflictError match ErrConflict.
func (e *ConflictError) Is(target error) bool { return target == ErrConflict }

// authorName is the name versions are saved under: set by SetAuthor (the
// officer's name from the settings), else the OS user.
var authorName struct {
	sync.Mutex
	name string
}

// SetAuthor sets the name recorded on the versions this process saves;
// "" goes back to the OS user's name.
func SetAuthor(name string) {
	authorName.Lock()
	defer authorName.Unlock()
	authorName.name = name
}

// Author returns the name recorded on the versions this process saves.
func Author() string {
	authorName.Lock()
	name := authorName.name
	authorName.Unlock()
	if name != "" {
		return name
	}
	if u, err := user.Current(); err == nil {
		if u.Name != "" {
			return u.Name
		}
		return u.Username
	}
	return ""
}

// author is the name this DB records on a version.
