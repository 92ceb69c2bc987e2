package chatio_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/chatio"
)

func validBotWebhooks() *chatio.BotAgentWebhooks {
	return &chatio.BotAgentWebhooks{
		URL:       "https://bot.example.com/hook",
		SecretKey: "k",
		Actions:   []chatio.BotAgentWebhookAction{{Name: chatio.ActionIncomingEvent}},
	}
}

func TestValidationSendsNothing(t *testing.T) {
	withWebhooks := func(edit func(w *chatio.BotAgentWebhooks)) *chatio.BotAgentWebhooks {
		w := validBotWebhooks()
		edit(w)
		return w
	}
	create := func(p *chatio.CreateBotAgentParams) func(context.Context, *chatio.Client) error {
		return func(ctx context.Context, c *chatio.Client) error { _, err := c.BotAgents.Create(ctx, p); return err }
	}
	update := func(id string, p *chatio.UpdateBotAgentParams) func(context.Context, *chatio.Client) error {
		return func(ctx context.Context, c *chatio.Client) error { return c.BotAgents.Update(ctx, id, p) }
	}
	register := func(p *chatio.RegisterWebhookParams) func(context.Context, *chatio.Client) error {
		return func(ctx context.Context, c *chatio.Client) error { _, err := c.Webhooks.Register(ctx, p); return err }
	}
	hook := func(edit func(p *chatio.RegisterWebhookParams)) *chatio.RegisterWebhookParams {
		p := &chatio.RegisterWebhookParams{URL: "https://bot.example.com/hook", Action: chatio.ActionIncomingEvent, SecretKey: "k"}
		edit(p)
		return p
	}
	negative := -1
	tests := []struct {
		name, operation, field string
		call                   func(context.Context, *chatio.Client) error
	}{
		{"create nil", "chatio.BotAgents.Create", "", create(nil)},
		{"create no name", "chatio.BotAgents.Create", "name", create(&chatio.CreateBotAgentParams{Name: "  ", Status: chatio.StatusOffline})},
		{"create no status", "chatio.BotAgents.Create", "status", create(&chatio.CreateBotAgentParams{Name: "a"})},
		{"create bad status", "chatio.BotAgents.Create", "status", create(&chatio.CreateBotAgentParams{Name: "a", Status: "Offline"})},
		{"create negative max", "chatio.BotAgents.Create", "max_chats_count", create(&chatio.CreateBotAgentParams{Name: "a", Status: chatio.StatusOffline, MaxChatsCount: chatsdk.Ptr(-1)})},
		{"create group without priority", "chatio.BotAgents.Create", "groups[1].priority", create(&chatio.CreateBotAgentParams{
			Name: "a", Status: chatio.StatusOffline, Groups: []chatio.Group{{ID: 0, Priority: chatio.PriorityFirst}, {ID: 1}},
		})},
		{"create bad priority", "chatio.BotAgents.Create", "groups[0].priority", create(&chatio.CreateBotAgentParams{
			Name: "a", Status: chatio.StatusOffline, Groups: []chatio.Group{{Priority: "high"}},
		})},
		{"create webhook without url", "chatio.BotAgents.Create", "webhooks.url", create(&chatio.CreateBotAgentParams{
			Name: "a", Status: chatio.StatusOffline, Webhooks: withWebhooks(func(w *chatio.BotAgentWebhooks) { w.URL = "" }),
		})},
		{"create webhook relative url", "chatio.BotAgents.Create", "webhooks.url", create(&chatio.CreateBotAgentParams{
			Name: "a", Status: chatio.StatusOffline, Webhooks: withWebhooks(func(w *chatio.BotAgentWebhooks) { w.URL = "myservice.com/webhooks" }),
		})},
		{"create webhook without secret", "chatio.BotAgents.Create", "webhooks.secret_key", create(&chatio.CreateBotAgentParams{
			Name: "a", Status: chatio.StatusOffline, Webhooks: withWebhooks(func(w *chatio.BotAgentWebhooks) { w.SecretKey = "" }),
		})},
		{"create webhook without actions", "chatio.BotAgents.Create", "webhooks.actions", create(&chatio.CreateBotAgentParams{
			Name: "a", Status: chatio.StatusOffline, Webhooks: withWebhooks(func(w *chatio.BotAgentWebhooks) { w.Actions = nil }),
		})},
		{"create webhook unknown action", "chatio.BotAgents.Create", "webhooks.actions[1].name", create(&chatio.CreateBotAgentParams{
			Name: "a", Status: chatio.StatusOffline, Webhooks: withWebhooks(func(w *chatio.BotAgentWebhooks) {
				w.Actions = append(w.Actions, chatio.BotAgentWebhookAction{Name: "incoming_message"})
			}),
		})},
		{"create webhook bad filter", "chatio.BotAgents.Create", "webhooks.actions[0].filters.thread_properties.ns.n", create(&chatio.CreateBotAgentParams{
			Name: "a", Status: chatio.StatusOffline, Webhooks: withWebhooks(func(w *chatio.BotAgentWebhooks) {
				w.Actions[0].Filters = &chatio.Filters{ThreadProperties: chatio.PropertyFilters{"ns": {"n": {}}}}
			}),
		})},
		{"update no id", "chatio.BotAgents.Update", "id", update("", &chatio.UpdateBotAgentParams{Name: "x"})},
		{"update bad status", "chatio.BotAgents.Update", "status", update("b1", &chatio.UpdateBotAgentParams{Status: "away"})},
		{"update negative max", "chatio.BotAgents.Update", "max_chats_count", update("b1", &chatio.UpdateBotAgentParams{MaxChatsCount: &negative})},
		{"update bad priority", "chatio.BotAgents.Update", "groups[0].priority", update("b1", &chatio.UpdateBotAgentParams{Groups: &[]chatio.Group{{}}})},
		{"update webhook without secret", "chatio.BotAgents.Update", "webhooks.secret_key", update("b1", &chatio.UpdateBotAgentParams{
			Webhooks: withWebhooks(func(w *chatio.BotAgentWebhooks) { w.SecretKey = "" }),
		})},
		{"remove no id", "chatio.BotAgents.Remove", "bot_agent_id", func(ctx context.Context, c *chatio.Client) error { return c.BotAgents.Remove(ctx, " ") }},
		{"get no id", "chatio.BotAgents.Get", "bot_agent_id", func(ctx context.Context, c *chatio.Client) error { _, err := c.BotAgents.Get(ctx, ""); return err }},
		{"register nil", "chatio.Webhooks.Register", "", register(nil)},
		{"register no url", "chatio.Webhooks.Register", "url", register(hook(func(p *chatio.RegisterWebhookParams) { p.URL = "" }))},
		{"register ftp url", "chatio.Webhooks.Register", "url", register(hook(func(p *chatio.RegisterWebhookParams) { p.URL = "ftp://x.example/" }))},
		{"register no action", "chatio.Webhooks.Register", "action", register(hook(func(p *chatio.RegisterWebhookParams) { p.Action = "" }))},
		{"register unknown action", "chatio.Webhooks.Register", "action", register(hook(func(p *chatio.RegisterWebhookParams) { p.Action = "chat_closed" }))},
		{"register no secret", "chatio.Webhooks.Register", "secret_key", register(hook(func(p *chatio.RegisterWebhookParams) { p.SecretKey = "" }))},
		{"register two filter types", "chatio.Webhooks.Register", "filters.chat_properties.source.type", register(hook(func(p *chatio.RegisterWebhookParams) {
			p.Filters = chatio.NewFilters(
				chatio.ChatProperty("source", "type").Values("facebook"),
				chatio.ChatProperty("source", "type").ExcludeValues("twitter"),
			)
		}))},
		{"register empty values", "chatio.Webhooks.Register", "filters.event_properties.ns.n.values", register(hook(func(p *chatio.RegisterWebhookParams) {
			p.Filters = chatio.NewFilters(chatio.EventProperty("ns", "n").Values())
		}))},
		{"register mixed values", "chatio.Webhooks.Register", "filters.chat_properties.ns.n.exclude_values[1]", register(hook(func(p *chatio.RegisterWebhookParams) {
			p.Filters = chatio.NewFilters(chatio.ChatProperty("ns", "n").ExcludeValues("a", 1))
		}))},
		{"register float value", "chatio.Webhooks.Register", "filters.chat_properties.ns.n.values[0]", register(hook(func(p *chatio.RegisterWebhookParams) {
			p.Filters = chatio.NewFilters(chatio.ChatProperty("ns", "n").Values(1.5))
		}))},
		{"register empty namespace", "chatio.Webhooks.Register", "filters.chat_properties", register(hook(func(p *chatio.RegisterWebhookParams) {
			p.Filters = chatio.NewFilters(chatio.ChatProperty("", "n").Exists(true))
		}))},
		{"register empty name", "chatio.Webhooks.Register", "filters.chat_properties.ns", register(hook(func(p *chatio.RegisterWebhookParams) {
			p.Filters = chatio.NewFilters(chatio.ChatProperty("ns", "").Exists(false))
		}))},
		{"register no member", "chatio.Webhooks.Register", "filters.chat_member_ids.agents", register(hook(func(p *chatio.RegisterWebhookParams) {
			p.Filters = chatio.NewFilters(chatio.ChatMembers())
		}))},
		{"register empty member", "chatio.Webhooks.Register", "filters.chat_member_ids.agents[1]", register(hook(func(p *chatio.RegisterWebhookParams) {
			p.Filters = chatio.NewFilters(chatio.ChatMembers("a@example.com", ""))
		}))},
		{"unregister no id", "chatio.Webhooks.Unregister", "webhook_id", func(ctx context.Context, c *chatio.Client) error { return c.Webhooks.Unregister(ctx, "") }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ts := newTestServer(t, answer(http.StatusOK, []byte(`{}`)))
			err := tc.call(context.Background(), newClient(t, ts))
			require.Error(t, err)
			assert.EqualValues(t, 0, ts.receipts.Load(), "nothing is sent")
			assert.ErrorIs(t, err, chatio.ErrInvalidParams)
			var ve *chatsdk.ParamError
			require.ErrorAs(t, err, &ve, "%T", err)
			assert.Equal(t, tc.operation, ve.Operation)
			assert.Equal(t, tc.field, ve.Field)
			assert.NotEmpty(t, ve.Problem)
			t.Log(err)
		})
	}
}

func TestValidValues(t *testing.T) {
	for _, vs := range [][]any{
		{"a", "b"}, {1, int64(2), uint8(3)}, {true, false}, {2.0}, {chatio.StatusOffline},
	} {
		assert.NoError(t, chatio.NewFilters(chatio.ChatProperty("ns", "n").Values(vs...)).Validate(), "%v", vs)
	}
	var nilFilters *chatio.Filters
	assert.NoError(t, nilFilters.Validate())
	assert.NoError(t, (*chatio.UpdateBotAgentParams)(nil).Validate())
}

func TestEnums(t *testing.T) {
	for _, s := range []chatio.AgentStatus{chatio.StatusAcceptingChats, chatio.StatusNotAcceptingChats, chatio.StatusOffline} {
		assert.True(t, s.Valid(), s)
	}
	assert.Equal(t, chatio.StatusAcceptingChats, chatio.AgentStatus("accepting chats"))
	assert.Equal(t, chatio.StatusNotAcceptingChats, chatio.AgentStatus("not accepting chats"))
	assert.False(t, chatio.AgentStatus("Offline").Valid())
	assert.False(t, chatio.AgentStatus("").Valid())
	for _, p := range []chatio.GroupPriority{chatio.PriorityFirst, chatio.PriorityNormal, chatio.PriorityLast} {
		assert.True(t, p.Valid(), p)
	}
	assert.False(t, chatio.GroupPriority("high").Valid())

	assert.Equal(t, []chatio.WebhookAction{
		"incoming_chat_thread", "chat_users_updated", "incoming_event", "last_seen_timestamp_updated",
		"thread_closed", "chat_scopes_updated", "chat_properties_updated", "chat_thread_properties_updated",
	}, chatio.WebhookActions())
	for _, a := range chatio.WebhookActions() {
		assert.True(t, a.Valid(), a)
	}
	assert.False(t, chatio.WebhookAction("incoming_chat").Valid())
	actions := chatio.WebhookActions()
	actions[0] = "changed"
	assert.Equal(t, chatio.ActionIncomingChatThread, chatio.WebhookActions()[0], "a copy is returned")
}

// TestValidParamsAllocateNothing pins that validation builds field paths and
// messages only for a value that fails: checking a valid value, however
// nested, allocates nothing.
func TestValidParamsAllocateNothing(t *testing.T) {
	webhooks := &chatio.BotAgentWebhooks{
		URL:       "https://bot.example.com:8443/hooks/chatio?tenant=a-1#x",
		SecretKey: "k",
		Actions: []chatio.BotAgentWebhookAction{
			{Name: chatio.ActionIncomingEvent, Filters: chatio.NewFilters(
				chatio.EventProperty("ns", "n").Values("a", "b"),
				chatio.ChatProperty("source", "type").ExcludeValues(1, 2),
			)},
			{Name: chatio.ActionThreadClosed, Filters: chatio.NewFilters(
				chatio.ThreadProperty("rating", "score").Exists(true),
				chatio.ChatMembers("agent@example.com"),
			)},
		},
	}
	groups := []chatio.Group{{ID: 0, Priority: chatio.PriorityNormal}, {ID: 1, Priority: chatio.PriorityFirst}, {ID: 2, Priority: chatio.PriorityLast}}
	tests := map[string]interface{ Validate() error }{
		"create": &chatio.CreateBotAgentParams{
			Name: "John Doe", Status: chatio.StatusAcceptingChats, MaxChatsCount: chatsdk.Ptr(6),
			Groups: groups, Webhooks: webhooks,
		},
		"update": &chatio.UpdateBotAgentParams{
			Name: "x", Status: chatio.StatusOffline, MaxChatsCount: chatsdk.Ptr(0), Groups: &groups, Webhooks: webhooks,
		},
		"register": &chatio.RegisterWebhookParams{
			URL: "http://bot.example.com/hook", Action: chatio.ActionIncomingEvent, SecretKey: "k",
			Filters: webhooks.Actions[0].Filters,
		},
		"filters": webhooks.Actions[1].Filters,
	}
	for name, p := range tests {
		t.Run(name, func(t *testing.T) {
			require.NoError(t, p.Validate())
			assert.Zero(t, testing.AllocsPerRun(100, func() { _ = p.Validate() }))
		})
	}
}
