package chatiotest_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/chatio"
	"github.com/chatsdk-go/chatsdk/chatio/chatiotest"
)

func TestFailNext(t *testing.T) {
	ctx := context.Background()
	srv, c := setup(t)
	srv.FailNext(chatiotest.Failure{Status: http.StatusServiceUnavailable})
	_, err := c.BotAgents.Create(ctx, &chatio.CreateBotAgentParams{Name: "a", Status: chatio.StatusOffline})
	require.ErrorIs(t, err, chatsdk.ErrMayHaveBeenApplied)
	_ = requireAPIError(t, err, http.StatusServiceUnavailable, chatio.ErrorTypeInternal)
	assert.Empty(t, srv.BotAgents(), "an injected failure changes nothing")

	srv.FailNext(chatiotest.Failure{Status: http.StatusForbidden, Body: chatiotest.ErrorBody(chatio.ErrorTypeLicenseExpired, "License expired"), Times: 2})
	for range 2 {
		_, err = c.Webhooks.List(ctx)
		require.ErrorIs(t, err, chatsdk.ErrForbidden)
		_ = requireAPIError(t, err, http.StatusForbidden, chatio.ErrorTypeLicenseExpired)
	}
	_, err = c.Webhooks.List(ctx)
	require.NoError(t, err)

	srv.FailNext(chatiotest.Failure{Status: http.StatusTeapot})
	srv.Reset()
	_, err = c.Webhooks.List(ctx)
	assert.NoError(t, err, "Reset drops pending failures")
}

func TestFailNextIsRetriedForReads(t *testing.T) {
	srv := chatiotest.NewServer()
	defer srv.Close()
	c, err := chatio.NewClient(srv.Token, chatsdk.WithBaseURL(srv.BaseURL), chatsdk.WithRetryWaitMin(time.Millisecond), chatsdk.WithRetryWaitMax(2*time.Millisecond))
	require.NoError(t, err)
	srv.FailNext(chatiotest.Failure{Status: http.StatusServiceUnavailable, Times: 2})
	bots, err := c.BotAgents.List(context.Background(), nil)
	require.NoError(t, err)
	assert.Empty(t, bots)
}

func TestEmptyOptionsKeepDefaults(t *testing.T) {
	srv := chatiotest.NewServer(chatiotest.WithToken(""), chatiotest.WithClientID(""), chatiotest.WithDeliveryClient(nil), nil)
	defer srv.Close()
	assert.Equal(t, chatiotest.DefaultToken, srv.Token)
	assert.Equal(t, chatiotest.DefaultClientID, srv.ClientID)
}

func TestFailNextMatchesPathAndRecordsRequests(t *testing.T) {
	ctx := context.Background()
	srv, c := setup(t)
	srv.FailNext(chatiotest.Failure{Path: "/webhooks/*", Status: http.StatusServiceUnavailable, Times: 5})
	_, err := c.BotAgents.List(ctx, nil)
	require.NoError(t, err, "a bot agent operation does not match")
	err = c.Webhooks.Unregister(ctx, "w1")
	_ = requireAPIError(t, err, http.StatusServiceUnavailable, chatio.ErrorTypeInternal)

	assert.Equal(t, 1, srv.RequestCount(http.MethodPost, "/agents/get_bot_agents"))
	assert.Equal(t, 1, srv.RequestCount("", "/webhooks/{name}"))
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	assert.Equal(t, "/webhooks/unregister_webhook", reqs[1].Path)
	assert.Equal(t, http.StatusServiceUnavailable, reqs[1].Status)
	assert.JSONEq(t, `{"webhook_id": "w1"}`, string(reqs[1].Body))
	assert.Empty(t, reqs[1].Header.Get("Authorization"))
}
