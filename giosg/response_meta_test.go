package giosg_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/giosg"
	"github.com/chatsdk-go/chatsdk/internal/testkit"
	"github.com/stretchr/testify/require"
)

func TestResponseIntoAfterRetry(t *testing.T) {
	srv, n := testkit.FlakyServer(t, 1, http.StatusCreated, `{"name":"vip"}`)
	c := testkit.FastClient(t, giosg.NewClient, srv.URL)
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
	srv, _ := testkit.FlakyServer(t, 0, http.StatusNotFound, `{"detail":"no"}`)
	c := testkit.FastClient(t, giosg.NewClient, srv.URL)
	var meta chatsdk.Response
	_, err := c.Tags.Add(context.Background(), giosg.OrgOwnedChats("o1"), "c1", "vip", chatsdk.WithResponseInto(&meta))
	require.ErrorIs(t, err, chatsdk.ErrNotFound)
	require.Equal(t, http.StatusNotFound, meta.StatusCode)
	require.Equal(t, 1, meta.Attempts)
	require.Equal(t, "rid-1", meta.RequestID)
}

func TestResponseIntoListPage(t *testing.T) {
	srv, _ := testkit.FlakyServer(t, 1, http.StatusOK, `{"next":null,"previous":null,"results":[{"name":"vip"}]}`)
	c := testkit.FastClient(t, giosg.NewClient, srv.URL)
	var meta chatsdk.Response
	p, err := c.Tags.ListPage(context.Background(), giosg.OrgOwnedChats("o1"), "c1", nil, chatsdk.WithResponseInto(&meta))
	require.NoError(t, err)
	require.NotNil(t, p)
	require.Equal(t, 2, meta.Attempts)
	require.Equal(t, "rid-1", meta.RequestID)
}

func TestNonIdempotentPostNotRetried(t *testing.T) {
	srv, n := testkit.FlakyServer(t, 5, http.StatusCreated, `{"id":"c1"}`)
	c := testkit.FastClient(t, giosg.NewClient, srv.URL)
	_, err := c.Chats.Create(context.Background(), giosg.UserChats("u1"))
	require.ErrorIs(t, err, chatsdk.ErrMayHaveBeenApplied)
	require.EqualValues(t, 1, n.Load())
}

func TestWithoutRetriesOneAttempt(t *testing.T) {
	srv, n := testkit.FlakyServer(t, 5, http.StatusOK, `{"next":null,"previous":null,"results":[]}`)
	c := testkit.FastClient(t, giosg.NewClient, srv.URL)
	_, err := c.Tags.ListPage(context.Background(), giosg.OrgOwnedChats("o1"), "c1", nil, chatsdk.WithoutRetries())
	require.ErrorIs(t, err, chatsdk.ErrServer)
	require.EqualValues(t, 1, n.Load())
}
