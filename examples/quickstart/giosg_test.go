package main

import (
	"bytes"
	"context"
	"testing"

	"github.com/chatsdk-go/chatsdk/giosg/giosgtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRunGiosgOffline(t *testing.T) {
	t.Setenv("GIOSG_TOKEN", "")
	var out bytes.Buffer
	require.NoError(t, runGiosg(context.Background(), &out))
	for _, want := range []string{
		"joined chat ",
		"joining again: 404",
		"with 3 buttons",
		`tagged "Lead" (new tag: true)`,
		"listed 3 messages in 2 pages",
		"(is_ended=true)",
	} {
		assert.Contains(t, out.String(), want)
	}
}

func TestRunGiosgReadOnly(t *testing.T) {
	srv := giosgtest.NewServer()
	defer srv.Close()
	t.Setenv("GIOSG_TOKEN", srv.Token)
	t.Setenv("GIOSG_BASE_URL", srv.BaseURL)
	t.Setenv("GIOSG_USER_ID", giosgtest.UserID)
	t.Setenv("GIOSG_ORG_ID", giosgtest.OrgID)

	var out bytes.Buffer
	require.NoError(t, runGiosg(context.Background(), &out))
	assert.Contains(t, out.String(), "pending chats: ")
	assert.Contains(t, out.String(), giosgtest.PendingChatID)
	assert.Contains(t, out.String(), "owned chats: ")
	assert.True(t, srv.IsPending(giosgtest.PendingChatID), "read-only mode changed the pending chat")
	assert.False(t, srv.IsEnded(giosgtest.ChatID), "read-only mode ended a chat")
}

func TestRunGiosgReadOnlyNeedsAnID(t *testing.T) {
	t.Setenv("GIOSG_TOKEN", "token")
	t.Setenv("GIOSG_USER_ID", "")
	t.Setenv("GIOSG_ORG_ID", "")
	require.ErrorContains(t, runGiosg(context.Background(), &bytes.Buffer{}), "GIOSG_USER_ID")
}
