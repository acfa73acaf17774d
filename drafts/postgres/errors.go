package postgres

import (
	"context"
	"errors"
	"fmt"
	"net"

	"github.com/jackc/pgx/v5/pgconn"
)

// kindError is an error whose Chinese message names what is concerned and
// which matches its kind (ErrNotFound, ErrExists, ErrConflict) under
// errors.Is.
type kindError struct {
	msg  string
	kind error
}

// Error returns the Chinese message.
func (e *kindError) Error() string { return e.msg }

// Is reports whether target is the error's kind.
func (e *kindError) Is(target error) bool { return target == e.kind }

func notFoundf(format string, args ...any) error {
	return &kindError{fmt.Sprintf(format, args...), ErrNotFound}
}

func existsf(format string, args ...any) error {
	return &kindError{fmt.Sprintf(format, args...), ErrExists}
}

// ErrOffline is matched by errors that say the server could not be
// reached: the caller keeps the officer's text and tries again later.
var ErrOffline = errors.New("无法连接数据库服务器")

// wrapf puts a Chinese account of what failed in front of err. Errors
// that already say what is missing or taken are returned as they are.
func wrapf(err error, format string, args ...any) error {
	if errors.Is(err, ErrNotFound) || errors.Is(err, ErrExists) || errors.Is(err, ErrConflict) {
		return err
	}
	msg := fmt.Sprintf(format, args...)
	if why := reason(err); why != "" {
		msg += "（" + why + "）"
	}
	if offline(err) {
		return &offlineError{msg, err}
	}
	return fmt.Errorf("%s: %w", msg, err)
}

// offlineError reports a server that could not be reached.
type offlineError struct {
	msg string
	err error
}

func (e *offlineError) Error() string {
	return e.msg + "（服务器无法连接，请检查网络或联系管理员）: " + e.err.Error()
}
func (e *offlineError) Unwrap() error        { return e.err }
func (e *offlineError) Is(target error) bool { return target == ErrOffline }

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

// reason explains in Chinese the server's refusals an officer can do
// something about; "" for the others.
func reason(err error) string {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		return ""
	}
	switch {
	case pe.Code == "42501":
		return "没有权限：请联系管理员"
	case pe.Code == "28P01" || pe.Code == "28000":
		return "登录失败：请检查用户名与 .pgpass 中的密码"
	case pe.Code == "3D000":
		return "数据库不存在"
	case pe.Code == "P0001":
		return pe.Message
	}
	return ""
}
