package chatsdk_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/chatrhub"
)

// waitCounter is a chatsdk.RateLimiter that counts its Wait calls and,
// when block is set, waits for the call's context to end.
type waitCounter struct {
	waits   atomic.Int32
	lastKey atomic.Value
	block   bool
	started chan struct{}
}

func (l *waitCounter) Wait(ctx context.Context, key string) error {
	l.waits.Add(1)
	l.lastKey.Store(key)
	if l.block {
		close(l.started)
		<-ctx.Done()
		return ctx.Err()
	}
	return nil
}

func TestWithRateLimiterWaitsOncePerAttempt(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if hits.Add(1) <= 2 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"data":{"id":4,"type":"agents","attributes":{}}}`))
	}))
	defer srv.Close()
	l := &waitCounter{}
	c, err := chatrhub.NewClient("tok", chatsdk.WithBaseURL(srv.URL), chatsdk.WithRateLimiter(l),
		chatsdk.WithRetryWaitMin(time.Millisecond), chatsdk.WithRetryWaitMax(5*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Agents.Get(context.Background(), 4); err != nil {
		t.Fatal(err)
	}
	if got, want := l.waits.Load(), hits.Load(); got != want || got != 3 {
		t.Errorf("Wait called %d times for %d attempts, want 3 and 3", got, want)
	}
	if got, want := l.lastKey.Load(), chatsdk.RateLimitKey("chatrhub", "tok"); got != want {
		t.Errorf("key %v, want %v", got, want)
	}
}

func TestWithRateLimiterCancelDuringWaitStopsTheCall(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { hits.Add(1) }))
	defer srv.Close()
	l := &waitCounter{block: true, started: make(chan struct{})}
	c, err := chatrhub.NewClient("tok", chatsdk.WithBaseURL(srv.URL), chatsdk.WithRateLimiter(l))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-l.started; cancel() }()
	_, err = c.Agents.Get(ctx, 4)
	var reqErr *chatsdk.RequestError
	if !errors.As(err, &reqErr) || !errors.Is(err, context.Canceled) {
		t.Fatalf("want a *RequestError matching context.Canceled, got %T %v", err, err)
	}
	if hits.Load() != 0 || l.waits.Load() != 1 {
		t.Errorf("%d requests sent, %d waits; want 0 and 1", hits.Load(), l.waits.Load())
	}
}
