package core

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/chatsdk-go/chatsdk"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// countingLimiter records the keys it was asked for and, when block is
// set, waits for ctx to end.
type countingLimiter struct {
	mu    sync.Mutex
	keys  []string
	block bool
	err   error
	// waiting is closed when a blocking Wait has started.
	waiting chan struct{}
}

func (l *countingLimiter) Wait(ctx context.Context, key string) error {
	l.mu.Lock()
	l.keys = append(l.keys, key)
	l.mu.Unlock()
	if l.err != nil {
		return l.err
	}
	if l.block {
		close(l.waiting)
		<-ctx.Done()
		return ctx.Err()
	}
	return nil
}

func (l *countingLimiter) calls() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.keys...)
}

func TestRateLimiterWaitedBeforeEveryAttempt(t *testing.T) {
	srv := newCountingServer(t, statusSequence(503, 429, 502))
	l := &countingLimiter{}
	c := newTestClient(t, srv.URL, chatsdk.WithRateLimiter(l))
	_, err := c.Do(context.Background(), &Request{Operation: "op", Method: http.MethodGet, Path: "/x"}, nil)
	require.NoError(t, err)
	assert.EqualValues(t, 4, srv.hits.Load())
	keys := l.calls()
	require.Len(t, keys, 4, "one Wait per attempt, retries included")
	for _, k := range keys {
		assert.Equal(t, chatsdk.RateLimitKey("test", testToken), k)
		assert.NotContains(t, k, testToken)
	}
	assert.Regexp(t, `^test:[0-9a-f]{16}$`, keys[0])
}

func TestRateLimiterKeyFollowsTokenSource(t *testing.T) {
	srv := newCountingServer(t, statusSequence())
	l := &countingLimiter{}
	var n atomic.Int32
	tokens := []string{"token-one", "token-two"}
	c, err := NewClient(testDefaults(srv.URL), "", chatsdk.WithRateLimiter(l), chatsdk.WithTokenSource(func(context.Context) (string, error) {
		return tokens[n.Add(1)-1], nil
	}))
	require.NoError(t, err)
	for range tokens {
		_, err := c.Do(context.Background(), &Request{Operation: "op", Method: http.MethodGet, Path: "/x"}, nil)
		require.NoError(t, err)
	}
	assert.Equal(t, []string{chatsdk.RateLimitKey("test", "token-one"), chatsdk.RateLimitKey("test", "token-two")}, l.calls())
	assert.NotEqual(t, chatsdk.RateLimitKey("test", "token-one"), chatsdk.RateLimitKey("test", "token-two"))
}

func TestRateLimiterContextCancelStopsCall(t *testing.T) {
	srv := newCountingServer(t, statusSequence())
	l := &countingLimiter{block: true, waiting: make(chan struct{})}
	c := newTestClient(t, srv.URL, chatsdk.WithRateLimiter(l))
	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-l.waiting; cancel() }()
	_, err := c.Do(ctx, &Request{Operation: "op", Method: http.MethodPost, Path: "/x", Body: map[string]int{"a": 1}}, nil)
	var reqErr *chatsdk.RequestError
	require.ErrorAs(t, err, &reqErr)
	assert.ErrorIs(t, err, context.Canceled)
	assert.False(t, reqErr.MayHaveBeenApplied, "nothing was sent")
	assert.Zero(t, srv.hits.Load())
	assert.Len(t, l.calls(), 1)
}

func TestRateLimiterErrorIsNotRetried(t *testing.T) {
	srv := newCountingServer(t, statusSequence())
	boom := errors.New("limiter down")
	l := &countingLimiter{err: boom}
	c := newTestClient(t, srv.URL, chatsdk.WithRateLimiter(l))
	_, err := c.Do(context.Background(), &Request{Operation: "op", Method: http.MethodGet, Path: "/x"}, nil)
	var reqErr *chatsdk.RequestError
	require.ErrorAs(t, err, &reqErr)
	assert.ErrorIs(t, err, boom)
	assert.Zero(t, srv.hits.Load())
	assert.Len(t, l.calls(), 1)
}

func TestWithRateLimiterRefusesNil(t *testing.T) {
	_, err := NewClient(testDefaults("https://example.test"), testToken, chatsdk.WithRateLimiter(nil))
	assert.Error(t, err)
}
