package core

import (
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/chatsdk-go/chatsdk"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// net/http resends a bodiless GET by itself when a reused keep-alive
// connection breaks after the request was written. A GET that changes state
// (ChatrHub's Transfer Chat) is marked not replay-safe, and must then reach
// the server once, even with retries off.
func TestUnsafeBodilessRequestIsNotReplayedByTheTransport(t *testing.T) {
	var unsafeHits atomic.Int32
	var sawBody atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/transfer" {
			_, _ = w.Write([]byte(`{}`))
			return
		}
		unsafeHits.Add(1)
		if r.ContentLength != 0 || r.Header.Get("Content-Length") != "" || r.Header.Get("Transfer-Encoding") != "" {
			sawBody.Store(true)
		}
		conn, _, err := w.(http.Hijacker).Hijack()
		if err != nil {
			t.Error(err)
			return
		}
		_ = conn.Close()
	}))
	defer srv.Close()
	c := newTestClient(t, srv.URL, chatsdk.WithMaxRetries(0))

	_, err := c.Do(ctxBG(), get("/warm"), nil) // leaves an idle keep-alive connection
	require.NoError(t, err)
	notSafe := false
	_, err = c.Do(ctxBG(), &Request{Operation: "test.Chats.Transfer", Method: http.MethodGet, Path: "/transfer", ReplaySafe: &notSafe}, nil)

	require.Error(t, err)
	assert.Equal(t, int32(1), unsafeHits.Load(), "the transport must not resend it")
	assert.ErrorIs(t, err, chatsdk.ErrMayHaveBeenApplied)
	assert.False(t, sawBody.Load(), "the request still goes out without a body")

	// A replay-safe GET over the same kind of broken connection is retried.
	unsafeHits.Store(0)
	safe := newTestClient(t, srv.URL, chatsdk.WithMaxRetries(1))
	_, _ = safe.Do(ctxBG(), get("/warm"), nil)
	_, err = safe.Do(ctxBG(), get("/transfer"), nil)
	require.Error(t, err)
	assert.GreaterOrEqual(t, unsafeHits.Load(), int32(2))
	assert.NotContains(t, err.Error(), "may have been applied")
	assert.Contains(t, err.Error(), "/transfer")
}
