package core

import (
	"net/http"
	"testing"

	"github.com/chatsdk-go/chatsdk"
	"github.com/stretchr/testify/require"
)

func unavailable(w http.ResponseWriter, _ *http.Request) {
	w.WriteHeader(http.StatusServiceUnavailable)
}

func TestWithRetryUnsafeRetriesPost(t *testing.T) {
	srv := newCountingServer(t, unavailable)
	c := newTestClient(t, srv.URL, chatsdk.WithMaxRetries(2))
	_, err := c.Do(ctxBG(), &Request{Operation: "t", Method: http.MethodPost, Path: "/x", Body: map[string]int{"a": 1}}, nil, chatsdk.WithRetryUnsafe())
	require.Error(t, err)
	require.EqualValues(t, 3, srv.hits.Load())
	require.NotErrorIs(t, err, chatsdk.ErrMayHaveBeenApplied)
}

func TestPostNotRetried(t *testing.T) {
	srv := newCountingServer(t, unavailable)
	c := newTestClient(t, srv.URL, chatsdk.WithMaxRetries(2))
	_, err := c.Do(ctxBG(), &Request{Operation: "t", Method: http.MethodPost, Path: "/x"}, nil)
	require.ErrorIs(t, err, chatsdk.ErrMayHaveBeenApplied)
	require.EqualValues(t, 1, srv.hits.Load())
}

func TestWithoutRetriesGet(t *testing.T) {
	srv := newCountingServer(t, unavailable)
	c := newTestClient(t, srv.URL, chatsdk.WithMaxRetries(3))
	var meta chatsdk.Response
	_, err := c.Do(ctxBG(), get("/x"), nil, chatsdk.WithoutRetries(), chatsdk.WithResponseInto(&meta))
	require.ErrorIs(t, err, chatsdk.ErrServer)
	require.EqualValues(t, 1, srv.hits.Load())
	require.Equal(t, 1, meta.Attempts)
	require.Equal(t, 503, meta.StatusCode)
}
