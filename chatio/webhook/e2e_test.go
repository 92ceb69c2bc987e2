package webhook_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/chatio"
	"github.com/chatsdk-go/chatsdk/chatio/chatiotest"
	"github.com/chatsdk-go/chatsdk/chatio/webhook"
)

// TestDeliveriesFromTheFake registers one webhook per action on the
// chatiotest fake and has the fake deliver each fixture's data to a Handler,
// as chat.io would.
func TestDeliveriesFromTheFake(t *testing.T) {
	ctx := context.Background()
	api := chatiotest.NewServer()
	defer api.Close()
	c, err := chatio.NewClient(api.Token, chatsdk.WithBaseURL(api.BaseURL))
	require.NoError(t, err)

	var mu sync.Mutex
	secrets := map[string]string{}
	got := map[chatio.WebhookAction]any{}
	h, err := webhook.NewHandler(webhook.SecretFunc(func(_ context.Context, id string) (string, bool, error) {
		mu.Lock()
		defer mu.Unlock()
		s, ok := secrets[id]
		return s, ok, nil
	}))
	require.NoError(t, err)
	record := func(wh *webhook.Webhook, p any) error {
		mu.Lock()
		defer mu.Unlock()
		got[wh.Action] = p
		return nil
	}
	h.OnIncomingChatThread(func(_ context.Context, wh *webhook.Webhook, p *webhook.IncomingChatThread) error {
		return record(wh, p)
	})
	h.OnChatUsersUpdated(func(_ context.Context, wh *webhook.Webhook, p *webhook.ChatUsersUpdated) error { return record(wh, p) })
	h.OnIncomingEvent(func(_ context.Context, wh *webhook.Webhook, p *webhook.IncomingEvent) error { return record(wh, p) })
	h.OnLastSeenTimestampUpdated(func(_ context.Context, wh *webhook.Webhook, p *webhook.LastSeenTimestampUpdated) error {
		return record(wh, p)
	})
	h.OnThreadClosed(func(_ context.Context, wh *webhook.Webhook, p *webhook.ThreadClosed) error { return record(wh, p) })
	h.OnChatScopesUpdated(func(_ context.Context, wh *webhook.Webhook, p *webhook.ChatScopesUpdated) error { return record(wh, p) })
	h.OnChatPropertiesUpdated(func(_ context.Context, wh *webhook.Webhook, p *webhook.ChatPropertiesUpdated) error {
		return record(wh, p)
	})
	h.OnChatThreadPropertiesUpdated(func(_ context.Context, wh *webhook.Webhook, p *webhook.ChatThreadPropertiesUpdated) error {
		return record(wh, p)
	})
	receiver := httptest.NewServer(h)
	defer receiver.Close()

	for i, action := range chatio.WebhookActions() {
		secret := "secret-" + string(action)
		hook, err := c.Webhooks.Register(ctx, &chatio.RegisterWebhookParams{URL: receiver.URL, Action: action, SecretKey: secret})
		require.NoError(t, err)
		mu.Lock()
		secrets[hook.WebhookID] = secret
		mu.Unlock()

		raw, err := os.ReadFile(filepath.Join("..", "..", "testdata", "chatio", "webhooks", string(action)+".json"))
		require.NoError(t, err)
		var fixture struct {
			Data json.RawMessage `json:"data"`
		}
		require.NoError(t, json.Unmarshal(raw, &fixture))
		require.NoError(t, api.Deliver(ctx, hook.WebhookID, fixture.Data), action)
		mu.Lock()
		assert.Len(t, got, i+1)
		assert.NotNil(t, got[action], action)
		mu.Unlock()

		// A delivery with another webhook's secret is refused.
		err = api.Send(ctx, receiver.URL, chatiotest.Delivery{WebhookID: hook.WebhookID, SecretKey: "secret-other", Action: action, Data: fixture.Data})
		var refused *chatiotest.DeliveryError
		require.True(t, errors.As(err, &refused), "%v", err)
		assert.Equal(t, http.StatusUnauthorized, refused.StatusCode)
	}
	p := got[chatio.ActionIncomingEvent].(*webhook.IncomingEvent)
	assert.Equal(t, "hello there", p.Event.(*webhook.Message).Text)
}
