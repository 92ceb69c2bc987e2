package chatio_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/chatio"
	"github.com/chatsdk-go/chatsdk/internal/testkit"
	"github.com/stretchr/testify/require"
)

func TestResponseIntoAfterRetry(t *testing.T) {
	srv, n := testkit.FlakyServer(t, 1, http.StatusOK, `{}`)
	c := testkit.FastClient(t, chatio.NewClient, srv.URL)
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
	srv, _ := testkit.FlakyServer(t, 0, http.StatusNotFound, `{"error":{"type":"not_found","message":"no"}}`)
	c := testkit.FastClient(t, chatio.NewClient, srv.URL)
	var meta chatsdk.Response
	err := c.BotAgents.Remove(context.Background(), "b1", chatsdk.WithResponseInto(&meta))
	require.ErrorIs(t, err, chatsdk.ErrNotFound)
	require.Equal(t, http.StatusNotFound, meta.StatusCode)
	require.Equal(t, 1, meta.Attempts)
	require.Equal(t, "rid-1", meta.RequestID)
}

func TestNonIdempotentPostNotRetried(t *testing.T) {
	srv, n := testkit.FlakyServer(t, 5, http.StatusOK, `{"bot_agent_id":"b1","bot_secret":"s"}`)
	c := testkit.FastClient(t, chatio.NewClient, srv.URL)
	_, err := c.BotAgents.Create(context.Background(), &chatio.CreateBotAgentParams{Name: "bot", Status: "offline"})
	require.ErrorIs(t, err, chatsdk.ErrMayHaveBeenApplied)
	require.EqualValues(t, 1, n.Load())
}

func TestWithoutRetriesOneAttempt(t *testing.T) {
	srv, n := testkit.FlakyServer(t, 5, http.StatusOK, `[]`)
	c := testkit.FastClient(t, chatio.NewClient, srv.URL)
	_, err := c.BotAgents.List(context.Background(), nil, chatsdk.WithoutRetries())
	require.ErrorIs(t, err, chatsdk.ErrServer)
	require.EqualValues(t, 1, n.Load())
}
