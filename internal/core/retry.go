package core

import (
	"context"
	"crypto/tls"
	"errors"
	"math/rand/v2"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"sync/atomic"
	"time"
)

// callState is what one call's retry decisions need; it travels in the
// request context because go-retryablehttp's CheckRetry sees only the context.
type callState struct {
	replaySafe bool
	token      string
	// wrote is set once an attempt wrote its request headers to a
	// connection: from then on the server may have received it.
	wrote              atomic.Bool
	mayHaveBeenApplied bool
	retryAfterTooLong  bool
}

type callStateKey struct{}

func (st *callState) attach(ctx context.Context) context.Context {
	ctx = context.WithValue(ctx, callStateKey{}, st)
	return httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{
		GetConn:      func(string) { st.wrote.Store(false) },
		WroteHeaders: func() { st.wrote.Store(true) },
	})
}

func replaySafe(r *Request) bool {
	if r.ReplaySafe != nil {
		return *r.ReplaySafe
	}
	switch r.Method {
	case http.MethodGet, http.MethodHead, http.MethodPut, http.MethodDelete, http.MethodOptions:
		return true
	}
	return false
}

// retryableStatus lists the answers worth another attempt.
func retryableStatus(code int) bool {
	switch code {
	case http.StatusRequestTimeout, http.StatusTooManyRequests,
		http.StatusInternalServerError, http.StatusBadGateway,
		http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// checkRetry retries 408/429/500/502/503/504 and connection errors, but
// only for requests that are safe to replay, or that provably never reached
// the server (no request header was written to a connection). A Retry-After
// longer than the maximum wait stops at once.
func (c *Client) checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return false, ctxErr
	}
	st, _ := ctx.Value(callStateKey{}).(*callState)
	if st == nil {
		return false, err
	}
	if err != nil {
		if permanentTransportError(err) {
			return false, err
		}
		if st.replaySafe || !st.wrote.Load() {
			return true, nil
		}
		st.mayHaveBeenApplied = true
		return false, err
	}
	if !retryableStatus(resp.StatusCode) {
		return false, nil
	}
	if ParseRetryAfter(resp.Header, time.Now()) > c.retryMax {
		st.retryAfterTooLong = true
		return false, nil
	}
	if !st.replaySafe {
		// 429 says the request was refused, not applied.
		st.mayHaveBeenApplied = resp.StatusCode != http.StatusTooManyRequests
		return false, nil
	}
	return true, nil
}

// permanentTransportError reports errors that another attempt cannot fix.
func permanentTransportError(err error) bool {
	var certErr *tls.CertificateVerificationError
	if errors.As(err, &certErr) {
		return true
	}
	var urlErr *url.Error
	if errors.As(err, &urlErr) && errors.Is(urlErr.Err, http.ErrSchemeMismatch) {
		return true
	}
	return false
}

// Backoff is the wait before retry attemptNum (0-based): the server's
// Retry-After (seconds or HTTP-date) when it sent one, else an exponential
// wait from min with jitter ("equal jitter": between half and all of
// min*2^attempt), never more than max.
func Backoff(min, max time.Duration, attemptNum int, resp *http.Response) time.Duration {
	if resp != nil {
		if ra := ParseRetryAfter(resp.Header, time.Now()); ra > 0 {
			if ra > max {
				return max
			}
			return ra
		}
	}
	wait := min
	for i := 0; i < attemptNum && wait < max; i++ {
		wait *= 2
	}
	if wait > max || wait <= 0 {
		wait = max
	}
	half := wait / 2
	return half + rand.N(wait-half+1)
}
