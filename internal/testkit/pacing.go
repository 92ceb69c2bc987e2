package testkit

import (
	"context"
	"math"
	"net/http"
	"net/http/httptest"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/go-cleanhttp"
	"github.com/stretchr/testify/require"

	"github.com/chatsdk-go/chatsdk"
)

// OperationFunc calls one documented operation of client c with opts.
type OperationFunc[C any] func(ctx context.Context, c C, opts ...chatsdk.CallOption) error

// RateLimitedServer is a loopback server allowing Rate requests a second
// (a token bucket holding Rate tokens) that answers a fixed status and
// body, and beyond the limit 429 with Retry-After: 1 and no other
// rate-limit header, as none of the documented APIs announces its limits.
type RateLimitedServer struct {
	*httptest.Server
	// OK and Limited count the answers sent and the 429s among them.
	OK, Limited atomic.Int32

	mu     sync.Mutex
	rate   float64
	tokens float64
	last   time.Time
}

// NewRateLimitedServer starts a RateLimitedServer answering status with
// body (JSON) within rate requests a second; it closes when the test ends.
func NewRateLimitedServer(t testing.TB, rate float64, status int, body []byte) *RateLimitedServer {
	t.Helper()
	s := &RateLimitedServer{rate: rate, tokens: rate, last: time.Now()}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		if !s.take() {
			s.Limited.Add(1)
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		s.OK.Add(1)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = w.Write(body)
	}))
	t.Cleanup(s.Close)
	return s
}

// take takes a token from the bucket and reports whether there was one.
func (s *RateLimitedServer) take() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := time.Now()
	s.tokens = math.Min(s.rate, s.tokens+now.Sub(s.last).Seconds()*s.rate)
	s.last = now
	if s.tokens < 1 {
		return false
	}
	s.tokens--
	return true
}

// Pacing test size: 64 goroutines making 15 calls each against 200
// requests a second, a rate each API client reaches under -race. About one
// 429 per goroutine is unavoidable: the attempts in flight when the bucket
// first runs out.
const (
	pacingRate       = 200
	pacingGoroutines = 64
	pacingCalls      = 15
)

// CheckPacing checks that a client paces itself from Retry-After alone:
// 64 goroutines sharing one client call op 15 times each against a
// RateLimitedServer of 200 requests a second answering status with body;
// no call fails, and after the first 429s (at most one per goroutine)
// fewer than 1% of the calls meet a 429: the calls waiting out the pause
// do not all resend when it ends.
func CheckPacing[C any](t *testing.T, newClient NewClientFunc[C], status int, body []byte, op OperationFunc[C]) {
	t.Helper()
	srv := NewRateLimitedServer(t, pacingRate, status, body)
	c := ClientFor(t, newClient, "test-token", srv.URL, chatsdk.WithHTTPClient(ownTransport(t)), chatsdk.WithRetryWaitMax(2*time.Second))
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var failed atomic.Int32
	var firstErr atomic.Value
	run(pacingGoroutines, pacingCalls, func() {
		if err := op(ctx, c); err != nil {
			failed.Add(1)
			firstErr.CompareAndSwap(nil, err)
		}
	})
	require.Zero(t, failed.Load(), "failed calls; first error: %v", firstErr.Load())
	ok, limited := srv.OK.Load(), srv.Limited.Load()
	require.EqualValues(t, pacingGoroutines*pacingCalls, ok)
	t.Logf("%d of %d answers were 429", limited, ok+limited)
	require.LessOrEqual(t, limited, int32(pacingGoroutines+pacingGoroutines*pacingCalls/100), "429 answers after the first ones")
}

// ownTransport returns an HTTP client with a pooled transport of its own.
// When the test ends its connections are closed and two collections empty
// the buffer pools that 64 concurrent callers filled, so that none of it
// is freed during the next test (the scale tests measure the live heap).
func ownTransport(t testing.TB) *http.Client {
	tr := cleanhttp.DefaultPooledTransport()
	tr.MaxIdleConnsPerHost = 100
	t.Cleanup(func() {
		tr.CloseIdleConnections()
		runtime.GC()
		runtime.GC()
	})
	return &http.Client{Transport: tr}
}

// run calls f calls times from each of goroutines goroutines and waits.
func run(goroutines, calls int, f func()) {
	var wg sync.WaitGroup
	for g := 0; g < goroutines; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < calls; i++ {
				f()
			}
		}()
	}
	wg.Wait()
}
