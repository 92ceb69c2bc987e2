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
	srv.FailNext(1, http.StatusServiceUnavailable, chatio.ErrorTypeInternal, "Internal server error")
	_, err := c.BotAgents.Create(ctx, &chatio.CreateBotAgentParams{Name: "a", Status: chatio.StatusOffline})
	assert.ErrorIs(t, err, chatsdk.ErrMayHaveBeenApplied)
	requireAPIError(t, err, http.StatusServiceUnavailable, chatio.ErrorTypeInternal)
	assert.Empty(t, srv.BotAgents(), "an injected failure changes nothing")

	srv.FailNext(2, http.StatusForbidden, chatio.ErrorTypeLicenseExpired, "License expired")
	for range 2 {
		_, err = c.Webhooks.List(ctx)
		assert.ErrorIs(t, err, chatsdk.ErrForbidden)
		requireAPIError(t, err, http.StatusForbidden, chatio.ErrorTypeLicenseExpired)
	}
	_, err = c.Webhooks.List(ctx)
	assert.NoError(t, err)

	srv.FailNext(1, http.StatusTeapot, "x", "y")
	srv.Reset()
	_, err = c.Webhooks.List(ctx)
	assert.NoError(t, err, "Reset drops pending failures")
}

func TestFailNextIsRetriedForReads(t *testing.T) {
	srv := chatiotest.NewServer()
	defer srv.Close()
	c, err := chatio.NewClient(srv.Token, chatsdk.WithBaseURL(srv.BaseURL), chatsdk.WithRetryWaitMin(time.Millisecond), chatsdk.WithRetryWaitMax(2*time.Millisecond))
	require.NoError(t, err)
	srv.FailNext(2, http.StatusServiceUnavailable, chatio.ErrorTypeInternal, "Internal server error")
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
