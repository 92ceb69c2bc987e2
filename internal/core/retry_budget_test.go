package core

import (
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chatsdk-go/chatsdk"
	"github.com/stretchr/testify/require"
)

// TestRetryBudget: 64 goroutines calling a server that answers only 503
// spend the budget; after that the server sees about one attempt per call;
// once it recovers, successes refill the budget and retries resume.
func TestRetryBudget(t *testing.T) {
	var down atomic.Bool
	down.Store(true)
	var failOnce atomic.Bool
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request) {
		if down.Load() || failOnce.CompareAndSwap(true, false) {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	})
	c := newTestClient(t, srv.URL, chatsdk.WithRetryWaitMin(time.Millisecond), chatsdk.WithRetryWaitMax(time.Millisecond))
	run := func(goroutines, calls int) {
		var wg sync.WaitGroup
		for g := 0; g < goroutines; g++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; i < calls; i++ {
					_, _ = c.Do(ctxBG(), get("/x"), nil)
				}
			}()
		}
		wg.Wait()
	}
	run(64, 10)
	first := srv.hits.Load()
	// 640 first attempts plus at most 500/5 retries.
	require.LessOrEqual(t, first, int32(640+DefaultRetryBudget/DefaultRetryBudgetCost))
	require.Greater(t, first, int32(640))

	srv.hits.Store(0)
	run(64, 10)
	require.LessOrEqual(t, float64(srv.hits.Load()), 1.1*640, "retries continued with the budget spent")

	down.Store(false)
	run(8, 10) // 80 successes give back 80 tokens: 16 retries.
	srv.hits.Store(0)
	failOnce.Store(true)
	var meta chatsdk.Response
	_, err := c.Do(ctxBG(), get("/x"), nil, chatsdk.WithResponseInto(&meta))
	require.NoError(t, err)
	require.Equal(t, 2, meta.Attempts)
}

func TestWithoutRetryBudget(t *testing.T) {
	srv := newCountingServer(t, unavailable)
	c := newTestClient(t, srv.URL, chatsdk.WithoutRetryBudget(), chatsdk.WithRetryBudget(5, 5), chatsdk.WithoutRetryBudget(), chatsdk.WithMaxRetries(2))
	for i := 0; i < 10; i++ {
		_, _ = c.Do(ctxBG(), get("/x"), nil)
	}
	require.EqualValues(t, 30, srv.hits.Load())
}

func TestWithRetryBudgetSmall(t *testing.T) {
	srv := newCountingServer(t, unavailable)
	c := newTestClient(t, srv.URL, chatsdk.WithRetryBudget(10, 5), chatsdk.WithMaxRetries(3))
	for i := 0; i < 5; i++ {
		_, _ = c.Do(ctxBG(), get("/x"), nil)
	}
	require.EqualValues(t, 5+2, srv.hits.Load())
	_, err := NewClient(testDefaults(srv.URL), testToken, chatsdk.WithRetryBudget(1, 2))
	require.Error(t, err)
}
