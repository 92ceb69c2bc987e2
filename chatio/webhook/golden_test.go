package webhook

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"sort"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/chatsdk-go/chatsdk/chatio"
	"github.com/chatsdk-go/chatsdk/internal/testkit"
)

// deliverFixture sends the fixture of action through a Handler on which
// register installed one typed handler, and fails unless it answered 200.
func deliverFixture(t *testing.T, action chatio.WebhookAction, register func(h *Handler, called *bool)) {
	t.Helper()
	h := newTestHandler(t)
	h.OnUnknownAction(func(context.Context, *Webhook) error {
		t.Errorf("%s reached the fallback", action)
		return nil
	})
	var called bool
	register(h, &called)
	w := serve(h, newRequest(context.Background(), fixture(t, action)))
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	require.True(t, called, "the %s handler was not called", action)
}

func checkEnvelope(t *testing.T, wh *Webhook, action chatio.WebhookAction) {
	t.Helper()
	assert.Equal(t, testWebhookID, wh.ID)
	assert.Equal(t, action, wh.Action)
	assert.NotEmpty(t, wh.Data)
}

var ratingGood = Properties{"rating": {
	"score":   {Value: json.RawMessage("1")},
	"comment": {Value: json.RawMessage(`"rated good!"`)},
}}

func TestGoldenIncomingChatThread(t *testing.T) {
	deliverFixture(t, chatio.ActionIncomingChatThread, func(h *Handler, called *bool) {
		h.OnIncomingChatThread(func(_ context.Context, wh *Webhook, p *IncomingChatThread) error {
			*called = true
			checkEnvelope(t, wh, chatio.ActionIncomingChatThread)
			chat := p.Chat
			assert.Equal(t, "a0c22fdd-fb71-40b5-bfc6-a8a0bc3117f5", chat.ID)
			assert.Equal(t, "facebook", chat.Properties["source"]["type"].String(), "bare property value")
			idle, ok := chat.Properties.Get("routing", "idle")
			assert.True(t, ok)
			var idleValue bool
			require.NoError(t, idle.Decode(&idleValue))
			assert.False(t, idleValue)

			require.Len(t, chat.Users, 2)
			customer, ok := chat.Users[0].(*Customer)
			require.True(t, ok, "users[0] is %T", chat.Users[0])
			assert.Equal(t, UserBase{
				ID: "b7eff798-f8df-4364-8059-649c35c9ed0c", Type: UserTypeCustomer, Name: "John Smith",
				Email: "john@gmail.com", Present: true, LastSeenTimestamp: 1473433500,
			}, customer.UserBase)
			assert.Equal(t, &Monitoring{
				CurrentVisit: &Visit{Start: 1474659379, Pages: []VisitPage{
					{Start: 1474659379, URL: "https://www.livechatinc.com/", Title: "LiveChat - Homepage"},
					{Start: 1474659393, URL: "https://www.livechatinc.com/tour", Title: "LiveChat - Tour"},
				}},
				Stats:     &VisitStats{Visits: 16, Threads: 7, PageViews: 29, LastVisit: 1474636646},
				Referrer:  "http://www.google.com/",
				IP:        "194.181.146.130",
				Host:      "87-99-47-205.internetia.net.pl",
				UserAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_6) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/53.0.2785.116 Safari/537.36",
				Geolocation: &Geolocation{Country: "Poland", CountryCode: "PL", Region: "Dolnoslaskie",
					City: "Wroclaw", Timezone: "Europe/Warsaw"},
			}, customer.Monitoring)
			assert.Equal(t, map[string]string{"custom field name": "custom field value"}, customer.Fields)
			assert.False(t, customer.Banned)
			assert.Equal(t, "1", customer.Properties["rating"]["score"].String())

			agent, ok := chat.Users[1].(*Agent)
			require.True(t, ok, "users[1] is %T", chat.Users[1])
			assert.Equal(t, &Agent{
				UserBase: UserBase{ID: "75a90b82-e6a4-4ded-b3eb-cb531741ee0d", Type: UserTypeAgent, Name: "Support Team",
					Email: "john@gmail.com", Present: true, LastSeenTimestamp: 1473433500},
				Avatar:        "cdn.livechatinc.com/avatars/1.png",
				RoutingStatus: "accepting_chats",
			}, agent)

			th := chat.Thread
			assert.Equal(t, "a0c22fdd-fb71-40b5-bfc6-a8a0bc3117f5", th.ID)
			assert.Equal(t, Timestamp(1473433500), th.Timestamp)
			assert.Equal(t, "2016-09-09T15:05:00Z", th.Timestamp.Time().Format("2006-01-02T15:04:05Z07:00"))
			assert.True(t, th.Active)
			assert.Equal(t, []string{"john@gmail.com"}, th.UserIDs)
			assert.Equal(t, int64(112057129857), th.Order)
			assert.Equal(t, ratingGood, th.Properties)

			require.Len(t, th.Events, 6)
			assert.Equal(t, &Message{EventBase: EventBase{
				ID: "0affb00a-82d6-4e07-ae61-56ba5c36f743", CustomID: "12345-bhdsa", Order: 1, Type: EventTypeMessage,
				AuthorID: "b7eff798-f8df-4364-8059-649c35c9ed0c", Timestamp: 1473433500, Recipients: RecipientsAll,
				Properties: ratingGood,
			}, Text: "hello there"}, th.Events[0])

			sys, ok := th.Events[1].(*SystemMessage)
			require.True(t, ok, "events[1] is %T", th.Events[1])
			assert.Equal(t, "hello there", sys.Text)
			assert.Empty(t, sys.AuthorID)
			assert.Equal(t, int64(2), sys.Base().Order)

			ann, ok := th.Events[2].(*Annotation)
			require.True(t, ok, "events[2] is %T", th.Events[2])
			assert.Equal(t, "Sample annotation", ann.Text)
			assert.Equal(t, "rating", ann.AnnotationType)

			form, ok := th.Events[3].(*FilledForm)
			require.True(t, ok, "events[3] is %T", th.Events[3])
			require.Len(t, form.Fields, 5)
			assert.Equal(t, FormField{Type: "text", Name: "name", Label: "Your name", Required: true, Value: "Jan Kowalski"}, form.Fields[0])
			assert.Equal(t, FormField{Type: "radio", Name: "purpose", Label: "Chat purpose", Required: true, Options: []FormOption{
				{Label: "Support", Value: "support", Checked: true}, {Label: "Sale", Value: "sale", Checked: false},
			}}, form.Fields[2])
			assert.Equal(t, "pl", form.Fields[4].Options[1].Value)

			file, ok := th.Events[4].(*File)
			require.True(t, ok, "events[4] is %T", th.Events[4])
			assert.Equal(t, "image25.png", file.Name)
			assert.Equal(t, "https://domain.com/asdsfdsf.png", file.URL)
			assert.Equal(t, "image/png", file.ContentType)
			assert.Equal(t, int64(123444), file.Size)
			assert.Equal(t, 640, file.Width)
			assert.Equal(t, 480, file.Height)

			custom, ok := th.Events[5].(*CustomEvent)
			require.True(t, ok, "events[5] is %T", th.Events[5])
			assert.JSONEq(t, `{"custom": {"nested": "json"}}`, string(custom.Content))
			assert.Equal(t, RecipientsAgents, custom.Recipients)
			return nil
		})
	})
}

func TestGoldenChatUsersUpdated(t *testing.T) {
	deliverFixture(t, chatio.ActionChatUsersUpdated, func(h *Handler, called *bool) {
		h.OnChatUsersUpdated(func(_ context.Context, wh *Webhook, p *ChatUsersUpdated) error {
			*called = true
			checkEnvelope(t, wh, chatio.ActionChatUsersUpdated)
			assert.Equal(t, "a0c22fdd-fb71-40b5-bfc6-a8a0bc3117f5", p.ChatID)
			cs := p.UpdatedUsers.Customers
			require.Len(t, cs.Added, 1)
			assert.Equal(t, "John Smith", cs.Added[0].Name)
			assert.Equal(t, UserTypeCustomer, cs.Added[0].Type)
			assert.Equal(t, 29, cs.Added[0].Monitoring.Stats.PageViews)
			assert.Equal(t, "Europe/Warsaw", cs.Added[0].Monitoring.Geolocation.Timezone)
			assert.Equal(t, []string{}, cs.RemovedIDs)
			as := p.UpdatedUsers.Agents
			require.Len(t, as.Added, 1)
			assert.Equal(t, "accepting_chats", as.Added[0].RoutingStatus)
			assert.Equal(t, "cdn.livechatinc.com/avatars/1.png", as.Added[0].Avatar)
			assert.Equal(t, []string{"75a90b82-e6a4-4ded-b3eb-cb531741ee0d"}, as.RemovedIDs)
			return nil
		})
	})
}

func TestGoldenIncomingEvent(t *testing.T) {
	deliverFixture(t, chatio.ActionIncomingEvent, func(h *Handler, called *bool) {
		h.OnIncomingEvent(func(_ context.Context, wh *Webhook, p *IncomingEvent) error {
			*called = true
			checkEnvelope(t, wh, chatio.ActionIncomingEvent)
			assert.Equal(t, &IncomingEvent{
				ChatID: "85f3bfc9-06c1-434e-958b-2a5239b07de8",
				Event: &Message{EventBase: EventBase{
					ID: "0affb00a-82d6-4e07-ae61-56ba5c36f743", CustomID: "12345-bhdsa", Order: 1, Type: EventTypeMessage,
					AuthorID: "b7eff798-f8df-4364-8059-649c35c9ed0c", Timestamp: 1473433500, Recipients: RecipientsAll,
					Properties: ratingGood,
				}, Text: "hello there"},
			}, p)
			return nil
		})
	})
}

func TestGoldenLastSeenTimestampUpdated(t *testing.T) {
	deliverFixture(t, chatio.ActionLastSeenTimestampUpdated, func(h *Handler, called *bool) {
		h.OnLastSeenTimestampUpdated(func(_ context.Context, wh *Webhook, p *LastSeenTimestampUpdated) error {
			*called = true
			checkEnvelope(t, wh, chatio.ActionLastSeenTimestampUpdated)
			assert.Equal(t, &LastSeenTimestampUpdated{
				UserID: "75a90b82-e6a4-4ded-b3eb-cb531741ee0d", ChatID: "123-123-123-123", Timestamp: 123456789,
			}, p)
			return nil
		})
	})
}

func TestGoldenThreadClosed(t *testing.T) {
	deliverFixture(t, chatio.ActionThreadClosed, func(h *Handler, called *bool) {
		h.OnThreadClosed(func(_ context.Context, wh *Webhook, p *ThreadClosed) error {
			*called = true
			checkEnvelope(t, wh, chatio.ActionThreadClosed)
			assert.Equal(t, &ThreadClosed{
				ChatID:   "a0c22fdd-fb71-40b5-bfc6-a8a0bc3117f5",
				ThreadID: "b0c22fdd-fb71-40b5-bfc6-a8a0bc3117f6",
				UserID:   "75a90b82-e6a4-4ded-b3eb-cb531741ee0d",
			}, p)
			return nil
		})
	})
}

func TestGoldenChatScopesUpdated(t *testing.T) {
	deliverFixture(t, chatio.ActionChatScopesUpdated, func(h *Handler, called *bool) {
		h.OnChatScopesUpdated(func(_ context.Context, wh *Webhook, p *ChatScopesUpdated) error {
			*called = true
			checkEnvelope(t, wh, chatio.ActionChatScopesUpdated)
			assert.Equal(t, &ChatScopesUpdated{
				ChatID:        "a0c22fdd-fb71-40b5-bfc6-a8a0bc3117f5",
				ScopesAdded:   Scopes{Groups: []int{1, 2}},
				ScopesRemoved: Scopes{Groups: []int{3}},
			}, p)
			return nil
		})
	})
}

func TestGoldenChatPropertiesUpdated(t *testing.T) {
	deliverFixture(t, chatio.ActionChatPropertiesUpdated, func(h *Handler, called *bool) {
		h.OnChatPropertiesUpdated(func(_ context.Context, wh *Webhook, p *ChatPropertiesUpdated) error {
			*called = true
			checkEnvelope(t, wh, chatio.ActionChatPropertiesUpdated)
			assert.Equal(t, &ChatPropertiesUpdated{
				ChatID: "123-123-123-123",
				Properties: Properties{"rating": {
					"score":   {Value: json.RawMessage("1")},
					"comment": {Value: json.RawMessage(`"Very good, veeeery good"`)},
				}},
			}, p)
			return nil
		})
	})
}

func TestGoldenChatThreadPropertiesUpdated(t *testing.T) {
	deliverFixture(t, chatio.ActionChatThreadPropertiesUpdated, func(h *Handler, called *bool) {
		h.OnChatThreadPropertiesUpdated(func(_ context.Context, wh *Webhook, p *ChatThreadPropertiesUpdated) error {
			*called = true
			checkEnvelope(t, wh, chatio.ActionChatThreadPropertiesUpdated)
			assert.Equal(t, &ChatThreadPropertiesUpdated{
				ChatID:   "123-123-123-123",
				ThreadID: "E2WDHA8A",
				Properties: Properties{"rating": {
					"value":   {Value: json.RawMessage("1")},
					"comment": {Value: json.RawMessage(`"Very good, veeeery good"`)},
				}},
			}, p)
			return nil
		})
	})
}

// TestFixturesKeepEveryAttribute decodes each fixture's data into its typed
// payload, pins it field by field to the documented data
// (testkit.AssertFieldsMatch), and encodes it again: the same key paths.
func TestFixturesKeepEveryAttribute(t *testing.T) {
	for _, action := range chatio.WebhookActions() {
		t.Run(string(action), func(t *testing.T) {
			wh, err := Parse(newRequest(context.Background(), fixture(t, action)), testSecrets)
			require.NoError(t, err)
			require.NotNil(t, wh.Payload)
			again, err := json.Marshal(wh.Payload)
			require.NoError(t, err)

			want, got := keyPaths(t, wh.Data), keyPaths(t, again)
			assert.Empty(t, difference(want, got), "attributes dropped by decoding")
			assert.Empty(t, difference(got, want), "attributes added by encoding")
			testkit.AssertFieldsMatch(t, string(action), testkit.DecodeJSON(t, wh.Data), wh.Payload, nil)
		})
	}
}

// TestEveryActionHasAFixtureAndAPayload checks that the documented actions,
// the fixtures in testdata/chatio/webhooks and the payload types are the
// same set.
func TestEveryActionHasAFixtureAndAPayload(t *testing.T) {
	actions := map[string]bool{}
	for _, action := range chatio.WebhookActions() {
		actions[string(action)+".json"] = true
		_, ok := payloadDecoders[action]
		assert.True(t, ok, "no payload type for %s", action)
		assert.True(t, testkit.FixtureExists(t, "chatio", "webhooks/"+string(action)+".json"), "no fixture for %s", action)
	}
	assert.Len(t, payloadDecoders, len(actions))
	entries, err := os.ReadDir(testkit.FixturePath(t, "chatio", "webhooks"))
	require.NoError(t, err)
	for _, e := range entries {
		assert.True(t, actions[e.Name()], "fixture webhooks/%s is not a documented action", e.Name())
	}
}

// keyPaths lists every object key of a JSON document as a path such as
// chat.users[0].monitoring.stats.visits.
func keyPaths(t *testing.T, data []byte) map[string]bool {
	t.Helper()
	var v any
	require.NoError(t, json.Unmarshal(data, &v))
	paths := map[string]bool{}
	var walk func(prefix string, v any)
	walk = func(prefix string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, child := range v {
				p := k
				if prefix != "" {
					p = prefix + "." + k
				}
				paths[p] = true
				walk(p, child)
			}
		case []any:
			for i, child := range v {
				walk(prefix+"["+strconv.Itoa(i)+"]", child)
			}
		}
	}
	walk("", v)
	return paths
}

func difference(a, b map[string]bool) []string {
	var out []string
	for k := range a {
		if !b[k] {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}
