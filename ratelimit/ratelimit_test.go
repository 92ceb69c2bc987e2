package ratelimit_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/time/rate"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/chatrhub"
	"github.com/chatsdk-go/chatsdk/ratelimit"
)

func TestLocalKeysHaveSeparateBudgets(t *testing.T) {
	l := ratelimit.NewLocal(rate.Every(time.Hour), 2)
	// A wait of an hour would outlast this deadline: Wait refuses at once.
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	for _, key := range []string{"giosg:a", "giosg:b"} {
		for i := 0; i < 2; i++ {
			if err := l.Wait(context.Background(), key); err != nil {
				t.Fatalf("%s: burst request %d refused: %v", key, i, err)
			}
		}
		if err := l.Wait(ctx, key); !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("%s: third request: got %v, want context.DeadlineExceeded (its budget is spent)", key, err)
		}
	}
}

func TestLocalBoundsRequestsSentByAClient(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"data":{"id":4,"type":"agents","attributes":{}}}`))
	}))
	defer srv.Close()
	// One token per hour after a burst of 3: of 10 calls, 3 are sent and
	// the others wait until their deadline.
	l := ratelimit.NewLocal(rate.Every(time.Hour), 3)
	c, err := chatrhub.NewClient("token", chatsdk.WithBaseURL(srv.URL), chatsdk.WithRateLimiter(l))
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	var refused atomic.Int32
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
			defer cancel()
			if _, err := c.Agents.Get(ctx, 4); err != nil {
				var reqErr *chatsdk.RequestError
				if !errors.As(err, &reqErr) || !errors.Is(err, context.DeadlineExceeded) {
					t.Errorf("want a *RequestError matching context.DeadlineExceeded, got %T %v", err, err)
				}
				refused.Add(1)
			}
		}()
	}
	wg.Wait()
	if got := hits.Load(); got != 3 {
		t.Errorf("server saw %d requests, want 3", got)
	}
	if got := refused.Load(); got != 7 {
		t.Errorf("%d calls refused, want 7", got)
	}
}
