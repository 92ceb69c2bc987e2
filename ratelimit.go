package chatsdk

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"

	"github.com/chatsdk-go/chatsdk/internal/config"
)

// RateLimiter paces a client's requests: Wait(ctx, key) blocks until a
// request for key may be sent, or returns an error when ctx ends first.
// key is "<api>:" and the first 16 hex digits of the SHA-256 of the call's
// token (never the token), e.g. "giosg:3f2a9c0e51d4b7a8", so that clients
// and replicas sharing one limiter and one token share one budget. The
// ratelimit module (in-process) and the redis module (shared across
// processes) implement it.
type RateLimiter interface {
	Wait(ctx context.Context, key string) error
}

// WithRateLimiter makes the client wait on l before every attempt of every
// call, retries and followed redirects included. A Wait error ends the call
// with a *RequestError, nothing sent; when the call's context ended it
// matches context.Canceled or context.DeadlineExceeded. l must not be nil.
func WithRateLimiter(l RateLimiter) Option {
	return func(c *config.Client) error {
		if l == nil {
			return errors.New("chatsdk: WithRateLimiter(nil): the limiter must not be nil")
		}
		c.RateLimiter = l
		return nil
	}
}

// RateLimitKey returns the key a client of api ("chatrhub", "giosg",
// "chatio") passes to its RateLimiter for token: api + ":" + the first 16
// hex digits of sha256(token).
func RateLimitKey(api, token string) string {
	sum := sha256.Sum256([]byte(token))
	return api + ":" + hex.EncodeToString(sum[:8])
}
