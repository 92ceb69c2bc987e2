package core

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chatsdk-go/chatsdk"
	"github.com/hashicorp/go-cleanhttp"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// scaleHandler answers paths starting /missing with 404, /limited with a
// 429 carrying Retry-After: 0 on every other request to that exact path,
// and /flaky with a 503 on every other request to that exact path; the
// other requests succeed with a small JSON body.
func scaleHandler() http.HandlerFunc {
	var mu sync.Mutex
	seen := map[string]int{}
	return func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		mu.Lock()
		seen[r.URL.Path]++
		n := seen[r.URL.Path]
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		switch {
		case strings.HasPrefix(r.URL.Path, "/missing"):
			w.WriteHeader(http.StatusNotFound)
			_, _ = io.WriteString(w, `{"detail":"`+strings.Repeat("n", 512)+`"}`)
			return
		case strings.HasPrefix(r.URL.Path, "/limited") && n%2 == 1:
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(http.StatusTooManyRequests)
			_, _ = io.WriteString(w, `{"detail":"slow down"}`)
			return
		case strings.HasPrefix(r.URL.Path, "/flaky") && n%2 == 1:
			w.WriteHeader(http.StatusServiceUnavailable)
			_, _ = io.WriteString(w, "<html>"+strings.Repeat("busy ", 100)+"</html>")
			return
		}
		_, _ = io.WriteString(w, `{"id":"1"}`)
	}
}

// scaleOptions keeps every retry wait at one millisecond or less and takes
// the retry budget away, so that each retried call succeeds.
func scaleOptions() []chatsdk.Option {
	return []chatsdk.Option{chatsdk.WithRetryWaitMin(time.Millisecond), chatsdk.WithRetryWaitMax(time.Millisecond), chatsdk.WithoutRetryBudget()}
}

// TestManySequentialCallsStayOnOneConnection makes 10,000 sequential calls
// through one client, a mix of 404s, 429s with Retry-After: 0 and 503s
// that are retried and then succeed, plus plain successes. Every response
// body is drained and closed, so the client keeps reusing its keep-alive
// connection: the server sees at most 2 connections.
func TestManySequentialCallsStayOnOneConnection(t *testing.T) {
	const calls = 10000
	srv := newCountingServer(t, scaleHandler())
	c := newTestClient(t, srv.URL, scaleOptions()...)
	paths := []string{"/ok", "/missing", "/limited", "/flaky"}
	var out struct {
		ID string `json:"id"`
	}
	counts := map[string]int{}
	for i := 0; i < calls; i++ {
		p := paths[i%len(paths)]
		_, err := c.Do(ctxBG(), get(p), &out)
		if p == "/missing" {
			var apiErr *chatsdk.APIError
			if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusNotFound {
				t.Fatalf("call %d to %s: want a 404 APIError, got %v", i, p, err)
			}
		} else if err != nil {
			t.Fatalf("call %d to %s: %v", i, p, err)
		}
		counts[p]++
	}
	assert.Equal(t, calls/len(paths), counts["/flaky"])
	// Each /limited and /flaky call takes two attempts.
	assert.EqualValues(t, calls+calls/2, srv.hits.Load(), "requests the server saw")
	assert.LessOrEqual(t, srv.conns.Load(), int32(2), "connections the server accepted")
}

// TestConcurrentCallsOpenAtMostOneConnectionEach has 64 goroutines share
// one client, each making 24 calls of the same mix, over a transport that
// allows 64 connections to the host and keeps 64 idle. Every response body
// is drained and closed, so no call waits forever for a connection slot and
// no connection is dropped and dialled again: at most 64 are opened.
//
// The limit is set on the transport because net/http alone does not bound
// the count: a request dials when no connection is idle, and a connection
// freed meanwhile serves it while the new one joins the pool. With the
// default transport (100 idle connections per host, no connection limit),
// 64 callers have been seen to open 71: a caller whose previous connection
// is not back in the pool yet dials another.
func TestConcurrentCallsOpenAtMostOneConnectionEach(t *testing.T) {
	const (
		workers = 64
		each    = 24
	)
	tr := cleanhttp.DefaultPooledTransport()
	tr.MaxConnsPerHost = workers
	tr.MaxIdleConnsPerHost = workers
	t.Cleanup(tr.CloseIdleConnections)
	srv := newCountingServer(t, scaleHandler())
	c := newTestClient(t, srv.URL, append(scaleOptions(), chatsdk.WithHTTPClient(&http.Client{Transport: tr}))...)
	// A call that leaked its connection would make the others wait for a
	// slot; the deadline turns that wait into failed calls.
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	paths := []string{"/ok", "/missing", "/limited", "/flaky"}
	var wg sync.WaitGroup
	var failed atomic.Int32
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < each; i++ {
				p := paths[i%len(paths)]
				// Each worker has its own paths, so its retried calls
				// fail exactly once whatever the others do.
				if _, err := c.Do(ctx, get(fmt.Sprintf("%s/%d", p, w)), nil); err != nil && p != "/missing" {
					failed.Add(1)
				}
			}
		}(w)
	}
	wg.Wait()
	require.Zero(t, failed.Load(), "calls that should have succeeded")
	// Each /limited and /flaky call takes two attempts.
	assert.EqualValues(t, workers*each*3/2, srv.hits.Load(), "requests the server saw")
	assert.LessOrEqual(t, srv.conns.Load(), int32(workers), "connections the server accepted")
	assert.Positive(t, srv.conns.Load())
}
