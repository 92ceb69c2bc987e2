package core

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
)

// RateLimiter paces requests. Wait blocks until a request for key may be
// sent, or returns an error when ctx ends first. key names the API and the
// token without revealing it: "<api>:" followed by the first 16 hex digits
// of the token's SHA-256 ("giosg:3f2a…"), so every client (or replica)
// that shares the limiter and the token shares its budget.
type RateLimiter interface {
	Wait(ctx context.Context, key string) error
}

// WithRateLimiter makes the client call l.Wait before every attempt of a
// call (first attempt, each retry, and each followed redirect), with the
// key of the API and the call's token. An error from Wait ends the call
// with a *RequestError that wraps it and that was never sent; a context
// end matches context.Canceled or context.DeadlineExceeded. l must not be
// nil.
func WithRateLimiter(l RateLimiter) Option {
	return func(c *Config) error {
		if l == nil {
			return errors.New("chatsdk: WithRateLimiter(nil): the limiter must not be nil")
		}
		c.RateLimiter = l
		return nil
	}
}

// RateLimitKey is the key a client of api passes to its RateLimiter for
// token: api + ":" + the first 16 hex digits of sha256(token).
func RateLimitKey(api, token string) string {
	sum := sha256.Sum256([]byte(token))
	return api + ":" + hex.EncodeToString(sum[:8])
}

// clientLimit is a client's limiter and the key of its static token.
type clientLimit struct {
	limiter   RateLimiter
	api       string
	staticKey string
}

func newClientLimit(api string, l RateLimiter, staticToken string) *clientLimit {
	if l == nil {
		return nil
	}
	cl := &clientLimit{limiter: l, api: api}
	if staticToken != "" {
		cl.staticKey = RateLimitKey(api, staticToken)
	}
	return cl
}

// forToken returns the limit one call waits on; nil without a limiter.
func (cl *clientLimit) forToken(token string) *callLimit {
	if cl == nil {
		return nil
	}
	key := cl.staticKey
	if key == "" {
		key = RateLimitKey(cl.api, token)
	}
	return &callLimit{limiter: cl.limiter, key: key}
}

// callLimit is the limiter and key one call waits on before each attempt.
type callLimit struct {
	limiter RateLimiter
	key     string
}

// limiterError is a RateLimiter's refusal: the attempt was never sent and
// another attempt would not help.
type limiterError struct{ err error }

func (e *limiterError) Error() string { return fmt.Sprintf("rate limiter: %v", e.err) }
func (e *limiterError) Unwrap() error { return e.err }

// waitRateLimit waits for st's limiter, if any, before sending req. When
// the wait fails, req's body is closed (as a RoundTripper must) and the
// attempt is marked as never having reached the server.
func (st *callState) waitRateLimit(req *http.Request) error {
	if st.limit == nil {
		return nil
	}
	ctx := req.Context()
	if err := st.limit.limiter.Wait(ctx, st.limit.key); err != nil {
		st.phase.Store(phaseConnecting)
		if req.Body != nil {
			_ = req.Body.Close()
		}
		if ctxErr := ctx.Err(); ctxErr != nil && errors.Is(err, ctxErr) {
			return err
		}
		return &limiterError{err: err}
	}
	return nil
}

// isLimiterError reports whether err is a RateLimiter's refusal.
func isLimiterError(err error) bool {
	var le *limiterError
	return errors.As(err, &le)
}
