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
		require.ErrorAs(t, err, &refused, "%v", err)
		assert.Equal(t, http.StatusUnauthorized, refused.StatusCode)
	}
	p := got[chatio.ActionIncomingEvent].(*webhook.IncomingEvent)
	assert.Equal(t, "hello there", p.Event.(*webhook.Message).Text)
}

// TestHandBuiltPayloadsReachTheirHandlers delivers payloads built from the
// typed structs, without setting any "type", through the fake: each event
// and user decodes back into its own type, so the handler runs; and a
// receiver that answers 500 makes Deliver fail.
func TestHandBuiltPayloadsReachTheirHandlers(t *testing.T) {
	ctx := context.Background()
	api := chatiotest.NewServer()
	defer api.Close()
	c, err := chatio.NewClient(api.Token, chatsdk.WithBaseURL(api.BaseURL))
	require.NoError(t, err)
	store := webhook.NewSecretStore()
	h, err := webhook.NewHandler(store)
	require.NoError(t, err)
	receiver := httptest.NewServer(h)
	defer receiver.Close()
	register := func(action chatio.WebhookAction) string {
		hook, err := c.Webhooks.Register(ctx, &chatio.RegisterWebhookParams{URL: receiver.URL, Action: action, SecretKey: "s-" + string(action)})
		require.NoError(t, err)
		require.NoError(t, store.Set(hook.WebhookID, "s-"+string(action)))
		return hook.WebhookID
	}

	var events []webhook.Event
	h.OnIncomingEvent(func(_ context.Context, _ *webhook.Webhook, p *webhook.IncomingEvent) error {
		events = append(events, p.Event)
		return nil
	})
	eventHook := register(chatio.ActionIncomingEvent)
	sent := []webhook.Event{
		&webhook.Message{Text: "hi"},
		&webhook.SystemMessage{Text: "joined"},
		&webhook.Annotation{Text: "5", AnnotationType: "rating"},
		&webhook.FilledForm{Fields: []webhook.FormField{{Type: "email", Name: "email", Value: "a@b.example"}}},
		&webhook.File{Name: "a.png", ContentType: "image/png"},
		&webhook.CustomEvent{Content: json.RawMessage(`{"k":1}`)},
	}
	for _, e := range sent {
		require.NoError(t, api.Deliver(ctx, eventHook, webhook.IncomingEvent{ChatID: "c1", Event: e}))
	}
	require.Len(t, events, len(sent), "a handler did not run")
	for i, e := range events {
		assert.IsType(t, sent[i], e)
		assert.NotEmpty(t, e.Base().Type)
	}
	assert.Equal(t, "hi", events[0].(*webhook.Message).Text)

	var added []webhook.User
	h.OnChatUsersUpdated(func(_ context.Context, _ *webhook.Webhook, p *webhook.ChatUsersUpdated) error {
		for i := range p.UpdatedUsers.Customers.Added {
			added = append(added, &p.UpdatedUsers.Customers.Added[i])
		}
		for i := range p.UpdatedUsers.Agents.Added {
			added = append(added, &p.UpdatedUsers.Agents.Added[i])
		}
		return nil
	})
	var threadUsers webhook.Users
	h.OnIncomingChatThread(func(_ context.Context, _ *webhook.Webhook, p *webhook.IncomingChatThread) error {
		threadUsers = p.Chat.Users
		return nil
	})
	require.NoError(t, api.Deliver(ctx, register(chatio.ActionChatUsersUpdated), webhook.ChatUsersUpdated{
		ChatID: "c1",
		UpdatedUsers: webhook.UpdatedUsers{
			Customers: webhook.CustomersUpdate{Added: []webhook.Customer{{UserBase: webhook.UserBase{ID: "cu1"}}}},
			Agents:    webhook.AgentsUpdate{Added: []webhook.Agent{{UserBase: webhook.UserBase{ID: "ag1"}}}},
		},
	}))
	require.Len(t, added, 2)
	assert.Equal(t, webhook.UserTypeCustomer, added[0].Base().Type)
	assert.Equal(t, webhook.UserTypeAgent, added[1].Base().Type)
	require.NoError(t, api.Deliver(ctx, register(chatio.ActionIncomingChatThread), webhook.IncomingChatThread{
		Chat: webhook.Chat{ID: "c1", Users: webhook.Users{&webhook.Customer{}, &webhook.Agent{}}},
	}))
	require.Len(t, threadUsers, 2)
	assert.IsType(t, &webhook.Customer{}, threadUsers[0])
	assert.IsType(t, &webhook.Agent{}, threadUsers[1])

	h.OnIncomingEvent(func(context.Context, *webhook.Webhook, *webhook.IncomingEvent) error {
		return errors.New("store is down")
	})
	err = api.Deliver(ctx, eventHook, webhook.IncomingEvent{ChatID: "c1", Event: &webhook.Message{Text: "again"}})
	var refused *chatiotest.DeliveryError
	require.ErrorAs(t, err, &refused)
	assert.Equal(t, http.StatusInternalServerError, refused.StatusCode)
}
