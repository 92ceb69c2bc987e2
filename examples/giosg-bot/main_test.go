package main

import (
	"bytes"
	"context"
	"fmt"
	"log"
	"net/http"
	"sync/atomic"
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
	hc := &http.Client{Transport: &cappedTransport{t: t, max: maxTestRequests, next: http.DefaultTransport.(*http.Transport).Clone()}}
	c, err := giosg.NewClient(token, chatsdk.WithBaseURL(srv.BaseURL), chatsdk.WithRetryWaitMin(time.Millisecond), chatsdk.WithRetryWaitMax(time.Millisecond), chatsdk.WithHTTPClient(hc))
	require.NoError(t, err)
	return &Bot{Client: c, UserID: giosgtest.UserID, Log: log.New(out, "", 0)}
}

// maxTestRequests caps the requests of one test's bot, so that a regression
// that pages or polls forever fails instead of hanging.
const maxTestRequests = 500

// cappedTransport sends through next until max requests were sent, then
// fails the test (once) and every further request.
type cappedTransport struct {
	t    *testing.T
	max  int64
	sent atomic.Int64
	next http.RoundTripper
}

func (c *cappedTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if n := c.sent.Add(1); n > c.max {
		if n == c.max+1 {
			c.t.Errorf("more than %d requests: %s %s", c.max, r.Method, r.URL.Path)
		}
		return nil, fmt.Errorf("request cap of %d reached", c.max)
	}
	return c.next.RoundTrip(r)
}

// testCtx ends with the test or after 10 seconds, whichever is first.
func testCtx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	return ctx
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

	require.NoError(t, bot.Run(testCtx(t), time.Millisecond, 10))

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

	served, err := bot.ServePending(testCtx(t))
	require.NoError(t, err)
	assert.Equal(t, 4, served)
	for _, id := range chats {
		assert.True(t, srv.IsEnded(id), "chat %s was not ended", id)
		assert.Equal(t, []string{greeting(true).Message}, srv.MessageTexts(id)[len(srv.MessageTexts(id))-1:])
	}
	served, err = bot.ServePending(testCtx(t))
	require.NoError(t, err)
	assert.Zero(t, served)
}

func TestBotStopsOnBadToken(t *testing.T) {
	srv := giosgtest.NewServer()
	defer srv.Close()
	bot := newBot(t, srv, "wrong-token", &bytes.Buffer{})
	err := bot.Run(testCtx(t), time.Millisecond, 0)
	require.ErrorIs(t, err, chatsdk.ErrUnauthorized)
	assert.True(t, srv.IsPending(giosgtest.PendingChatID))
}

func TestBotRunsUntilCancelled(t *testing.T) {
	srv := giosgtest.NewServer()
	defer srv.Close()
	bot := newBot(t, srv, srv.Token, &bytes.Buffer{})
	ctx, cancel := context.WithCancel(testCtx(t))
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
	require.NoError(t, run(testCtx(t), &out, func(k string) string { return env[k] }, time.Hour, false))
	assert.Contains(t, out.String(), "offline:")
	assert.Contains(t, out.String(), "no pending chats left")
}

func TestRunRealOrgNeedsUserID(t *testing.T) {
	env := map[string]string{"GIOSG_TOKEN": "token"}
	err := run(testCtx(t), &bytes.Buffer{}, func(k string) string { return env[k] }, time.Hour, false)
	require.ErrorContains(t, err, "GIOSG_USER_ID")
}

func TestRunRealOrg(t *testing.T) {
	srv := giosgtest.NewServer()
	defer srv.Close()
	env := map[string]string{"GIOSG_TOKEN": srv.Token, "GIOSG_USER_ID": giosgtest.UserID, "GIOSG_BASE_URL": srv.BaseURL}
	ctx, cancel := context.WithCancel(testCtx(t))
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, &bytes.Buffer{}, func(k string) string { return env[k] }, 5*time.Millisecond, false)
	}()
	require.Eventually(t, func() bool { return !srv.IsPending(giosgtest.PendingChatID) }, 5*time.Second, 5*time.Millisecond)
	cancel()
	select {
	case err := <-done:
		require.NoError(t, err)
	case <-time.After(5 * time.Second):
		t.Fatal("run did not return after the context was cancelled")
	}
}
