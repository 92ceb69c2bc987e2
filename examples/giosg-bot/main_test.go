package main

import (
	"bytes"
	"context"
	"log"
	"testing"
	"time"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/giosg"
	"github.com/chatsdk-go/chatsdk/giosg/giosgtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const sendPattern = "/api/v5/users/<user_id>/chats/<chat_id>/messages"

// newBot returns a bot for srv's UserID that logs into out.
func newBot(t *testing.T, srv *giosgtest.Server, token string, out *bytes.Buffer) *Bot {
	t.Helper()
	c, err := giosg.NewClient(token, chatsdk.WithBaseURL(srv.BaseURL), chatsdk.WithRetryWaitMin(time.Millisecond), chatsdk.WithRetryWaitMax(time.Millisecond))
	require.NoError(t, err)
	return &Bot{Client: c, UserID: giosgtest.UserID, Log: log.New(out, "", 0)}
}

func pendingChats(srv *giosgtest.Server) []string {
	return []string{giosgtest.PendingChatID, srv.AddPendingChat("Hello?"), srv.AddPendingChat("Do you ship to Finland?")}
}

func TestBotGreetsAndHandsOver(t *testing.T) {
	srv := giosgtest.NewServer(giosgtest.WithPageSize(2))
	defer srv.Close()
	chats := pendingChats(srv)
	var out bytes.Buffer
	bot := newBot(t, srv, srv.Token, &out)

	require.NoError(t, bot.Run(context.Background(), time.Millisecond, 10))

	for _, id := range chats {
		assert.False(t, srv.IsPending(id), "chat %s is still pending", id)
		assert.False(t, srv.IsEnded(id), "chat %s was ended", id)
		assert.Contains(t, srv.MessageTexts(id), greeting(false).Message)
		assert.Contains(t, out.String(), id+": greeted and handed over")
	}
	assert.Contains(t, out.String(), "no pending chats left")
	// One greeting per served chat, never a repeat.
	assert.Equal(t, 4, srv.RequestCount("POST", sendPattern)) // RoutedChatID is pending too
}

func TestBotEnds(t *testing.T) {
	srv := giosgtest.NewServer()
	defer srv.Close()
	chats := pendingChats(srv)
	bot := newBot(t, srv, srv.Token, &bytes.Buffer{})
	bot.End = true

	served, err := bot.ServePending(context.Background())
	require.NoError(t, err)
	assert.Equal(t, 4, served)
	for _, id := range chats {
		assert.True(t, srv.IsEnded(id), "chat %s was not ended", id)
		assert.Equal(t, []string{greeting(true).Message}, srv.MessageTexts(id)[len(srv.MessageTexts(id))-1:])
	}
	served, err = bot.ServePending(context.Background())
	require.NoError(t, err)
	assert.Zero(t, served)
}

func TestBotStopsOnBadToken(t *testing.T) {
	srv := giosgtest.NewServer()
	defer srv.Close()
	bot := newBot(t, srv, "wrong-token", &bytes.Buffer{})
	err := bot.Run(context.Background(), time.Millisecond, 0)
	require.ErrorIs(t, err, chatsdk.ErrUnauthorized)
	assert.True(t, srv.IsPending(giosgtest.PendingChatID))
}

func TestBotRunsUntilCancelled(t *testing.T) {
	srv := giosgtest.NewServer()
	defer srv.Close()
	bot := newBot(t, srv, srv.Token, &bytes.Buffer{})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- bot.Run(ctx, 5*time.Millisecond, 0) }()

	// It keeps polling while nothing is pending, and serves chats as they come.
	id := srv.AddPendingChat("Anyone there?")
	require.Eventually(t, func() bool { return !srv.IsPending(id) }, 5*time.Second, 5*time.Millisecond)
	cancel()
	select {
	case err := <-done:
		require.NoError(t, err)
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return after the context was cancelled")
	}
}

func TestRunOffline(t *testing.T) {
	var out bytes.Buffer
	env := map[string]string{}
	require.NoError(t, run(context.Background(), &out, func(k string) string { return env[k] }, time.Hour, false))
	assert.Contains(t, out.String(), "offline:")
	assert.Contains(t, out.String(), "no pending chats left")
}

func TestRunRealOrgNeedsUserID(t *testing.T) {
	env := map[string]string{"GIOSG_TOKEN": "token"}
	err := run(context.Background(), &bytes.Buffer{}, func(k string) string { return env[k] }, time.Hour, false)
	require.ErrorContains(t, err, "GIOSG_USER_ID")
}

func TestRunRealOrg(t *testing.T) {
	srv := giosgtest.NewServer()
	defer srv.Close()
	env := map[string]string{"GIOSG_TOKEN": srv.Token, "GIOSG_USER_ID": giosgtest.UserID, "GIOSG_BASE_URL": srv.BaseURL}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, &bytes.Buffer{}, func(k string) string { return env[k] }, 5*time.Millisecond, false)
	}()
	require.Eventually(t, func() bool { return !srv.IsPending(giosgtest.PendingChatID) }, 5*time.Second, 5*time.Millisecond)
	cancel()
	require.NoError(t, <-done)
}
