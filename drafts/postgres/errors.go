package postgres

import (
	"context"
	"errors"
	"fmt"
	"net"

	"github.com/jackc/pgx/v5/pgconn"

	"qicao/drafts"
)

// kindError is an error whose message names what is concerned, in Chinese
// and in English, and which matches its kind (ErrNotFound, ErrExists)
// under errors.Is and has its code.
type kindError struct {
	msg, english string
	kind         error
}

// Error returns the Chinese message.
func (e *kindError) Error() string { return e.msg }

// EnglishMessage returns the English message.
func (e *kindError) EnglishMessage() string { return e.english }

// ErrorCode is the code of the kind.
func (e *kindError) ErrorCode() drafts.Code { return drafts.ErrorCode(e.kind) }

// Is reports whether target is the error's kind.
func (e *kindError) Is(target error) bool { return target == e.kind }

// notFoundf returns an error matching ErrNotFound, its Chinese and
// English messages formatted with the same args.
func notFoundf(chinese, english string, args ...any) error {
	return &kindError{fmt.Sprintf(chinese, args...), fmt.Sprintf(english, args...), ErrNotFound}
}

// existsf returns an error matching ErrExists, its Chinese and English
// messages formatted with the same args.
func existsf(chinese, english string, args ...any) error {
	return &kindError{fmt.Sprintf(chinese, args...), fmt.Sprintf(english, args...), ErrExists}
}

// refusedf returns an error, with the code drafts.EInvalid, for a request
// the server does not allow this officer (only a draft's owner deletes or
// shares it), its messages formatted with the same args.
func refusedf(chinese, english string, args ...any) error {
	return drafts.Errorf(drafts.EInvalid, fmt.Sprintf(chinese, args...), fmt.Sprintf(english, args...))
}

// ErrOffline is matched by errors that say the server could not be
// reached: the caller keeps the officer's text and tries again later.
var ErrOffline error = drafts.Errorf(drafts.EDatabase, "无法连接数据库服务器", "The database server cannot be reached")

// failed says what failed, in Chinese and in English, for queryAll.
type failed struct{ chinese, english string }

// wrapf puts an account of what failed in front of err, in Chinese and in
// English, each formatted with args, with a reason an officer can act on
// added to each. Errors that already say what is missing, taken or in
// conflict are returned as they are.
func wrapf(err error, chinese, english string, args ...any) error {
	if errors.Is(err, ErrNotFound) || errors.Is(err, ErrExists) || errors.Is(err, ErrConflict) {
		return err
	}
	chinese, english = fmt.Sprintf(chinese, args...), fmt.Sprintf(english, args...)
	if why, whyEnglish := reason(err); why != "" {
		chinese += "（" + why + "）"
		english += " (" + whyEnglish + ")"
	}
	if offline(err) {
		chinese += "（服务器无法连接，请检查网络或联系管理员）"
		english += " (the server cannot be reached; please check the network or ask the administrator)"
		return &drafts.Failure{Chinese: chinese, English: english, Err: err, Also: ErrOffline}
	}
	return &drafts.Failure{Chinese: chinese, English: english, Err: err}
}

// offline reports errors that mean the server is not there: refused or
// broken connections, timeouts, a server shutting down.
func offline(err error) bool {
	var ne net.Error
	var pe *pgconn.PgError
	var ce *pgconn.ConnectError
	switch {
	case errors.As(err, &pe):
		return pe.Code == "57P01" || pe.Code == "57P02" || pe.Code == "57P03" || pe.Code[:2] == "08"
	case errors.As(err, &ce), errors.As(err, &ne), errors.Is(err, context.DeadlineExceeded):
		return true
	}
	return pgconn.SafeToRetry(err) || errors.Is(err, net.ErrClosed)
}

// raised is the English of the messages Qicao's own server functions
// raise (migration/001_init.sql).
var raised = map[string]string{
	"版本一经保存不可修改":         "a saved version cannot be changed",
	"版本不可单独删除，只能随草稿一并删除": "a version cannot be deleted on its own, only with its draft",
}

// reason explains, in Chinese and in English, the server's refusals an
// officer can do something about; "" for the others.
func reason(err error) (chinese, english string) {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		return "", ""
	}
	switch {
	case pe.Code == "42501":
		return "没有权限：请联系管理员", "permission denied: please ask the administrator"
	case pe.Code == "28P01" || pe.Code == "28000":
		return "登录失败：请检查用户名与 .pgpass 中的密码", "login failed: please check the user name and the password in .pgpass"
	case pe.Code == "3D000":
		return "数据库不存在", "the database does not exist"
	case pe.Code == "P0001":
		if en, ok := raised[pe.Message]; ok {
			return pe.Message, en
		}
		return pe.Message, pe.Message
	}
	return "", ""
}
