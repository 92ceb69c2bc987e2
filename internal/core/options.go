package core

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/textproto"
	"net/url"
	"strings"
	"time"
)

// TokenSource returns the token to send with a request. It is called once
// per call (retries of that call reuse the token), so rotating tokens are
// picked up by the next call.
type TokenSource func(ctx context.Context) (string, error)

// Option configures a client. Options validate their input and make
// NewClient fail with a clear error instead of failing later.
type Option func(*Config) error

// Config is what the options configure. API packages fill the defaults.
type Config struct {
	BaseURL      *url.URL
	HTTPClient   *http.Client
	MaxRetries   int
	RetryWaitMin time.Duration
	RetryWaitMax time.Duration
	Logger       *slog.Logger
	UserAgent    string
	Header       http.Header
	TokenSource  TokenSource
	// AuthScheme is the word before the token in the Authorization header
	// ("Bearer", "Token").
	AuthScheme string
	// RateLimiter, when set, is waited on before every attempt.
	RateLimiter RateLimiter
	// Middleware wraps every attempt; Observers see every call.
	Middleware []Middleware
	Observers  []CallObserver
	// RetryBudget and RetryBudgetCost set the retry budget (zero: the
	// default); NoRetryBudget removes it.
	RetryBudget, RetryBudgetCost int
	NoRetryBudget                bool
}

// Default retry settings.
const (
	DefaultMaxRetries   = 3
	DefaultRetryWaitMin = 500 * time.Millisecond
	DefaultRetryWaitMax = 30 * time.Second
)

// WithBaseURL sets the API's base URL (scheme, host, optional port and path
// prefix). Only http and https URLs without query or fragment are accepted.
func WithBaseURL(rawURL string) Option {
	return func(c *Config) error {
		u, err := ParseBaseURL(rawURL)
		if err != nil {
			return err
		}
		c.BaseURL = u
		return nil
	}
}

// ParseBaseURL validates a base URL.
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

// WithHTTPClient sets the *http.Client that sends requests (its Transport,
// proxy, TLS settings and Timeout are used as they are; NewClient copies the
// *http.Client, so later changes to it are not seen).
func WithHTTPClient(hc *http.Client) Option {
	return func(c *Config) error {
		if hc == nil {
			return errors.New("chatsdk: WithHTTPClient: nil *http.Client")
		}
		c.HTTPClient = hc
		return nil
	}
}

// WithMaxRetries sets how many times a failed request that is safe to replay
// is retried (0 disables retries). The default is 3.
func WithMaxRetries(n int) Option {
	return func(c *Config) error {
		if n < 0 || n > 100 {
			return fmt.Errorf("chatsdk: WithMaxRetries(%d): want 0..100", n)
		}
		c.MaxRetries = n
		return nil
	}
}

// WithRetryWaitMax sets the longest wait between two attempts (default 30s).
// A Retry-After longer than this makes the client give up at once with an
// error matching ErrRateLimited that carries the requested RetryAfter.
func WithRetryWaitMax(d time.Duration) Option {
	return func(c *Config) error {
		if d <= 0 {
			return fmt.Errorf("chatsdk: WithRetryWaitMax(%s): want a positive duration", d)
		}
		c.RetryWaitMax = d
		if c.RetryWaitMin > d {
			c.RetryWaitMin = d
		}
		return nil
	}
}

// WithRetryWaitMin sets the first backoff wait (default 500ms); later waits
// grow exponentially, with jitter, up to the maximum wait.
func WithRetryWaitMin(d time.Duration) Option {
	return func(c *Config) error {
		if d <= 0 {
			return fmt.Errorf("chatsdk: WithRetryWaitMin(%s): want a positive duration", d)
		}
		c.RetryWaitMin = d
		if c.RetryWaitMax < d {
			c.RetryWaitMax = d
		}
		return nil
	}
}

// WithLogger logs request metadata to l at debug level: each attempt
// (operation, method, path, attempt, status or error), each retry's wait,
// and each call's outcome (operation, method, path, attempts, status,
// duration, error kind). The path is logged without its query, which may
// hold personal data such as an e-mail address; bodies and tokens are never
// logged. nil disables logging, which is the default.
func WithLogger(l *slog.Logger) Option {
	return func(c *Config) error {
		c.Logger = l
		return nil
	}
}

// WithUserAgent replaces the User-Agent header (default "chatsdk-go/<version>").
func WithUserAgent(ua string) Option {
	return func(c *Config) error {
		if strings.TrimSpace(ua) == "" || strings.ContainsAny(ua, "\r\n") {
			return fmt.Errorf("chatsdk: WithUserAgent(%q): want a non-empty single line", ua)
		}
		c.UserAgent = ua
		return nil
	}
}

// WithHeader adds a header to every request. Authorization cannot be set this
// way (use the token or WithTokenSource).
func WithHeader(key, value string) Option {
	return func(c *Config) error {
		if err := validHeader(key, value); err != nil {
			return err
		}
		if c.Header == nil {
			c.Header = http.Header{}
		}
		c.Header.Add(key, value)
		return nil
	}
}

// WithTokenSource makes the client ask ts for the token before every
// call, for tokens that rotate. It replaces the static token.
func WithTokenSource(ts TokenSource) Option {
	return func(c *Config) error {
		if ts == nil {
			return errors.New("chatsdk: WithTokenSource: nil TokenSource")
		}
		c.TokenSource = ts
		return nil
	}
}

func validHeader(key, value string) error {
	if key == "" || strings.ContainsAny(key, " \t\r\n:") {
		return fmt.Errorf("chatsdk: invalid header name %q", key)
	}
	for i := 0; i < len(value); i++ {
		if b := value[i]; (b < ' ' && b != '\t') || b == 0x7f {
			return fmt.Errorf("chatsdk: header %q: value must be a single line without control characters", key)
		}
	}
	if textproto.CanonicalMIMEHeaderKey(key) == "Authorization" {
		return errors.New("chatsdk: the Authorization header comes from the token; use WithTokenSource to change it")
	}
	return nil
}

// CallOption changes one call.
type CallOption func(*callConfig) error

type callConfig struct {
	middleware []Middleware
	header     http.Header
	timeout    time.Duration
	// into, retryUnsafe and noRetries are set by WithResponseInto,
	// WithRetryUnsafe and WithoutRetries.
	into                   *Response
	retryUnsafe, noRetries bool
}

// WithRequestHeader adds a header to this call only. Its values replace the
// ones a WithHeader of the same name sets on the client; using it twice with
// one name sends both values.
func WithRequestHeader(key, value string) CallOption {
	return func(c *callConfig) error {
		if err := validHeader(key, value); err != nil {
			return err
		}
		if c.header == nil {
			c.header = http.Header{}
		}
		c.header.Add(key, value)
		return nil
	}
}

// WithTimeout bounds this call, retries and waits included.
func WithTimeout(d time.Duration) CallOption {
	return func(c *callConfig) error {
		if d <= 0 {
			return fmt.Errorf("chatsdk: WithTimeout(%s): want a positive duration", d)
		}
		c.timeout = d
		return nil
	}
}

// WithAuthScheme sets the word sent before the token in the Authorization
// header ("Bearer", "Token"). API packages wrap it in their own options.
func WithAuthScheme(scheme string) Option {
	return func(c *Config) error {
		if scheme == "" || strings.ContainsAny(scheme, " \t\r\n") {
			return fmt.Errorf("chatsdk: invalid auth scheme %q", scheme)
		}
		c.AuthScheme = scheme
		return nil
	}
}
