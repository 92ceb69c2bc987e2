package giosg_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/giosg"
	"github.com/stretchr/testify/require"
)

// flakyServer answers 503 to the first fail requests, then status with
// body; it counts the requests.
func flakyServer(t *testing.T, fail int32, status int, body string) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Request-Id", "rid-1")
		w.Header().Set("Content-Type", "application/json")
		if n.Add(1) <= fail {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		w.WriteHeader(status)
		_, _ = w.Write([]byte(body))
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

func fastClient(t *testing.T, url string) *giosg.Client {
	t.Helper()
	c, err := giosg.NewClient("test-token", chatsdk.WithBaseURL(url),
		chatsdk.WithRetryWaitMin(time.Millisecond), chatsdk.WithRetryWaitMax(time.Millisecond))
	require.NoError(t, err)
	return c
}

func TestResponseIntoAfterRetry(t *testing.T) {
	srv, n := flakyServer(t, 1, http.StatusCreated, `{"name":"vip"}`)
	c := fastClient(t, srv.URL)
	var meta chatsdk.Response
	res, err := c.Tags.Add(context.Background(), giosg.OrgOwnedChats("o1"), "c1", "vip", chatsdk.WithResponseInto(&meta))
	require.NoError(t, err)
	require.True(t, res.Created)
	require.EqualValues(t, 2, n.Load(), "Tags.Add is idempotent: retried after a 503")
	require.Equal(t, 2, meta.Attempts)
	require.Equal(t, http.StatusCreated, meta.StatusCode)
	require.Equal(t, "rid-1", meta.RequestID)
	require.Equal(t, "rid-1", meta.Header.Get("X-Request-Id"))
}

func TestResponseIntoAPIError(t *testing.T) {
	srv, _ := flakyServer(t, 0, http.StatusNotFound, `{"detail":"no"}`)
	c := fastClient(t, srv.URL)
	var meta chatsdk.Response
	_, err := c.Tags.Add(context.Background(), giosg.OrgOwnedChats("o1"), "c1", "vip", chatsdk.WithResponseInto(&meta))
	require.ErrorIs(t, err, chatsdk.ErrNotFound)
	require.Equal(t, http.StatusNotFound, meta.StatusCode)
	require.Equal(t, 1, meta.Attempts)
	require.Equal(t, "rid-1", meta.RequestID)
}

func TestResponseIntoListPage(t *testing.T) {
	srv, _ := flakyServer(t, 1, http.StatusOK, `{"next":null,"previous":null,"results":[{"name":"vip"}]}`)
	c := fastClient(t, srv.URL)
	var meta chatsdk.Response
	p, err := c.Tags.ListPage(context.Background(), giosg.OrgOwnedChats("o1"), "c1", nil, chatsdk.WithResponseInto(&meta))
	require.NoError(t, err)
	require.NotNil(t, p)
	require.Equal(t, 2, meta.Attempts)
	require.Equal(t, "rid-1", meta.RequestID)
}

func TestNonIdempotentPostNotRetried(t *testing.T) {
	srv, n := flakyServer(t, 5, http.StatusCreated, `{"id":"c1"}`)
	c := fastClient(t, srv.URL)
	_, err := c.Chats.Create(context.Background(), giosg.UserChats("u1"))
	require.ErrorIs(t, err, chatsdk.ErrMayHaveBeenApplied)
	require.EqualValues(t, 1, n.Load())
}

func TestWithoutRetriesOneAttempt(t *testing.T) {
	srv, n := flakyServer(t, 5, http.StatusOK, `{"next":null,"previous":null,"results":[]}`)
	c := fastClient(t, srv.URL)
	_, err := c.Tags.ListPage(context.Background(), giosg.OrgOwnedChats("o1"), "c1", nil, chatsdk.WithoutRetries())
	require.ErrorIs(t, err, chatsdk.ErrServer)
	require.EqualValues(t, 1, n.Load())
}
