package testkit

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/chatsdk-go/chatsdk"
)

// CheckRetryBudget checks a client's retry budget (500 tokens, 5 a retry)
// through op, a replay-safe operation: 64 goroutines making 10 calls each
// against a server answering only 503 send their 640 first attempts and at
// most 100 retries; once the budget is spent, another 640 calls send no
// more than 1.1x their first attempts; when the server recovers (answering
// status with body), successes refill the budget and a call meeting one
// 503 is retried again.
func CheckRetryBudget[C any](t *testing.T, newClient NewClientFunc[C], status int, body []byte, op OperationFunc[C]) {
	t.Helper()
	var hits atomic.Int32
	var down, failOnce atomic.Bool
	down.Store(true)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		hits.Add(1)
		if down.Load() || failOnce.CompareAndSwap(true, false) {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = w.Write(body)
	}))
	t.Cleanup(srv.Close)
	c := ClientFor(t, newClient, "test-token", srv.URL, chatsdk.WithHTTPClient(ownTransport(t)), chatsdk.WithRetryBudget(500, 5),
		chatsdk.WithRetryWaitMin(time.Millisecond), chatsdk.WithRetryWaitMax(time.Millisecond))
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	call := func() { _ = op(ctx, c) }

	run(64, 10, call)
	require.LessOrEqual(t, hits.Load(), int32(640+500/5), "first attempts plus the budget's retries")
	require.Greater(t, hits.Load(), int32(640), "no call was retried")

	hits.Store(0)
	run(64, 10, call)
	require.LessOrEqual(t, float64(hits.Load()), 1.1*640, "retries continued with the budget spent")

	down.Store(false)
	run(8, 10, call) // 80 successes give back 80 tokens: 16 retries.
	failOnce.Store(true)
	var meta chatsdk.Response
	require.NoError(t, op(ctx, c, chatsdk.WithResponseInto(&meta)))
	require.Equal(t, 2, meta.Attempts, "retries did not resume after the server recovered")
}
