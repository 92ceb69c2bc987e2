package core

import (
	"context"
	"net/http"
	"sync"
	"time"
)

// pacer holds back a client's requests after the API asked it to slow
// down: after a 429 with Retry-After, no attempt of any call is sent
// before that time; and when answers announce how many requests remain in
// the window (X-RateLimit-Remaining or RateLimit-Remaining with a Reset),
// attempts beyond what remains, counting the ones in flight, wait for the
// window's reset. Waits end early when the call's context ends.
type pacer struct {
	mu sync.Mutex
	// notBefore is the earliest time an attempt may be sent.
	notBefore time.Time
	// remaining and reset are the last announced window; remaining is
	// -1 when unknown or when the window has reset.
	remaining int
	reset     time.Time
	// inflight counts attempts sent and not yet answered.
	inflight int
	// maxWait bounds the waits the pacer imposes (the client's maximum
	// retry wait): a longer Retry-After or window is not paced.
	maxWait time.Duration
}

func newPacer(maxWait time.Duration) *pacer { return &pacer{remaining: -1, maxWait: maxWait} }

// wait blocks until an attempt may be sent, then counts it in flight.
func (p *pacer) wait(ctx context.Context) error {
	if p == nil {
		return nil
	}
	for {
		p.mu.Lock()
		now := time.Now()
		until := p.notBefore
		if p.remaining >= 0 && !now.Before(p.reset) {
			p.remaining = -1
		}
		if p.remaining >= 0 && p.inflight >= p.remaining && p.reset.After(until) {
			until = p.reset
		}
		if !until.After(now) {
			p.inflight++
			p.mu.Unlock()
			return nil
		}
		p.mu.Unlock()
		t := time.NewTimer(until.Sub(now))
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
	}
}

// done records the answer (or failure, h nil) of n attempts that wait let
// through (more than one when redirects were followed).
func (p *pacer) done(h http.Header, status, n int) {
	if p == nil {
		return
	}
	now := time.Now()
	p.mu.Lock()
	defer p.mu.Unlock()
	p.inflight = max(0, p.inflight-n)
	if h == nil {
		return
	}
	rl := ParseRateLimit(h, now)
	if status == http.StatusTooManyRequests && rl.RetryAfter > 0 && rl.RetryAfter <= p.maxWait {
		if t := now.Add(rl.RetryAfter); t.After(p.notBefore) {
			p.notBefore = t
		}
	}
	if p.remaining >= 0 && !now.Before(p.reset) {
		p.remaining = -1
	}
	if rl.HasRemaining && rl.HasReset && rl.Reset.After(now) && rl.Reset.Sub(now) <= p.maxWait {
		// Answers arrive out of order: until the window resets, the
		// lowest count announced is kept, with its reset.
		if p.remaining < 0 || rl.Remaining < p.remaining {
			p.remaining, p.reset = rl.Remaining, rl.Reset
		}
	}
}
