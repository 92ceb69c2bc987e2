package chatsdkredis

import (
	"context"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/go-redis/redis_rate/v10"
	"github.com/redis/go-redis/v9"

	"github.com/chatsdk-go/chatsdk"
)

// DefaultKeyPrefix is the default prefix of the limiter's Redis keys.
const DefaultKeyPrefix = "chatsdk:ratelimit:"

// RateLimiter is a chatsdk.RateLimiter whose budget lives in Redis: a GCRA
// limit per key (per API and token), shared by every RateLimiter that uses
// the same Redis and prefix. It is safe for concurrent use.
type RateLimiter struct {
	limiter    *redis_rate.Limiter
	limit      redis_rate.Limit
	prefix     string
	logger     *slog.Logger
	failClosed bool
	failures   atomic.Int64
}

var _ chatsdk.RateLimiter = (*RateLimiter)(nil)

// RateLimiterOption configures a RateLimiter.
type RateLimiterOption func(*RateLimiter)

// WithKeyPrefix sets the prefix of the limiter's Redis keys (default
// DefaultKeyPrefix). Limiters that must share a budget need the same one.
func WithKeyPrefix(prefix string) RateLimiterOption {
	return func(l *RateLimiter) { l.prefix = prefix }
}

// WithLogger logs Redis failures to logger (the key, never a token).
func WithLogger(logger *slog.Logger) RateLimiterOption {
	return func(l *RateLimiter) { l.logger = logger }
}

// WithFailClosed makes Wait return Redis's error instead of letting the
// request through when Redis fails; the call then ends with a
// *chatsdk.RequestError.
func WithFailClosed() RateLimiterOption {
	return func(l *RateLimiter) { l.failClosed = true }
}

// NewRateLimiter returns a RateLimiter that lets limit through per key,
// e.g. redis_rate.PerSecond(10) (Burst is the number of requests that may
// go at once after a quiet spell). By default it fails open: when Redis
// fails, the failure is logged and counted (Failures) and the request is
// let through.
func NewRateLimiter(rdb redis.UniversalClient, limit redis_rate.Limit, opts ...RateLimiterOption) *RateLimiter {
	l := &RateLimiter{limiter: redis_rate.NewLimiter(rdb), limit: limit, prefix: DefaultKeyPrefix}
	for _, opt := range opts {
		if opt != nil {
			opt(l)
		}
	}
	return l
}

// Wait implements chatsdk.RateLimiter: it takes one request from key's
// budget in Redis, sleeping until the budget allows it, and returns ctx's
// error when ctx ends first.
func (l *RateLimiter) Wait(ctx context.Context, key string) error {
	for {
		res, err := l.limiter.Allow(ctx, l.prefix+key, l.limit)
		if err != nil {
			if ctxErr := ctx.Err(); ctxErr != nil {
				return ctxErr
			}
			l.failures.Add(1)
			if l.logger != nil {
				l.logger.LogAttrs(ctx, slog.LevelWarn, "chatsdk rate limiter: redis failed",
					slog.String("key", key), slog.Bool("fail_open", !l.failClosed), slog.Any("error", err))
			}
			if l.failClosed {
				return err
			}
			return nil
		}
		if res.Allowed > 0 {
			return nil
		}
		wait := res.RetryAfter
		if wait <= 0 {
			wait = time.Millisecond
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
	}
}

// Failures returns how many times Redis failed during Wait.
func (l *RateLimiter) Failures() int64 { return l.failures.Load() }
