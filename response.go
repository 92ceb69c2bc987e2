package chatsdk

import (
	"errors"
	"net/http"
	"time"

	"github.com/chatsdk-go/chatsdk/internal/config"
)

// Response is the metadata of an answer: the status and header of the last
// attempt, the request ID the API sent, how many attempts the call took,
// how long it waited between them, and the rate limit the API announced.
// WithResponseInto fills one for any call.
type Response struct {
	// StatusCode is the HTTP status of the last answer.
	StatusCode int
	// Header is the header of the last answer.
	Header http.Header
	// RequestID is the API's request ID header (X-Request-Id, Request-Id,
	// X-Amzn-Requestid or X-Correlation-Id), empty when none was sent.
	RequestID string
	// Attempts is how many attempts the call made (1 without retries).
	Attempts int
	// TotalWait is the time spent waiting before retries (backoff,
	// Retry-After and pacing waits), not the time spent on attempts.
	TotalWait time.Duration
	// RateLimit is the rate limit the last answer announced.
	RateLimit RateLimit
}

// Created reports whether the API answered 201 Created.
func (r *Response) Created() bool { return r != nil && r.StatusCode == http.StatusCreated }

// RateLimit is what an answer's rate limit headers announced
// (X-RateLimit-Limit/Remaining/Reset, RateLimit-Limit/Remaining/Reset,
// Retry-After). Each of Limit, Remaining and Reset is set only when its Has
// flag is true.
type RateLimit struct {
	// Limit is the number of requests allowed in the current window.
	Limit int
	// HasLimit tells whether the answer announced Limit.
	HasLimit bool
	// Remaining is the number of requests left in the current window.
	Remaining int
	// HasRemaining tells whether the answer announced Remaining.
	HasRemaining bool
	// Reset is when the current window ends.
	Reset time.Time
	// HasReset tells whether the answer announced Reset.
	HasReset bool
	// RetryAfter is the wait the API asked for with Retry-After (0: none).
	RetryAfter time.Duration
}

// WithResponseInto fills *r with one call's answer metadata: status,
// header, request ID, attempts, time waited between attempts and the
// announced rate limit. It is filled on success and when the call ends with
// an *APIError (then StatusCode and Header are the error answer's); after a
// call that got no answer only Attempts and TotalWait are set. For a
// page-level list call it describes that page's call. r must not be nil.
func WithResponseInto(r *Response) CallOption {
	return func(c *config.Call) error {
		if r == nil {
			return errors.New("chatsdk: WithResponseInto(nil): want a *Response")
		}
		c.ResponseInto = r
		return nil
	}
}
