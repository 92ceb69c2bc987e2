package main

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/chatio"
	"github.com/chatsdk-go/chatsdk/chatio/chatiotest"
)

func TestRunChatioOffline(t *testing.T) {
	t.Setenv("CHATIO_TOKEN", "")
	var out bytes.Buffer
	require.NoError(t, runChatio(context.Background(), &out))
	for _, want := range []string{
		"created bot agent ",
		"registered webhook ",
		"bot agents: 1\n",
		"webhooks: 1\n",
		`receiver got incoming_event: chat 85f3bfc9-06c1-434e-958b-2a5239b07de8: message from b7eff798-f8df-4364-8059-649c35c9ed0c: "Hello, is anyone there?"`,
		"a webhook with a wrong secret_key was refused: 401",
		"unregistered webhook ",
		"removed bot agent ",
		"bot agents: 0\nwebhooks: 0\n",
	} {
		assert.Contains(t, out.String(), want)
	}
}

func TestRunChatioReadOnly(t *testing.T) {
	ctx := context.Background()
	srv := chatiotest.NewServer()
	defer srv.Close()
	c, err := chatio.NewClient(srv.Token, chatsdk.WithBaseURL(srv.BaseURL))
	require.NoError(t, err)
	bot, err := c.BotAgents.Create(ctx, &chatio.CreateBotAgentParams{Name: "Existing bot", Status: chatio.StatusOffline})
	require.NoError(t, err)
	_, err = c.Webhooks.Register(ctx, &chatio.RegisterWebhookParams{
		URL: "https://example.com/hooks", Action: chatio.ActionThreadClosed, SecretKey: "do-not-print-me",
	})
	require.NoError(t, err)

	t.Setenv("CHATIO_TOKEN", srv.Token)
	t.Setenv("CHATIO_BASE_URL", srv.BaseURL)
	var out bytes.Buffer
	require.NoError(t, runChatio(ctx, &out))
	assert.Contains(t, out.String(), "bot agents: 1\n")
	assert.Contains(t, out.String(), bot.BotAgentID+` "Existing bot" (offline)`)
	assert.Contains(t, out.String(), "webhooks: 1\n")
	assert.Contains(t, out.String(), "thread_closed -> https://example.com/hooks")
	assert.NotContains(t, out.String(), "do-not-print-me")
	assert.Len(t, srv.BotAgents(), 1, "read-only mode changed the bot agents")
	assert.Len(t, srv.Webhooks(), 1, "read-only mode changed the webhooks")

	t.Setenv("CHATIO_TOKEN", "wrong")
	assert.ErrorIs(t, runChatio(ctx, &bytes.Buffer{}), chatsdk.ErrUnauthorized)
}
