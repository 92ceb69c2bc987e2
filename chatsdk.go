// Package chatsdk holds what the chatrhub, giosg and chatio clients share:
// client options, per-call options, the error types and sentinels that
// every call returns, and the metadata of an answer.
//
//	c, err := chatrhub.NewClient(token, chatsdk.WithBaseURL(url), chatsdk.WithMaxRetries(5))
//	agent, err := c.Agents.Get(ctx, 4)
//	if errors.Is(err, chatsdk.ErrNotFound) { ... }
//	var apiErr *chatsdk.APIError
//	if errors.As(err, &apiErr) { log.Println(apiErr.StatusCode, apiErr.RequestID) }
package chatsdk

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/textproto"
	"strings"
	"time"

	"github.com/chatsdk-go/chatsdk/internal/config"
)

// Version is the SDK version sent in the default User-Agent
// ("chatsdk-go/<version>").
const Version = "0.1.0"

// Option configures a client at construction (the With* functions of this
// package, and API-specific ones such as giosg.WithOAuthToken). Options
// validate their input: an invalid one makes NewClient fail with an error
// that names it.
type Option func(*config.Client) error

// CallOption changes a single call (WithRequestHeader, WithTimeout,
// WithResponseInto, WithRetryUnsafe, WithoutRetries, WithCallMiddleware).
// An invalid one ends the call with an error before anything is sent.
type CallOption func(*config.Call) error

// TokenSource returns the token for a call, for tokens that rotate. It is
// called once per call (retries of that call reuse the token), so a new
// token is picked up by the next call.
type TokenSource func(ctx context.Context) (string, error)

// WithBaseURL sets the API's base URL: http or https, a host, an optional
// port and path prefix; no query, fragment or user info.
func WithBaseURL(rawURL string) Option {
	return func(c *config.Client) error {
		u, err := config.ParseBaseURL(rawURL)
		if err != nil {
			return err
		}
		c.BaseURL = u
		return nil
	}
}

// WithHTTPClient sets the *http.Client that sends requests (its Transport,
// proxy, TLS settings and Timeout are used as they are; the client is
// copied, so later changes to it are not seen).
func WithHTTPClient(hc *http.Client) Option {
	return func(c *config.Client) error {
		if hc == nil {
			return errors.New("chatsdk: WithHTTPClient: nil *http.Client")
		}
		c.HTTPClient = hc
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
	return func(c *config.Client) error {
		c.Logger = l
		return nil
	}
}

// WithUserAgent replaces the default "chatsdk-go/<version>" User-Agent.
func WithUserAgent(ua string) Option {
	return func(c *config.Client) error {
		if strings.TrimSpace(ua) == "" || strings.ContainsAny(ua, "\r\n") {
			return fmt.Errorf("chatsdk: WithUserAgent(%q): want a non-empty single line", ua)
		}
		c.UserAgent = ua
		return nil
	}
}

// WithHeader adds a header to every request. Authorization cannot be set
// this way (it comes from the token or WithTokenSource).
func WithHeader(key, value string) Option {
	return func(c *config.Client) error { return addHeader(&c.Header, key, value) }
}

// WithTokenSource asks ts for the token before every call, replacing the
// static token given to NewClient; the API's default scheme is kept.
func WithTokenSource(ts TokenSource) Option {
	return func(c *config.Client) error {
		if ts == nil {
			return errors.New("chatsdk: WithTokenSource: nil TokenSource")
		}
		c.TokenSource = ts
		return nil
	}
}

// WithBearerTokenSource asks ts for an OAuth2 access token before every call
// and sends it as "Authorization: Bearer <token>" whatever the API's default
// scheme (giosg's is "Token", for user API tokens). The nested module
// github.com/chatsdk-go/chatsdk/oauth2 builds one from a
// golang.org/x/oauth2 TokenSource.
func WithBearerTokenSource(ts TokenSource) Option {
	withSource := WithTokenSource(ts)
	return func(c *config.Client) error {
		if err := withSource(c); err != nil {
			return err
		}
		c.AuthScheme = "Bearer"
		return nil
	}
}

// WithRequestHeader adds a header to this call only. Its values replace the
// ones a WithHeader of the same name sets on the client; using it twice with
// one name sends both values.
func WithRequestHeader(key, value string) CallOption {
	return func(c *config.Call) error { return addHeader(&c.Header, key, value) }
}

// WithTimeout bounds this call, retries and waits included.
func WithTimeout(d time.Duration) CallOption {
	return func(c *config.Call) error {
		if d <= 0 {
			return fmt.Errorf("chatsdk: WithTimeout(%s): want a positive duration", d)
		}
		c.Timeout = d
		return nil
	}
}

// addHeader validates key and value and adds them to *h.
func addHeader(h *http.Header, key, value string) error {
	if err := validHeader(key, value); err != nil {
		return err
	}
	if *h == nil {
		*h = http.Header{}
	}
	h.Add(key, value)
	return nil
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
