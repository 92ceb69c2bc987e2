// Package chatsdk holds what the chatrhub, giosg and chatio clients share:
// client options, per-call options, and the error types and sentinels that
// every call returns.
//
//	c, err := chatrhub.NewClient(token, chatsdk.WithBaseURL(url), chatsdk.WithMaxRetries(5))
//	agent, err := c.Agents.Get(ctx, 4)
//	if errors.Is(err, chatsdk.ErrNotFound) { ... }
//	var apiErr *chatsdk.APIError
//	if errors.As(err, &apiErr) { log.Println(apiErr.StatusCode, apiErr.RequestID) }
package chatsdk

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/chatsdk-go/chatsdk/internal/core"
)

// Version is the SDK version sent in the default User-Agent.
const Version = core.Version

type (
	// APIError is an answer with a status of 400 or more (or a redirect off
	// the base URL's origin, which is never followed): status, error
	// type/code, message, request ID, Retry-After and the raw body (at most
	// 1 MiB). It matches the sentinels below with errors.Is.
	APIError = core.APIError
	// RequestError is a call that got no answer (connection failure, context
	// end, token source failure). MayHaveBeenApplied tells whether a request
	// that is unsafe to replay had already been sent.
	RequestError = core.RequestError
	// DecodeError is a successful answer whose body did not decode; it names
	// the operation and the JSON field.
	DecodeError = core.DecodeError
	// Option configures a client at construction; invalid input makes
	// NewClient fail.
	Option = core.Option
	// CallOption changes a single call (extra headers, timeout).
	CallOption = core.CallOption
	// TokenSource returns the token for a call, for tokens that rotate.
	TokenSource = core.TokenSource
	// Response is the metadata of an answer: status, header, request ID,
	// attempts, time waited and rate limit (see WithResponseInto).
	Response = core.Response
	// ParamError is a call refused before anything was sent because a
	// parameter is missing or invalid; it matches ErrInvalidParams.
	ParamError = core.ParamError
)

// Sentinel errors: compare with errors.Is.
var (
	ErrBadRequest         = core.ErrBadRequest
	ErrUnauthorized       = core.ErrUnauthorized
	ErrForbidden          = core.ErrForbidden
	ErrNotFound           = core.ErrNotFound
	ErrConflict           = core.ErrConflict
	ErrRateLimited        = core.ErrRateLimited
	ErrServer             = core.ErrServer
	ErrMayHaveBeenApplied = core.ErrMayHaveBeenApplied
	ErrUnsafeNextURL      = core.ErrUnsafeNextURL
	ErrRepeatedCursor     = core.ErrRepeatedCursor
	ErrPageLimit          = core.ErrPageLimit
	ErrInvalidParams      = core.ErrInvalidParams
)

// WithBaseURL sets the API's base URL (http or https, optional path prefix).
func WithBaseURL(rawURL string) Option { return core.WithBaseURL(rawURL) }

// WithHTTPClient sets the *http.Client used to send requests.
func WithHTTPClient(hc *http.Client) Option { return core.WithHTTPClient(hc) }

// WithMaxRetries sets how many times a request that is safe to replay is
// retried after 408, 429, 500, 502, 503, 504 or a connection error
// (default 3; 0 disables retries).
func WithMaxRetries(n int) Option { return core.WithMaxRetries(n) }

// WithRetryWaitMin sets the first backoff wait (default 500ms).
func WithRetryWaitMin(d time.Duration) Option { return core.WithRetryWaitMin(d) }

// WithRetryWaitMax sets the longest wait between attempts (default 30s). A
// Retry-After above it ends the call at once with ErrRateLimited.
func WithRetryWaitMax(d time.Duration) Option { return core.WithRetryWaitMax(d) }

// WithLogger logs request metadata to l; never bodies or tokens.
func WithLogger(l *slog.Logger) Option { return core.WithLogger(l) }

// WithUserAgent replaces the default "chatsdk-go/<version>" User-Agent.
func WithUserAgent(ua string) Option { return core.WithUserAgent(ua) }

// WithHeader adds a header to every request (not Authorization).
func WithHeader(key, value string) Option { return core.WithHeader(key, value) }

// WithTokenSource asks ts for the token before every call, replacing the
// static token given to NewClient.
func WithTokenSource(ts TokenSource) Option { return core.WithTokenSource(ts) }

// WithBearerTokenSource asks ts for an OAuth2 access token before every call
// and sends it as "Authorization: Bearer <token>" whatever the API's default
// scheme (giosg's is "Token", for user API tokens). The nested module
// github.com/chatsdk-go/chatsdk/oauth2 builds one from a
// golang.org/x/oauth2 TokenSource.
func WithBearerTokenSource(ts TokenSource) Option {
	withSource, withScheme := core.WithTokenSource(ts), core.WithAuthScheme("Bearer")
	return func(c *core.Config) error {
		if err := withSource(c); err != nil {
			return err
		}
		return withScheme(c)
	}
}

// WithRequestHeader adds a header to one call; it replaces a WithHeader
// value of the same name.
func WithRequestHeader(key, value string) CallOption { return core.WithRequestHeader(key, value) }

// WithTimeout bounds one call, retries and waits included.
func WithTimeout(d time.Duration) CallOption { return core.WithTimeout(d) }

// RateLimit is the rate limit an answer announced (X-RateLimit-*,
// RateLimit-*, Retry-After); see Response.
type RateLimit = core.RateLimit

// WithResponseInto fills *r with one call's answer metadata: status,
// header, request ID, attempts, time waited between attempts and the
// announced rate limit. It is filled on success and when the call ends with
// an *APIError; for a page-level list call it describes that page's call.
func WithResponseInto(r *Response) CallOption { return core.WithResponseInto(r) }

// WithRetryUnsafe declares one call idempotent: it is retried after 408,
// 429, 5xx or a connection error even if it is a POST or PATCH.
func WithRetryUnsafe() CallOption { return core.WithRetryUnsafe() }

// WithoutRetries sends one call at most once, never retrying it.
func WithoutRetries() CallOption { return core.WithoutRetries() }

// WithRetryBudget sets the retry budget shared by all calls of a client
// (default WithRetryBudget(500, 5)): a retry takes cost tokens (2*cost after
// a timeout or connection error), a success gives one back, and an empty
// budget stops retries until successes refill it.
func WithRetryBudget(capacity, cost int) Option { return core.WithRetryBudget(capacity, cost) }

// WithoutRetryBudget removes the retry budget: every call may use all its
// retries whatever other calls do.
func WithoutRetryBudget() Option { return core.WithoutRetryBudget() }
