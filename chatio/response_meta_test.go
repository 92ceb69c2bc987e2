package chatio_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/chatio"
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

func fastClient(t *testing.T, url string) *chatio.Client {
	t.Helper()
	c, err := chatio.NewClient("test-token", chatsdk.WithBaseURL(url),
		chatsdk.WithRetryWaitMin(time.Millisecond), chatsdk.WithRetryWaitMax(time.Millisecond))
	require.NoError(t, err)
	return c
}

func TestResponseIntoAfterRetry(t *testing.T) {
	srv, n := flakyServer(t, 1, http.StatusOK, `{}`)
	c := fastClient(t, srv.URL)
	var meta chatsdk.Response
	err := c.BotAgents.Update(context.Background(), "b1", &chatio.UpdateBotAgentParams{Name: "Bot"}, chatsdk.WithResponseInto(&meta))
	require.NoError(t, err)
	require.EqualValues(t, 2, n.Load(), "update is idempotent: retried after a 503")
	require.Equal(t, 2, meta.Attempts)
	require.Equal(t, http.StatusOK, meta.StatusCode)
	require.Equal(t, "rid-1", meta.RequestID)
	require.Equal(t, "rid-1", meta.Header.Get("X-Request-Id"))
}

func TestResponseIntoAPIError(t *testing.T) {
	srv, _ := flakyServer(t, 0, http.StatusNotFound, `{"error":{"type":"not_found","message":"no"}}`)
	c := fastClient(t, srv.URL)
	var meta chatsdk.Response
	err := c.BotAgents.Remove(context.Background(), "b1", chatsdk.WithResponseInto(&meta))
	require.ErrorIs(t, err, chatsdk.ErrNotFound)
	require.Equal(t, http.StatusNotFound, meta.StatusCode)
	require.Equal(t, 1, meta.Attempts)
	require.Equal(t, "rid-1", meta.RequestID)
}

func TestNonIdempotentPostNotRetried(t *testing.T) {
	srv, n := flakyServer(t, 5, http.StatusOK, `{"bot_agent_id":"b1","bot_secret":"s"}`)
	c := fastClient(t, srv.URL)
	_, err := c.BotAgents.Create(context.Background(), &chatio.CreateBotAgentParams{Name: "bot", Status: "offline"})
	require.ErrorIs(t, err, chatsdk.ErrMayHaveBeenApplied)
	require.EqualValues(t, 1, n.Load())
}

func TestWithoutRetriesOneAttempt(t *testing.T) {
	srv, n := flakyServer(t, 5, http.StatusOK, `[]`)
	c := fastClient(t, srv.URL)
	_, err := c.BotAgents.List(context.Background(), nil, chatsdk.WithoutRetries())
	require.ErrorIs(t, err, chatsdk.ErrServer)
	require.EqualValues(t, 1, n.Load())
}
