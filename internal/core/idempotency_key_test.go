package core

import (
	"io"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/chatsdk-go/chatsdk"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// brokenOnFirstServer answers /warm, and on /send reads the request and
// closes the connection without answering the first time, then answers
// {}; it counts the /send requests and the bodies they carried.
func brokenOnFirstServer(t *testing.T) (srv *httptest.Server, hits *atomic.Int32, bodies chan string) {
	t.Helper()
	hits = new(atomic.Int32)
	bodies = make(chan string, 4)
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/send" {
			_, _ = w.Write([]byte(`{}`))
			return
		}
		b, _ := io.ReadAll(r.Body)
		bodies <- string(b)
		if hits.Add(1) == 1 {
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				_ = conn.Close()
			}
			return
		}
		_, _ = w.Write([]byte(`{}`))
	}))
	t.Cleanup(srv.Close)
	return srv, hits, bodies
}

// net/http's Request.isReplayable treats a request with an Idempotency-Key
// (or X-Idempotency-Key) header as replayable: when a reused keep-alive
// connection breaks after the request was written, the transport itself
// resends it, body included, once. The SDK's own retries stay off for a
// POST; the resend happens below them.
func TestIdempotencyKeyLetsTheTransportResendAPost(t *testing.T) {
	for _, header := range []string{"Idempotency-Key", "X-Idempotency-Key"} {
		t.Run(header, func(t *testing.T) {
			srv, hits, bodies := brokenOnFirstServer(t)
			c := newTestClient(t, srv.URL, chatsdk.WithMaxRetries(0))
			_, err := c.Do(ctxBG(), get("/warm"), nil) // leaves an idle keep-alive connection
			require.NoError(t, err)

			_, err = c.Do(ctxBG(), post("/send"), nil, chatsdk.WithRequestHeader(header, "k-1"))
			require.NoError(t, err, "the transport's resend is answered")
			assert.Equal(t, int32(2), hits.Load(), "sent twice: once by the SDK, once by net/http")
			assert.JSONEq(t, `{"text":"hi"}`, <-bodies)
			assert.JSONEq(t, `{"text":"hi"}`, <-bodies, "the resend carries the same body")
		})
	}
}

// Without the header the same POST reaches the server once and fails as
// possibly applied.
func TestPostWithoutIdempotencyKeyIsSentOnce(t *testing.T) {
	srv, hits, _ := brokenOnFirstServer(t)
	c := newTestClient(t, srv.URL, chatsdk.WithMaxRetries(3))
	_, err := c.Do(ctxBG(), get("/warm"), nil)
	require.NoError(t, err)

	_, err = c.Do(ctxBG(), post("/send"), nil)
	require.Error(t, err)
	assert.ErrorIs(t, err, chatsdk.ErrMayHaveBeenApplied)
	assert.Equal(t, int32(1), hits.Load())
}

// A bodiless request that is not replay-safe (ChatrHub's Transfer Chat GET)
// is made non-replayable before net/http sees it, so an Idempotency-Key
// does not bring the transport's resend back.
func TestIdempotencyKeyDoesNotReplayAnUnsafeBodilessRequest(t *testing.T) {
	srv, hits, _ := brokenOnFirstServer(t)
	c := newTestClient(t, srv.URL, chatsdk.WithMaxRetries(0))
	_, err := c.Do(ctxBG(), get("/warm"), nil)
	require.NoError(t, err)

	notSafe := false
	_, err = c.Do(ctxBG(), &Request{Operation: "test.Chats.Transfer", Method: http.MethodGet, Path: "/send", ReplaySafe: &notSafe},
		nil, chatsdk.WithRequestHeader("Idempotency-Key", "k-1"))
	require.Error(t, err)
	assert.ErrorIs(t, err, chatsdk.ErrMayHaveBeenApplied)
	assert.Equal(t, int32(1), hits.Load())
}
