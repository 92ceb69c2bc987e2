package core

import (
	"context"
	"math"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chatsdk-go/chatsdk"
	"github.com/stretchr/testify/require"
)

// bucketFake allows rate requests a second (a token bucket of rate
// tokens) and answers 429 with Retry-After: 1 beyond it. Every answer
// announces the bucket with X-RateLimit-Limit, X-RateLimit-Remaining and
// X-RateLimit-Reset (seconds until the bucket is full again).
type bucketFake struct {
	mu      sync.Mutex
	rate    float64
	tokens  float64
	last    time.Time
	ok, hit atomic.Int32
}

func (f *bucketFake) ServeHTTP(w http.ResponseWriter, _ *http.Request) {
	f.mu.Lock()
	now := time.Now()
	f.tokens = math.Min(f.rate, f.tokens+now.Sub(f.last).Seconds()*f.rate)
	f.last = now
	allowed := f.tokens >= 1
	if allowed {
		f.tokens--
	}
	remaining := int(f.tokens)
	reset := int(math.Ceil((f.rate - f.tokens) / f.rate))
	f.mu.Unlock()
	w.Header().Set("X-RateLimit-Limit", strconv.Itoa(int(f.rate)))
	w.Header().Set("X-RateLimit-Remaining", strconv.Itoa(remaining))
	w.Header().Set("X-RateLimit-Reset", strconv.Itoa(reset))
	if !allowed {
		f.hit.Add(1)
		w.Header().Set("Retry-After", "1")
		w.WriteHeader(http.StatusTooManyRequests)
		return
	}
	f.ok.Add(1)
	w.WriteHeader(http.StatusNoContent)
}

// TestPacingUnderRateLimit: 64 goroutines making 5 calls each against a
// fake allowing 200 requests a second get fewer than 1% of 429 answers and
// no failure.
func TestPacingUnderRateLimit(t *testing.T) {
	f := &bucketFake{rate: 200, tokens: 200, last: time.Now()}
	srv := newCountingServer(t, f.ServeHTTP)
	c := newTestClient(t, srv.URL, chatsdk.WithRetryWaitMax(2*time.Second))
	var wg sync.WaitGroup
	var failed atomic.Int32
	for g := 0; g < 64; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 5; i++ {
				if _, err := c.Do(ctxBG(), get("/x"), nil); err != nil {
					failed.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	require.Zero(t, failed.Load())
	require.EqualValues(t, 320, f.ok.Load())
	require.Less(t, float64(f.hit.Load()), 0.01*float64(f.ok.Load()+f.hit.Load()), "429 answers: %d", f.hit.Load())
}

// TestPacingAfterRetryAfter: after a 429 with Retry-After, the next call of
// the same client waits instead of sending; its context ending first ends
// the call with nothing sent.
func TestPacingAfterRetryAfter(t *testing.T) {
	srv := newCountingServer(t, func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Retry-After", "2")
		w.WriteHeader(http.StatusTooManyRequests)
	})
	c := newTestClient(t, srv.URL, chatsdk.WithRetryWaitMax(5*time.Second), chatsdk.WithMaxRetries(0))
	_, err := c.Do(ctxBG(), get("/x"), nil)
	require.ErrorIs(t, err, ErrRateLimited)
	require.EqualValues(t, 1, srv.hits.Load())
	ctx, cancel := context.WithTimeout(ctxBG(), 50*time.Millisecond)
	defer cancel()
	_, err = c.Do(ctx, &Request{Operation: "t", Method: http.MethodPost, Path: "/x"}, nil)
	require.ErrorIs(t, err, context.DeadlineExceeded)
	require.NotErrorIs(t, err, ErrMayHaveBeenApplied)
	require.EqualValues(t, 1, srv.hits.Load(), "a call was sent during the Retry-After")
}

// TestPacingIgnoresLongRetryAfter: a Retry-After longer than the maximum
// retry wait does not hold back other calls.
func TestPacingIgnoresLongRetryAfter(t *testing.T) {
	var n atomic.Int32
	srv := newCountingServer(t, func(w http.ResponseWriter, _ *http.Request) {
		if n.Add(1) == 1 {
			w.Header().Set("Retry-After", "3600")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	})
	c := newTestClient(t, srv.URL)
	_, err := c.Do(ctxBG(), get("/x"), nil)
	require.ErrorIs(t, err, ErrRateLimited)
	ctx, cancel := context.WithTimeout(ctxBG(), 2*time.Second)
	defer cancel()
	_, err = c.Do(ctx, get("/x"), nil)
	require.NoError(t, err)
}
