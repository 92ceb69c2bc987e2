package core

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/chatsdk-go/chatsdk"
)

// fillResponse writes the metadata of a finished call into dst.
func fillResponse(dst *chatsdk.Response, resp *chatsdk.Response, st *callState, err error) {
	*dst = chatsdk.Response{}
	var h http.Header
	switch {
	case resp != nil:
		dst.StatusCode = resp.StatusCode
		h = resp.Header
	default:
		var apiErr *chatsdk.APIError
		if errors.As(err, &apiErr) {
			dst.StatusCode = apiErr.StatusCode
			h = apiErr.Header
		}
	}
	if st != nil {
		dst.Attempts = st.attempts
		dst.TotalWait = st.totalWait
	}
	if h != nil {
		dst.Header = h
		dst.RequestID = requestID(h)
		dst.RateLimit = ParseRateLimit(h, time.Now())
	}
}

// ParseRateLimit reads the rate limit headers of an answer received at now.
// A Reset given as a small number of seconds is taken as seconds from now
// (the IETF RateLimit-Reset form); a large one as a Unix time in seconds
// (GitHub's X-RateLimit-Reset form).
func ParseRateLimit(h http.Header, now time.Time) chatsdk.RateLimit {
	var rl chatsdk.RateLimit
	if v, ok := headerInt(h, "X-Ratelimit-Limit", "Ratelimit-Limit"); ok {
		rl.Limit, rl.HasLimit = v, true
	}
	if v, ok := headerInt(h, "X-Ratelimit-Remaining", "Ratelimit-Remaining"); ok {
		rl.Remaining, rl.HasRemaining = v, true
	}
	if v, ok := headerInt(h, "X-Ratelimit-Reset", "Ratelimit-Reset"); ok {
		if v >= 1_000_000_000 {
			rl.Reset = time.Unix(int64(v), 0)
		} else {
			rl.Reset = now.Add(time.Duration(v) * time.Second)
		}
		rl.HasReset = true
	}
	rl.RetryAfter = ParseRetryAfter(h, now)
	return rl
}

// headerInt returns the first of keys (canonical header names, looked up
// as h.Get would without canonicalizing them again) that holds a
// non-negative integer. A list value ("100, 100;w=60") counts by its first
// item.
func headerInt(h http.Header, keys ...string) (int, bool) {
	for _, k := range keys {
		vs := h[k]
		if len(vs) == 0 {
			continue
		}
		v := strings.TrimSpace(vs[0])
		if v == "" {
			continue
		}
		if i := strings.IndexAny(v, ",;"); i >= 0 {
			v = strings.TrimSpace(v[:i])
		}
		if n, err := strconv.Atoi(v); err == nil && n >= 0 {
			return n, true
		}
	}
	return 0, false
}

// applyCall returns the request a call with cc sends: WithRetryUnsafe marks
// a copy of r replay-safe.
func applyCall(cc *callConfig, r *Request) *Request {
	if !cc.RetryUnsafe {
		return r
	}
	r2 := *r
	t := true
	r2.ReplaySafe = &t
	return &r2
}

// beforeAttempt runs at the start of every attempt: it waits until the
// client's pacing allows a request and counts the time since the last
// attempt was judged as a wait.
func (c *Client) beforeAttempt(req *http.Request, st *callState) error {
	if err := c.pace.wait(req.Context()); err != nil {
		st.phase.Store(phaseConnecting)
		if req.Body != nil {
			_ = req.Body.Close()
		}
		return err
	}
	if c.pace != nil {
		st.paced++
	}
	if !st.waitFrom.IsZero() {
		st.totalWait += time.Since(st.waitFrom)
		st.waitFrom = time.Time{}
	}
	return nil
}

// afterJudge applies the per-call overrides, the retry budget and the
// pacing to a judged attempt, and returns whether to retry.
func (c *Client) afterJudge(ctx context.Context, st *callState, resp *http.Response, err error, retry bool) bool {
	if st.paced > 0 {
		if resp != nil {
			c.pace.done(resp.Header, resp.StatusCode, st.paced)
		} else {
			c.pace.done(nil, 0, st.paced)
		}
		st.paced = 0
	}
	if !retry {
		if err == nil && resp != nil && resp.StatusCode < 300 {
			c.budget.success(st)
		}
		return false
	}
	if st.noRetries {
		return false
	}
	if st.attempts <= c.retry.RetryMax && !c.budget.take(st, err != nil) {
		return false
	}
	st.waitFrom = time.Now()
	return true
}
