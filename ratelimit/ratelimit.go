// Package ratelimit is an in-process chatsdk.RateLimiter: one token bucket
// (golang.org/x/time/rate) per key, so each API token gets its own budget.
// It paces the clients of one process; replicas that must share a budget
// use the redis module's limiter instead.
//
//	l := ratelimit.NewLocal(rate.Limit(10), 5) // 10 requests/s per token, bursts of 5
//	c, err := giosg.NewClient(token, chatsdk.WithRateLimiter(l))
package ratelimit

import (
	"context"
	"fmt"
	"sync"

	"golang.org/x/time/rate"

	"github.com/chatsdk-go/chatsdk"
)

// Local is a chatsdk.RateLimiter holding one token bucket per key, made on
// first use. It is safe for concurrent use; share one Local between the
// clients whose requests count against the same budget.
type Local struct {
	limit rate.Limit
	burst int
	keys  sync.Map // key -> *rate.Limiter
}

var _ chatsdk.RateLimiter = (*Local)(nil)

// NewLocal returns a Local that lets through limit requests per second per
// key, with bursts of up to burst requests (a burst below 1 is taken as 1,
// rate.Inf means no limit).
func NewLocal(limit rate.Limit, burst int) *Local {
	if burst < 1 {
		burst = 1
	}
	return &Local{limit: limit, burst: burst}
}

// Wait blocks until a request for key may be sent, or returns ctx's error
// when ctx ends first. When the wait would outlast ctx's deadline it
// returns at once with an error matching context.DeadlineExceeded.
func (l *Local) Wait(ctx context.Context, key string) error {
	err := l.limiter(key).Wait(ctx)
	if err != nil && ctx.Err() == nil {
		if _, ok := ctx.Deadline(); ok {
			return fmt.Errorf("%w: %v", context.DeadlineExceeded, err)
		}
	}
	return err
}

func (l *Local) limiter(key string) *rate.Limiter {
	if v, ok := l.keys.Load(key); ok {
		return v.(*rate.Limiter)
	}
	v, _ := l.keys.LoadOrStore(key, rate.NewLimiter(l.limit, l.burst))
	return v.(*rate.Limiter)
}
