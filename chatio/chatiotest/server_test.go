package chatiotest_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/chatio"
	"github.com/chatsdk-go/chatsdk/chatio/chatiotest"
)

func newClient(t *testing.T, srv *chatiotest.Server, token string) *chatio.Client {
	t.Helper()
	c, err := chatio.NewClient(token, chatsdk.WithBaseURL(srv.BaseURL), chatsdk.WithMaxRetries(0))
	require.NoError(t, err)
	return c
}

func setup(t *testing.T, opts ...chatiotest.Option) (*chatiotest.Server, *chatio.Client) {
	t.Helper()
	srv := chatiotest.NewServer(opts...)
	t.Cleanup(srv.Close)
	return srv, newClient(t, srv, srv.Token)
}

func requireAPIError(t *testing.T, err error, status int, typ string) *chatsdk.APIError {
	t.Helper()
	var apiErr *chatsdk.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, status, apiErr.StatusCode)
	assert.Equal(t, typ, apiErr.Type)
	assert.NotEmpty(t, apiErr.Message)
	return apiErr
}

func TestServerDefaults(t *testing.T) {
	srv := chatiotest.NewServer()
	defer srv.Close()
	assert.Equal(t, chatiotest.DefaultToken, srv.Token)
	assert.Equal(t, chatiotest.DefaultClientID, srv.ClientID)
	assert.Equal(t, srv.URL+"/configuration/v0.4", srv.BaseURL)
}

func TestBotAgentLifecycle(t *testing.T) {
	ctx := context.Background()
	srv, c := setup(t, chatiotest.WithClientID("app-1"))

	created, err := c.BotAgents.Create(ctx, &chatio.CreateBotAgentParams{
		Name:   "Bot",
		Avatar: "https://example.com/a.png",
		Status: chatio.StatusAcceptingChats,
		Webhooks: &chatio.BotAgentWebhooks{
			URL:       "https://bot.example.com/hook",
			SecretKey: "s",
			Actions: []chatio.BotAgentWebhookAction{{
				Name:    chatio.ActionIncomingChatThread,
				Filters: chatio.NewFilters(chatio.ChatProperty("source", "type").Values("facebook")),
			}},
		},
	})
	require.NoError(t, err)
	assert.Regexp(t, `^[0-9a-f]{32}$`, created.BotAgentID)

	bot, err := c.BotAgents.Get(ctx, created.BotAgentID)
	require.NoError(t, err)
	assert.Equal(t, &chatio.BotAgent{
		ID:            created.BotAgentID,
		Name:          "Bot",
		Avatar:        "https://example.com/a.png",
		Status:        chatio.StatusAcceptingChats,
		Application:   &chatio.Application{ClientID: "app-1"},
		MaxChatsCount: 6,
		Groups:        []chatio.Group{{ID: 0, Priority: chatio.PriorityNormal}},
		Webhooks: &chatio.BotAgentWebhooks{
			URL:       "https://bot.example.com/hook",
			SecretKey: "s",
			Actions: []chatio.BotAgentWebhookAction{{
				Name: chatio.ActionIncomingChatThread,
				Filters: &chatio.Filters{ChatProperties: chatio.PropertyFilters{
					"source": {"type": {Values: chatio.PropertyValues{"facebook"}}},
				}},
			}},
		},
	}, bot)

	zero := 0
	require.NoError(t, c.BotAgents.Update(ctx, created.BotAgentID, &chatio.UpdateBotAgentParams{
		Status:        chatio.StatusOffline,
		MaxChatsCount: &zero,
		Groups:        &[]chatio.Group{{ID: 0, Priority: chatio.PriorityFirst}},
	}))
	bot, err = c.BotAgents.Get(ctx, created.BotAgentID)
	require.NoError(t, err)
	assert.Equal(t, "Bot", bot.Name, "unchanged fields stay")
	assert.Equal(t, chatio.StatusOffline, bot.Status)
	assert.Equal(t, 0, bot.MaxChatsCount)
	assert.Equal(t, []chatio.Group{{ID: 0, Priority: chatio.PriorityFirst}}, bot.Groups)
	require.NotNil(t, bot.Webhooks)

	two := 2
	second, err := c.BotAgents.Create(ctx, &chatio.CreateBotAgentParams{Name: "Two", Status: chatio.StatusOffline, MaxChatsCount: &two})
	require.NoError(t, err)
	list, err := c.BotAgents.List(ctx, nil)
	require.NoError(t, err)
	assert.Equal(t, []chatio.BotAgent{
		{ID: created.BotAgentID, Name: "Bot", Avatar: "https://example.com/a.png", Status: chatio.StatusOffline},
		{ID: second.BotAgentID, Name: "Two", Status: chatio.StatusOffline},
	}, list, "get_bot_agents answers the summary fields only")
	all, err := c.BotAgents.List(ctx, &chatio.ListBotAgentsParams{All: true})
	require.NoError(t, err)
	assert.Equal(t, list, all)

	require.NoError(t, c.BotAgents.Remove(ctx, created.BotAgentID))
	_, err = c.BotAgents.Get(ctx, created.BotAgentID)
	require.ErrorIs(t, err, chatsdk.ErrNotFound)
	_ = requireAPIError(t, err, http.StatusNotFound, chatio.ErrorTypeNotFound)
	assert.Len(t, srv.BotAgents(), 1)
}

func TestUnknownIDs(t *testing.T) {
	ctx := context.Background()
	_, c := setup(t)
	for name, err := range map[string]error{
		"get":        func() error { _, err := c.BotAgents.Get(ctx, "nope"); return err }(),
		"update":     c.BotAgents.Update(ctx, "nope", &chatio.UpdateBotAgentParams{Name: "x"}),
		"remove":     c.BotAgents.Remove(ctx, "nope"),
		"unregister": c.Webhooks.Unregister(ctx, "nope"),
	} {
		t.Run(name, func(t *testing.T) {
			require.ErrorIs(t, err, chatsdk.ErrNotFound)
			apiErr := requireAPIError(t, err, http.StatusNotFound, chatio.ErrorTypeNotFound)
			assert.Contains(t, apiErr.Message, `"nope"`)
		})
	}
}

func TestWebhookLifecycle(t *testing.T) {
	ctx := context.Background()
	srv, c := setup(t)
	filters := chatio.NewFilters(
		chatio.ChatProperty("source", "type").Values("facebook", "twitter"),
		chatio.ChatProperty("rating", "comment").Exists(true),
		chatio.ChatMembers("johndoe@mail.com"),
	)
	reg, err := c.Webhooks.Register(ctx, &chatio.RegisterWebhookParams{
		URL: "http://myservice.com/webhooks", Description: "Test webhook",
		Action: chatio.ActionThreadClosed, SecretKey: "laudla991lamda0pnoaa0", Filters: filters,
	})
	require.NoError(t, err)
	assert.Regexp(t, `^[a-z0-9]{25}$`, reg.WebhookID)

	hooks, err := c.Webhooks.List(ctx)
	require.NoError(t, err)
	require.Len(t, hooks, 1)
	assert.Equal(t, chatio.Webhook{
		WebhookID: reg.WebhookID, URL: "http://myservice.com/webhooks", Description: "Test webhook",
		Action: chatio.ActionThreadClosed, SecretKey: "laudla991lamda0pnoaa0", Filters: filters,
	}, hooks[0])
	assert.Equal(t, hooks, srv.Webhooks())

	require.NoError(t, c.Webhooks.Unregister(ctx, reg.WebhookID))
	hooks, err = c.Webhooks.List(ctx)
	require.NoError(t, err)
	assert.Empty(t, hooks)
	assert.ErrorIs(t, c.Webhooks.Unregister(ctx, reg.WebhookID), chatsdk.ErrNotFound)
}

func TestAuthentication(t *testing.T) {
	ctx := context.Background()
	srv, _ := setup(t, chatiotest.WithToken("right"))
	assert.Equal(t, "right", srv.Token)
	c := newClient(t, srv, "wrong")
	_, err := c.BotAgents.List(ctx, nil)
	require.ErrorIs(t, err, chatsdk.ErrUnauthorized)
	_ = requireAPIError(t, err, http.StatusUnauthorized, chatio.ErrorTypeAuthentication)

	resp, err := http.Post(srv.BaseURL+"/agents/get_bot_agents", "application/json", strings.NewReader("{}"))
	require.NoError(t, err)
	defer resp.Body.Close()
	assert.Equal(t, http.StatusUnauthorized, resp.StatusCode, "missing token")
	assert.JSONEq(t, `{"error":{"type":"authentication","message":"Authentication error"}}`, readAll(t, resp.Body))
}

func readAll(t *testing.T, r io.Reader) string {
	t.Helper()
	b, err := io.ReadAll(r)
	require.NoError(t, err)
	return string(b)
}

// rawPost sends body to endpoint with the right token, bypassing the
// client's own validation.
func rawPost(t *testing.T, srv *chatiotest.Server, method, endpoint, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, srv.BaseURL+endpoint, strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+srv.Token)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	return resp.StatusCode, readAll(t, resp.Body)
}

func TestServerValidation(t *testing.T) {
	srv, _ := setup(t)
	tests := []struct {
		name, method, endpoint, body string
		status                       int
		inMessage                    string
	}{
		{"missing name", "POST", "/agents/create_bot_agent", `{"status":"offline"}`, 400, "name"},
		{"bad status", "POST", "/agents/create_bot_agent", `{"name":"a","status":"busy"}`, 400, "status"},
		{"bad priority", "POST", "/agents/create_bot_agent", `{"name":"a","status":"offline","groups":[{"id":0,"priority":"top"}]}`, 400, "groups[0].priority"},
		{"unknown field", "POST", "/agents/create_bot_agent", `{"name":"a","status":"offline","colour":"b"}`, 400, "colour"},
		{"not JSON", "POST", "/agents/create_bot_agent", `{"name":`, 400, "Wrong format"},
		{"update without id", "POST", "/agents/update_bot_agent", `{"name":"x"}`, 400, "id"},
		{"remove without id", "POST", "/agents/remove_bot_agent", `{}`, 400, "bot_agent_id"},
		{"details without id", "POST", "/agents/get_bot_agent_details", `{}`, 400, "bot_agent_id"},
		{"register without secret", "POST", "/webhooks/register_webhook", `{"url":"http://a.example","action":"incoming_event"}`, 400, "secret_key"},
		{"register bad action", "POST", "/webhooks/register_webhook", `{"url":"http://a.example","action":"nope","secret_key":"s"}`, 400, "action"},
		{"register two filter types", "POST", "/webhooks/register_webhook",
			`{"url":"http://a.example","action":"incoming_event","secret_key":"s","filters":{"chat_properties":{"a":{"b":{"exists":true,"values":["x"]}}}}}`,
			400, "chat_properties.a.b"},
		{"unregister without id", "POST", "/webhooks/unregister_webhook", `{}`, 400, "webhook_id"},
		{"GET", "GET", "/agents/get_bot_agents", ``, 405, "POST"},
		{"unknown endpoint", "POST", "/agents/nope", `{}`, 404, "no endpoint"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			status, body := rawPost(t, srv, tc.method, tc.endpoint, tc.body)
			assert.Equal(t, tc.status, status)
			var e struct {
				Error struct {
					Type    string `json:"type"`
					Message string `json:"message"`
				} `json:"error"`
			}
			require.NoError(t, json.Unmarshal([]byte(body), &e), body)
			assert.NotEmpty(t, e.Error.Type)
			assert.Contains(t, e.Error.Message, tc.inMessage)
		})
	}
	assert.Empty(t, srv.BotAgents())
	assert.Empty(t, srv.Webhooks())
}

func TestEmptyListsAreArrays(t *testing.T) {
	srv, _ := setup(t)
	_, body := rawPost(t, srv, "POST", "/agents/get_bot_agents", `{"all":false}`)
	assert.JSONEq(t, `{"bot_agents":[]}`, body)
	_, body = rawPost(t, srv, "POST", "/webhooks/get_webhooks_config", ``)
	assert.JSONEq(t, `{"webhooks_config":[]}`, body)
}

// receiver records the webhooks it gets.
type receiver struct {
	*httptest.Server
	mu     sync.Mutex
	got    []map[string]any
	status int
}

func newReceiver(t *testing.T, status int) *receiver {
	r := &receiver{status: status}
	r.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		var m map[string]any
		if req.Method != http.MethodPost || req.Header.Get("Content-Type") != "application/json" ||
			json.NewDecoder(req.Body).Decode(&m) != nil {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		r.mu.Lock()
		r.got = append(r.got, m)
		r.mu.Unlock()
		w.WriteHeader(r.status)
		_, _ = io.WriteString(w, "nope")
	}))
	t.Cleanup(r.Close)
	return r
}

func (r *receiver) deliveries() []map[string]any {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]map[string]any(nil), r.got...)
}

func TestDeliver(t *testing.T) {
	ctx := context.Background()
	srv, c := setup(t)
	rcv := newReceiver(t, http.StatusOK)
	reg, err := c.Webhooks.Register(ctx, &chatio.RegisterWebhookParams{
		URL: rcv.URL + "/hook", Action: chatio.ActionIncomingEvent, SecretKey: "s3cret",
	})
	require.NoError(t, err)

	require.NoError(t, srv.Deliver(ctx, reg.WebhookID, json.RawMessage(`{"chat_id":"c1","event":{"type":"message","text":"hi"}}`)))
	require.NoError(t, srv.Deliver(ctx, reg.WebhookID, map[string]string{"chat_id": "c2"}))
	require.NoError(t, srv.Deliver(ctx, reg.WebhookID, nil))
	got := rcv.deliveries()
	require.Len(t, got, 3)
	assert.Equal(t, map[string]any{
		"webhook_id": reg.WebhookID, "secret_key": "s3cret", "action": "incoming_event",
		"data": map[string]any{"chat_id": "c1", "event": map[string]any{"type": "message", "text": "hi"}},
	}, got[0])
	assert.Equal(t, map[string]any{"chat_id": "c2"}, got[1]["data"])
	assert.Equal(t, map[string]any{}, got[2]["data"])

	err = srv.Deliver(ctx, "unknown", nil)
	assert.ErrorIs(t, err, chatiotest.ErrUnknownWebhook)
}

func TestDeliverReceiverRefuses(t *testing.T) {
	ctx := context.Background()
	srv, c := setup(t)
	rcv := newReceiver(t, http.StatusUnauthorized)
	reg, err := c.Webhooks.Register(ctx, &chatio.RegisterWebhookParams{URL: rcv.URL, Action: chatio.ActionThreadClosed, SecretKey: "s"})
	require.NoError(t, err)
	err = srv.Deliver(ctx, reg.WebhookID, nil)
	var de *chatiotest.DeliveryError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, http.StatusUnauthorized, de.StatusCode)
	assert.Equal(t, reg.WebhookID, de.WebhookID)
	assert.Equal(t, "nope", string(de.Body))
}

func TestDeliverAction(t *testing.T) {
	ctx := context.Background()
	srv, c := setup(t)
	ok1, ok2, bad, other := newReceiver(t, 200), newReceiver(t, 204), newReceiver(t, 500), newReceiver(t, 200)
	for _, r := range []struct {
		url    string
		action chatio.WebhookAction
	}{{ok1.URL, chatio.ActionIncomingEvent}, {ok2.URL, chatio.ActionIncomingEvent}, {bad.URL, chatio.ActionIncomingEvent}, {other.URL, chatio.ActionThreadClosed}} {
		_, err := c.Webhooks.Register(ctx, &chatio.RegisterWebhookParams{URL: r.url, Action: r.action, SecretKey: "k"})
		require.NoError(t, err)
	}
	n, err := srv.DeliverAction(ctx, chatio.ActionIncomingEvent, map[string]int{"n": 1})
	assert.Equal(t, 2, n)
	var de *chatiotest.DeliveryError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, 500, de.StatusCode)
	assert.Len(t, ok1.deliveries(), 1)
	assert.Len(t, ok2.deliveries(), 1)
	assert.Len(t, bad.deliveries(), 1)
	assert.Empty(t, other.deliveries())
}

func TestSendArbitraryDelivery(t *testing.T) {
	ctx := context.Background()
	srv, _ := setup(t)
	rcv := newReceiver(t, 200)
	require.NoError(t, srv.Send(ctx, rcv.URL, chatiotest.Delivery{
		WebhookID: "w", SecretKey: "wrong", Action: "some_future_action", Data: []byte(`[1,2]`),
	}))
	assert.Equal(t, []map[string]any{{"webhook_id": "w", "secret_key": "wrong", "action": "some_future_action", "data": []any{1.0, 2.0}}}, rcv.deliveries())
	err := srv.Send(ctx, "http://127.0.0.1:1/unreachable", chatiotest.Delivery{})
	require.Error(t, err)
	assert.NotErrorAs(t, err, new(*chatiotest.DeliveryError))
}

func TestStateIsCopied(t *testing.T) {
	ctx := context.Background()
	srv, c := setup(t)
	p := &chatio.CreateBotAgentParams{Name: "a", Status: chatio.StatusOffline, Groups: []chatio.Group{{ID: 0, Priority: chatio.PriorityLast}}}
	created, err := c.BotAgents.Create(ctx, p)
	require.NoError(t, err)
	bots := srv.BotAgents()
	bots[0].Groups[0].Priority = chatio.PriorityFirst
	got, err := c.BotAgents.Get(ctx, created.BotAgentID)
	require.NoError(t, err)
	assert.Equal(t, chatio.PriorityLast, got.Groups[0].Priority)

	srv.Reset()
	assert.Empty(t, srv.BotAgents())
}

func TestConcurrentUse(t *testing.T) {
	ctx := context.Background()
	srv, c := setup(t)
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			created, err := c.BotAgents.Create(ctx, &chatio.CreateBotAgentParams{Name: "bot", Status: chatio.StatusOffline})
			if !assert.NoError(t, err) {
				return
			}
			_, err = c.BotAgents.List(ctx, nil)
			assert.NoError(t, err)
			if i%2 == 0 {
				assert.NoError(t, c.BotAgents.Remove(ctx, created.BotAgentID))
			}
		}()
	}
	wg.Wait()
	assert.Len(t, srv.BotAgents(), 8)
}
