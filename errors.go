package chatsdk

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// Sentinel errors, usable with errors.Is on any error a client returns.
var (
	// ErrBadRequest matches an API answer of 400 Bad Request (or 422).
	ErrBadRequest = errors.New("chatsdk: bad request")
	// ErrUnauthorized matches 401: the token is missing, wrong or expired.
	ErrUnauthorized = errors.New("chatsdk: unauthorized")
	// ErrForbidden matches 403: the token may not do this.
	ErrForbidden = errors.New("chatsdk: forbidden")
	// ErrNotFound matches 404: the object does not exist or is not visible.
	ErrNotFound = errors.New("chatsdk: not found")
	// ErrConflict matches 409: the object's state does not allow the change.
	ErrConflict = errors.New("chatsdk: conflict")
	// ErrRateLimited matches 429, and any answer whose Retry-After asked for a
	// longer wait than the client's maximum (see APIError.RetryAfter).
	ErrRateLimited = errors.New("chatsdk: rate limited")
	// ErrServer matches any 5xx answer.
	ErrServer = errors.New("chatsdk: server error")
	// ErrMayHaveBeenApplied matches a failed request that is not safe to
	// replay (such as a POST that sends a message) after it reached the
	// server: it was not retried, and the server may have applied it.
	ErrMayHaveBeenApplied = errors.New("chatsdk: request was sent and may have been applied")
	// ErrUnsafeNextURL is returned by an iterator whose "next" page URL does
	// not have the configured base URL's scheme, host and port; the URL is
	// never requested.
	ErrUnsafeNextURL = errors.New("chatsdk: next page URL is not on the configured base URL")
	// ErrRepeatedCursor is returned by an iterator that was handed a page
	// cursor (or next URL) it had already followed.
	ErrRepeatedCursor = errors.New("chatsdk: repeated page cursor")
	// ErrPageLimit is returned by an iterator that reached its page cap.
	ErrPageLimit = errors.New("chatsdk: page limit reached")
	// ErrInvalidParams matches every call refused before anything was sent
	// because a parameter is missing or invalid (see ParamError).
	ErrInvalidParams = errors.New("chatsdk: invalid parameters")
)

// ParamError reports parameters that were refused before any request was
// sent. It matches ErrInvalidParams.
type ParamError struct {
	// Operation names the SDK method, e.g. "chatio.BotAgents.Create"; it may
	// be empty for errors of a params type's Validate method.
	Operation string
	// Field is the API's name (or JSON path) of the offending parameter, e.g.
	// "full_name" or "webhooks.actions[1].name"; empty when the whole params
	// value is at fault.
	Field string
	// Problem says what is wrong with it.
	Problem string
	// Err is a more specific sentinel the error also matches, if any (for
	// example giosg.ErrMissingParam).
	Err error
}

// Unwrap returns the more specific sentinel, if any.
func (e *ParamError) Unwrap() error { return e.Err }

// Error implements error.
func (e *ParamError) Error() string {
	s := ""
	if e.Operation != "" {
		s = e.Operation + ": "
	}
	s += "invalid parameters: "
	if e.Field != "" {
		s += e.Field + ": "
	}
	return s + e.Problem
}

// Is matches ErrInvalidParams.
func (e *ParamError) Is(target error) bool { return target == ErrInvalidParams }

// MaxErrorBody is how much of an error answer's body is read and kept in
// APIError.Body.
const MaxErrorBody = 1 << 20

// APIError is an answer from the API with a status of 400 or more, or a
// redirect (3xx) that the client did not follow because it leaves the base
// URL's origin.
// Use errors.As to get it and errors.Is to compare it with the sentinels.
type APIError struct {
	// Operation names the SDK method, e.g. "chatrhub.Agents.Get".
	Operation string
	// Method is the request's HTTP method.
	Method string
	// Path is the request's path as sent (escaped; no query, no host).
	Path string
	// StatusCode is the HTTP status of the answer.
	StatusCode int
	// Type is the machine-readable error type or code when the body has one
	// (chat.io "type", JSON:API "code").
	Type string
	// Message is the human-readable message the body carried, if any.
	Message string
	// RequestID is the server's request ID header, if any.
	RequestID string
	// RetryAfter is the wait the server asked for with Retry-After (0 if none).
	RetryAfter time.Duration
	// RetryAfterTooLong is set when Retry-After exceeded the client's maximum
	// wait, so the client gave up without waiting.
	RetryAfterTooLong bool
	// MayHaveBeenApplied is set when the request is not safe to replay and the
	// server answered with a retryable status: it was not retried.
	MayHaveBeenApplied bool
	// Body is the raw response body, at most 1 MiB (MaxErrorBody).
	Body []byte
	// Header is the response header.
	Header http.Header
}

// Error implements error. It never contains the token.
func (e *APIError) Error() string {
	var b strings.Builder
	if e.Operation != "" {
		b.WriteString(e.Operation)
		b.WriteString(": ")
	}
	fmt.Fprintf(&b, "%s %s: %d %s", e.Method, e.Path, e.StatusCode, http.StatusText(e.StatusCode))
	if e.Type != "" {
		b.WriteString(" (" + e.Type + ")")
	}
	if e.Message != "" {
		b.WriteString(": " + e.Message)
	}
	if e.RequestID != "" {
		b.WriteString(" [request id " + e.RequestID + "]")
	}
	if e.RetryAfter > 0 {
		fmt.Fprintf(&b, " (retry after %s", e.RetryAfter)
		if e.RetryAfterTooLong {
			b.WriteString(", longer than the maximum wait")
		}
		b.WriteString(")")
	}
	if e.MayHaveBeenApplied {
		b.WriteString(" (not retried: the request was sent and may have been applied)")
	}
	return b.String()
}

// Is matches the sentinel errors by status code.
func (e *APIError) Is(target error) bool {
	switch target {
	case ErrBadRequest:
		return e.StatusCode == http.StatusBadRequest || e.StatusCode == http.StatusUnprocessableEntity
	case ErrUnauthorized:
		return e.StatusCode == http.StatusUnauthorized
	case ErrForbidden:
		return e.StatusCode == http.StatusForbidden
	case ErrNotFound:
		return e.StatusCode == http.StatusNotFound
	case ErrConflict:
		return e.StatusCode == http.StatusConflict
	case ErrRateLimited:
		return e.StatusCode == http.StatusTooManyRequests || e.RetryAfterTooLong
	case ErrServer:
		return e.StatusCode >= 500
	case ErrMayHaveBeenApplied:
		return e.MayHaveBeenApplied
	}
	return false
}

// RequestError is a request that got no HTTP answer: the connection failed,
// the context ended, the rate limiter refused, or the token source failed.
// Use errors.Is with context.Canceled or context.DeadlineExceeded to tell a
// context end, and with ErrMayHaveBeenApplied to tell a write that was sent.
type RequestError struct {
	// Operation names the SDK method, e.g. "giosg.Messages.Send".
	Operation string
	// Method is the request's HTTP method.
	Method string
	// Path is the request's path (escaped; no query, no host; the token is
	// redacted should it appear).
	Path string
	// MayHaveBeenApplied is set when the request had been written to the
	// connection and is not safe to replay, so it was not retried.
	MayHaveBeenApplied bool
	// Err is the cause (a *url.Error, a context error, the token source's
	// or rate limiter's error); the token never appears in it.
	Err error
}

// Error implements error. It never contains the token.
func (e *RequestError) Error() string {
	s := fmt.Sprintf("%s: %s %s: %v", e.Operation, e.Method, e.Path, e.Err)
	if e.MayHaveBeenApplied {
		s += " (not retried: the request was sent and may have been applied)"
	}
	return s
}

// Unwrap returns the cause.
func (e *RequestError) Unwrap() error { return e.Err }

// Is matches ErrMayHaveBeenApplied.
func (e *RequestError) Is(target error) bool {
	return target == ErrMayHaveBeenApplied && e.MayHaveBeenApplied
}

// DecodeError is a successful answer whose body could not be decoded into
// the operation's response type.
// An empty body, JSON null, or {} where an object was expected is a
// DecodeError too: a missing object never becomes a zero value.
type DecodeError struct {
	// Operation names the SDK method, e.g. "chatio.BotAgents.Get".
	Operation string
	// StatusCode is the HTTP status of the successful answer.
	StatusCode int
	// Field is the JSON path of the field that failed, when known
	// (e.g. "data.attributes.agent_id").
	Field string
	// Err is the decoder's error (or a message for an empty answer).
	Err error
}

// Error implements error.
func (e *DecodeError) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%s: decoding response field %q: %v", e.Operation, e.Field, e.Err)
	}
	return fmt.Sprintf("%s: decoding response: %v", e.Operation, e.Err)
}

// Unwrap returns the decoder's error.
func (e *DecodeError) Unwrap() error { return e.Err }
