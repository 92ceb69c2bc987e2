// Package config holds what the chatsdk options configure: the settings of
// a client (Client) and of one call (Call). The root package's options
// write them and internal/core reads them; neither type is part of the
// public API.
package config

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Client is what the client options (chatsdk.Option) configure. API
// packages fill the defaults before the options run.
type Client struct {
	// BaseURL is the validated base URL requests are sent to.
	BaseURL *url.URL
	// HTTPClient sends the requests; nil means the SDK's own transport.
	HTTPClient *http.Client
	// MaxRetries is how many times a replay-safe request is retried.
	MaxRetries int
	// RetryWaitMin and RetryWaitMax bound the backoff between attempts.
	RetryWaitMin, RetryWaitMax time.Duration
	// Logger receives metadata-only debug lines; nil disables logging.
	Logger *slog.Logger
	// UserAgent is the User-Agent header's value.
	UserAgent string
	// Header is added to every request.
	Header http.Header
	// TokenSource, when set, is asked for the token of every call.
	TokenSource func(ctx context.Context) (string, error)
	// AuthScheme is the word before the token in the Authorization header
	// ("Bearer", "Token").
	AuthScheme string
	// RateLimiter, when set, is waited on before every attempt.
	RateLimiter RateLimiter
	// Middleware holds the chatsdk.Middleware values that wrap every
	// attempt, outermost first; Observers the chatsdk.CallObserver values
	// told of every call. They are held as any because this package cannot
	// name the root package's types; internal/core asserts them.
	Middleware []any
	Observers  []any
	// RetryBudget and RetryBudgetCost set the retry budget (zero: the
	// default); NoRetryBudget removes it.
	RetryBudget, RetryBudgetCost int
	NoRetryBudget                bool
}

// Call is what the per-call options (chatsdk.CallOption) configure.
type Call struct {
	// Middleware holds chatsdk.Middleware values wrapping this call's
	// attempts, inside the client's.
	Middleware []any
	// Header is added to this call's requests, replacing client headers of
	// the same name.
	Header http.Header
	// Timeout bounds the call, retries and waits included (0: none).
	Timeout time.Duration
	// ResponseInto is the *chatsdk.Response the call's answer metadata is
	// written to (nil: none).
	ResponseInto any
	// RetryUnsafe declares the call replay-safe; NoRetries sends it once.
	RetryUnsafe, NoRetries bool
}

// Default retry settings.
const (
	DefaultMaxRetries   = 3
	DefaultRetryWaitMin = 500 * time.Millisecond
	DefaultRetryWaitMax = 30 * time.Second
)

// RateLimiter paces requests (chatsdk.RateLimiter has the same method).
type RateLimiter interface {
	Wait(ctx context.Context, key string) error
}

// ParseBaseURL validates a base URL: http or https, a host, no query,
// fragment or user info; a trailing slash is dropped.
func ParseBaseURL(rawURL string) (*url.URL, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("chatsdk: invalid base URL: %w", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("chatsdk: base URL %q must be http or https", rawURL)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("chatsdk: base URL %q has no host", rawURL)
	}
	if u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return nil, fmt.Errorf("chatsdk: base URL %q must not carry a query, fragment or user info", rawURL)
	}
	u.Path = strings.TrimSuffix(u.Path, "/")
	u.RawPath = strings.TrimSuffix(u.RawPath, "/")
	return u, nil
}
