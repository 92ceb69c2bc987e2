package core

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chatsdk-go/chatsdk"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// partialBodyServer answers the first failures requests with a 200 that
// promises 4096 bytes, sends 14 and resets the connection; later requests
// get a whole JSON object.
func partialBodyServer(t *testing.T, failures int32) *countingServer {
	t.Helper()
	var seen atomic.Int32
	return newCountingServer(t, func(w http.ResponseWriter, r *http.Request) {
		if seen.Add(1) > failures {
			_, _ = io.WriteString(w, `{"id":"ok"}`)
			return
		}
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			return
		}
		_, _ = buf.WriteString("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4096\r\n\r\n{\"id\":\"part\",\"")
		_ = buf.Flush()
		_ = conn.Close()
	})
}

type idOnly struct {
	ID string `json:"id"`
}

func TestReplaySafeReadWithBrokenBodyIsRetried(t *testing.T) {
	srv := partialBodyServer(t, 2)
	c := newTestClient(t, srv.URL, chatsdk.WithMaxRetries(3))
	var out idOnly
	_, err := c.Do(ctxBG(), get("/things/1"), &out)
	require.NoError(t, err)
	assert.Equal(t, "ok", out.ID)
	assert.Equal(t, int32(3), srv.hits.Load(), "two broken bodies, then the whole one")

	safe := true
	rpc := &Request{Operation: "test.Things.List", Method: http.MethodPost, Path: "/rpc", Body: map[string]int{}, ReplaySafe: &safe}
	srv = partialBodyServer(t, 1)
	c = newTestClient(t, srv.URL, chatsdk.WithMaxRetries(3))
	out = idOnly{}
	_, err = c.Do(ctxBG(), rpc, &out)
	require.NoError(t, err)
	assert.Equal(t, "ok", out.ID)
	assert.Equal(t, int32(2), srv.hits.Load(), "a replay-safe RPC read is retried too")
}

func TestBrokenBodyAfterRetriesIsARequestError(t *testing.T) {
	srv := partialBodyServer(t, 100)
	c := newTestClient(t, srv.URL, chatsdk.WithMaxRetries(2))
	var out idOnly
	_, err := c.Do(ctxBG(), get("/things/1"), &out)
	var reqErr *chatsdk.RequestError
	require.ErrorAs(t, err, &reqErr)
	var decodeErr *chatsdk.DecodeError
	assert.NotErrorAs(t, err, &decodeErr, "a body that fails to arrive is not a decode error: %v", err)
	assert.NotErrorIs(t, err, chatsdk.ErrMayHaveBeenApplied)
	assert.Equal(t, int32(3), srv.hits.Load())
}

func TestWriteWithBrokenBodyIsNotResent(t *testing.T) {
	srv := partialBodyServer(t, 1)
	c := newTestClient(t, srv.URL, chatsdk.WithMaxRetries(3))
	var out idOnly
	_, err := c.Do(ctxBG(), post("/send"), &out)
	var reqErr *chatsdk.RequestError
	require.ErrorAs(t, err, &reqErr)
	assert.ErrorIs(t, err, chatsdk.ErrMayHaveBeenApplied)
	var decodeErr *chatsdk.DecodeError
	assert.NotErrorAs(t, err, &decodeErr)
	assert.Equal(t, int32(1), srv.hits.Load(), "a write is never resent")
}

func TestCancelDuringSlowBodyIsARequestError(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "4096")
		_, _ = io.WriteString(w, `{"id":"slow",`)
		w.(http.Flusher).Flush()
		select {
		case <-release:
		case <-r.Context().Done():
		}
	})
	c := newTestClient(t, srv.URL, chatsdk.WithMaxRetries(3))
	ctx, cancel := context.WithCancel(ctxBG())
	go func() {
		for srv.hits.Load() == 0 {
			runtime.Gosched()
		}
		cancel()
	}()
	var out idOnly
	_, err := c.Do(ctx, get("/slow"), &out)
	var reqErr *chatsdk.RequestError
	require.ErrorAs(t, err, &reqErr)
	assert.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, int32(1), srv.hits.Load())
}

func TestBodilessPostSendsContentLengthZero(t *testing.T) {
	var bad atomic.Value
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength != 0 || len(r.TransferEncoding) != 0 || r.Header.Get("Content-Length") != "0" {
			bad.Store(fmt.Sprintf("ContentLength=%d TransferEncoding=%v Content-Length=%q", r.ContentLength, r.TransferEncoding, r.Header.Get("Content-Length")))
		}
		_, _ = io.WriteString(w, `{"id":"c1"}`)
	})
	c := newTestClient(t, srv.URL)
	var out idOnly
	_, err := c.Do(ctxBG(), &Request{Operation: "test.Chats.Create", Method: http.MethodPost, Path: "/chats"}, &out)
	require.NoError(t, err)
	assert.Nil(t, bad.Load(), "a body-less POST sends Content-Length: 0")
	assert.Equal(t, "c1", out.ID)
}

// A body-less POST is not resent by net/http when a reused keep-alive
// connection breaks after the request was written.
func TestBodilessPostIsNotReplayedByTheTransport(t *testing.T) {
	var posts atomic.Int32
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			_, _ = io.WriteString(w, `{}`)
			return
		}
		posts.Add(1)
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			_ = conn.Close()
		}
	})
	c := newTestClient(t, srv.URL, chatsdk.WithMaxRetries(3))
	_, err := c.Do(ctxBG(), get("/warm"), nil)
	require.NoError(t, err)
	_, err = c.Do(ctxBG(), &Request{Operation: "test.Chats.Create", Method: http.MethodPost, Path: "/chats"}, nil)
	require.Error(t, err)
	assert.ErrorIs(t, err, chatsdk.ErrMayHaveBeenApplied)
	assert.Equal(t, int32(1), posts.Load())
}

func TestContentLengthOverTheCapIsRefusedBeforeReading(t *testing.T) {
	unblock := make(chan struct{})
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "2048")
		w.WriteHeader(http.StatusOK)
		w.(http.Flusher).Flush()
		<-unblock // a client that read the body would wait here
	})
	defer close(unblock)
	c := newTestClient(t, srv.URL)
	c.maxBody = 1024
	ctx, cancel := context.WithTimeout(ctxBG(), 30*time.Second)
	defer cancel()
	var out idOnly
	_, err := c.Do(ctx, get("/big"), &out)
	var decodeErr *chatsdk.DecodeError
	require.ErrorAs(t, err, &decodeErr)
	assert.ErrorIs(t, err, errResponseTooLarge)
	assert.NoError(t, ctx.Err(), "refused without reading")
	assert.Equal(t, int32(1), srv.hits.Load(), "not retried")
}

// streamingServer answers a JSON object {"pad":"aaa..."} of size bytes,
// with a Content-Length or chunked.
func streamingServer(t *testing.T, size int, withLength bool) *countingServer {
	return newCountingServer(t, func(w http.ResponseWriter, r *http.Request) {
		if withLength {
			w.Header().Set("Content-Length", fmt.Sprint(size))
		}
		bw := bufio.NewWriterSize(w, 32<<10)
		_, _ = bw.WriteString(`{"pad":"`)
		chunk := strings.Repeat("a", 32<<10)
		for left := size - len(`{"pad":"`) - len(`"}`); left > 0; left -= len(chunk) {
			_, _ = bw.WriteString(chunk[:min(left, len(chunk))])
		}
		_, _ = bw.WriteString(`"}`)
		_ = bw.Flush()
	})
}

// peakHeap runs f and returns the highest HeapAlloc above the starting
// one that a sampling goroutine saw.
func peakHeap(f func()) uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	var peak atomic.Uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			if m.HeapAlloc > base && m.HeapAlloc-base > peak.Load() {
				peak.Store(m.HeapAlloc - base)
			}
			select {
			case <-done:
				return
			case <-time.After(time.Millisecond):
			}
		}
	}()
	f()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	if m.HeapAlloc > base && m.HeapAlloc-base > peak.Load() {
		peak.Store(m.HeapAlloc - base)
	}
	close(done)
	wg.Wait()
	return peak.Load()
}

func TestResponseBodyCapBoundsMemory(t *testing.T) {
	const limit = 16 << 20
	const allowed = limit + limit/4
	type padded struct {
		Other string `json:"other"`
	}
	t.Run("growing past the cap stops at the cap", func(t *testing.T) {
		srv := streamingServer(t, 3*limit, false)
		c := newTestClient(t, srv.URL, chatsdk.WithMaxRetries(0))
		c.maxBody = limit
		var err error
		peak := peakHeap(func() { _, err = c.Do(ctxBG(), get("/huge"), &padded{}) })
		var decodeErr *chatsdk.DecodeError
		require.ErrorAs(t, err, &decodeErr)
		assert.ErrorIs(t, err, errResponseTooLarge)
		t.Logf("peak %d KiB", peak>>10)
		assert.Less(t, peak, uint64(allowed), "peak heap %d MiB for a %d MiB cap", peak>>20, limit>>20)
	})
	t.Run("a body with a Content-Length just under the cap is read once", func(t *testing.T) {
		srv := streamingServer(t, limit-16, true)
		c := newTestClient(t, srv.URL, chatsdk.WithMaxRetries(0))
		c.maxBody = limit
		var err error
		peak := peakHeap(func() { _, err = c.Do(ctxBG(), get("/big"), &padded{}) })
		var decodeErr *chatsdk.DecodeError
		assert.False(t, errors.As(err, &decodeErr) && errors.Is(err, errResponseTooLarge))
		t.Logf("peak %d KiB", peak>>10)
		assert.Less(t, peak, uint64(allowed), "peak heap %d MiB for a %d MiB cap", peak>>20, limit>>20)
	})
}

func TestEmptyAnswerRule(t *testing.T) {
	bodies := map[string]string{"empty": ``, "null": `null`, "empty object": ` {} `}
	for name, body := range bodies {
		t.Run(name, func(t *testing.T) {
			srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request) { _, _ = io.WriteString(w, body) })
			c := newTestClient(t, srv.URL)
			out := idOnly{ID: "kept"}
			_, err := c.Do(ctxBG(), get("/things/1"), &out)
			var decodeErr *chatsdk.DecodeError
			require.ErrorAs(t, err, &decodeErr)
			assert.Equal(t, http.StatusOK, decodeErr.StatusCode)

			_, err = c.Do(ctxBG(), get("/things/1"), nil)
			assert.NoError(t, err, "nothing expected, nothing decoded")

			r := get("/things/1")
			r.EmptyAnswer = true
			_, err = c.Do(ctxBG(), r, &out)
			assert.NoError(t, err, "an operation that documents an empty answer")
		})
	}
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request) { _, _ = io.WriteString(w, `{}`) })
	var m map[string]any
	_, err := newTestClient(t, srv.URL).Do(ctxBG(), get("/things"), &m)
	assert.NoError(t, err, "{} is a valid map")
}

func TestLoggerLogsMetadataOnly(t *testing.T) {
	var calls atomic.Int32
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		_, _ = io.WriteString(w, `{"results":[]}`)
	})
	var logs syncBuffer
	c := newTestClient(t, srv.URL, chatsdk.WithLogger(debugLogger(&logs)))
	r := &Request{Operation: "test.Visitors.List", Method: http.MethodGet, Path: "/visitors",
		Query: map[string][]string{"email": {"grace@example.com"}}}
	var out map[string]any
	_, err := c.Do(ctxBG(), r, &out)
	require.NoError(t, err)

	broken := newTestClient(t, "http://127.0.0.1:1", chatsdk.WithLogger(debugLogger(&logs)), chatsdk.WithMaxRetries(1))
	_, err = broken.Do(ctxBG(), r, &out)
	require.Error(t, err)

	got := logs.String()
	for _, secret := range []string{"grace", "example.com", "email=", "?", testToken} {
		assert.NotContains(t, got, secret)
	}
	for _, want := range []string{`"operation":"test.Visitors.List"`, `"method":"GET"`, `"path":"/visitors"`,
		`"status":503`, `"status":200`, `"attempt":2`, `"wait":`} {
		assert.Contains(t, got, want)
	}
}
