package drafts

import "errors"

// Code says what kind of error happened, for programs to tell errors
// apart; the front ends word the message.
type Code string

// The codes of the errors an officer meets.
const (
	EInvalid  Code = "invalid"  // the input cannot be used: an empty text, a file that is no document, an edit that cannot be made
	ENotFound Code = "notfound" // no such draft, version or document
	EConflict Code = "conflict" // someone else saved a version meanwhile
	EDatabase Code = "database" // the database cannot be opened or written
	EInternal Code = "internal" // anything else
)

// Error is an error an officer sees, in the manner of wtf's error.go: a
// code for programs and the message in both languages of the front ends.
// Error() is the Chinese message, so wrapping and matching work as for
// any error; the front ends choose with Message. Errors of other types
// take part by having an English method (drafts/input's refusals, the
// store's open and conflict errors).
type Error struct {
	Code    Code
	Message string // Simplified Chinese
	English string // the same in English
	Err     error  // the cause, if any; never shown by Message
}

// Errorf is shorthand for an *Error.
func Errorf(code Code, chinese, english string) *Error {
	return &Error{Code: code, Message: chinese, English: english}
}

// Error returns the Chinese message.
func (e *Error) Error() string { return e.Message }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// ErrorCode returns the code of err: that of the first error in its chain
// that has one (an *Error, or a value with an ErrorCode method), else
// EInternal; "" for nil.
func ErrorCode(err error) Code {
	if err == nil {
		return ""
	}
	var c interface{ ErrorCode() Code }
	if errors.As(err, &c) {
		return c.ErrorCode()
	}
	return EInternal
}

// ErrorCode returns e.Code.
func (e *Error) ErrorCode() Code { return e.Code }

// Message is err's message for an officer who reads english or Chinese.
// The Chinese is err.Error(), with all its wrapping; the English is that
// of the first error in the chain with one (*Error's English, or a value's
// English method), and err.Error() when none has one.
func Message(err error, english bool) string {
	if err == nil {
		return ""
	}
	if english {
		var t interface{ EnglishMessage() string }
		if errors.As(err, &t) {
			if s := t.EnglishMessage(); s != "" {
				return s
			}
		}
	}
	return err.Error()
}

// EnglishMessage returns e.English.
func (e *Error) EnglishMessage() string { return e.English }

// Failure is a store's account of what failed, in both languages, in
// front of its cause. Error is the Chinese account and the cause's
// message; EnglishMessage the English account and the cause's English; the
// code is the cause's where it has one (a save conflict), else EDatabase.
type Failure struct {
	Chinese, English string
	Err              error
	// Also is an error the failure matches besides its cause
	// (postgres.ErrOffline for a server that is not there), or nil.
	Also error
}

// Error returns the Chinese account, then the cause.
func (f *Failure) Error() string { return f.Chinese + ": " + f.Err.Error() }

// EnglishMessage returns the English account, then the cause's English.
func (f *Failure) EnglishMessage() string { return f.English + ": " + Message(f.Err, true) }

// ErrorCode is the cause's code where it has one, else EDatabase.
func (f *Failure) ErrorCode() Code {
	if c := ErrorCode(f.Err); c != EInternal {
		return c
	}
	return EDatabase
}

// Unwrap returns the cause.
func (f *Failure) Unwrap() error { return f.Err }

// Is matches Also.
func (f *Failure) Is(target error) bool { return f.Also != nil && target == f.Also }
