package core

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/internal/config"
)

// clientLimit is a client's limiter and the key of its static token.
type clientLimit struct {
	limiter   config.RateLimiter
	api       string
	staticKey string
}

func newClientLimit(api string, l config.RateLimiter, staticToken string) *clientLimit {
	if l == nil {
		return nil
	}
	cl := &clientLimit{limiter: l, api: api}
	if staticToken != "" {
		cl.staticKey = chatsdk.RateLimitKey(api, staticToken)
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
		key = chatsdk.RateLimitKey(cl.api, token)
	}
	return &callLimit{limiter: cl.limiter, key: key}
}

// callLimit is the limiter and key one call waits on before each attempt.
type callLimit struct {
	limiter config.RateLimiter
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
