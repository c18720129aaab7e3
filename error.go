package hoso

import (
	"errors"
	"fmt"
)

// ErrorCode classifies why a dossier could not be processed. The pipeline
// decides from the code alone whether to retry (ETRANSIENT) or to reject
// the file for good (every other code).
type ErrorCode string

const (
	EUNREADABLE  ErrorCode = "unreadable"  // corrupt or truncated
	EUNSUPPORTED ErrorCode = "unsupported" // a type we do not read (.doc, .xlsx, text)
	ETOOLARGE    ErrorCode = "too_large"   // over a size, page, pixel or decompression limit
	EENCRYPTED   ErrorCode = "encrypted"   // password-protected
	EEMPTY       ErrorCode = "empty"       // zero bytes, or nothing readable inside
	ENOTDOSSIER  ErrorCode = "not_dossier" // readable, but no candidate and no appraisal
	ETIMEOUT     ErrorCode = "timeout"     // a stage ran past its time limit on this input
	ETRANSIENT   ErrorCode = "transient"   // the store, NATS or a converter is unavailable: retry
	EINVALID     ErrorCode = "invalid"     // bad configuration or request
	EINTERNAL    ErrorCode = "internal"    // a bug: recovered panic
)

// Error is an error with a code and a message in Vietnamese and English,
// shown to clerks as it is. Err, if set, is the underlying cause.
type Error struct {
	Code ErrorCode
	VI   string
	EN   string
	Err  error
}

// Sentinels for errors.Is: errors.Is(err, hoso.ErrTooLarge) holds for any
// *Error with that code.
var (
	ErrUnreadable  = &Error{Code: EUNREADABLE}
	ErrUnsupported = &Error{Code: EUNSUPPORTED}
	ErrTooLarge    = &Error{Code: ETOOLARGE}
	ErrEncrypted   = &Error{Code: EENCRYPTED}
	ErrEmpty       = &Error{Code: EEMPTY}
	ErrNotDossier  = &Error{Code: ENOTDOSSIER}
	ErrTimeout     = &Error{Code: ETIMEOUT}
	ErrTransient   = &Error{Code: ETRANSIENT}
	ErrInvalid     = &Error{Code: EINVALID}
)

// Errorf returns an *Error. The Vietnamese and English texts are written
// by the caller, not translated; format arguments apply to both.
func Errorf(code ErrorCode, vi, en string, args ...any) *Error {
	return &Error{Code: code, VI: fmt.Sprintf(vi, args...), EN: fmt.Sprintf(en, args...)}
}

// Wrap returns an *Error with cause err.
func Wrap(err error, code ErrorCode, vi, en string, args ...any) *Error {
	e := Errorf(code, vi, en, args...)
	e.Err = err
	return e
}

func (e *Error) Error() string {
	msg := e.EN
	if msg == "" {
		msg = string(e.Code)
	}
	if e.Err != nil {
		return msg + ": " + e.Err.Error()
	}
	return msg
}

func (e *Error) Unwrap() error { return e.Err }

// Is matches any *Error of the same code, so callers test with the sentinels.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Code == e.Code && t.VI == "" && t.EN == ""
}

// Code returns the code of the first *Error in err's chain, EINTERNAL for
// any other non-nil error, and "" for nil.
func Code(err error) ErrorCode {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// Transient reports whether err is worth retrying.
func Transient(err error) bool { return Code(err) == ETRANSIENT }

// ErrorInfo is the JSON form of an error in a Record.
type ErrorInfo struct {
	Code    ErrorCode `json:"code"`
	Message string    `json:"message"`    // Vietnamese
	English string    `json:"message_en"` // English
}

// Info returns the JSON form of err. Errors without a Vietnamese message get
// a generic one, so a clerk never sees only English.
func Info(err error) *ErrorInfo {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) && e.VI != "" {
		return &ErrorInfo{Code: e.Code, Message: e.VI, English: e.Error()}
	}
	return &ErrorInfo{Code: Code(err), Message: "Lỗi khi xử lý tệp: " + err.Error(), English: err.Error()}
}

// Reject marks r as rejected because of err.
func (r *Record) Reject(err error) {
	r.Verdict = VerdictRejected
	r.Error = Info(err)
	r.Letter = nil
}
