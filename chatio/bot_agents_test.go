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

// TestUpdateBotAgentClearsAvatarAndGroups shows what update_bot_agent sends
// for each form of Avatar and Groups: a value, an empty value (clear), or
// nothing.
func TestUpdateBotAgentClearsAvatarAndGroups(t *testing.T) {
	for _, tc := range []struct {
		name   string
		params chatio.UpdateBotAgentParams
		want   string
	}{
		{"left out", chatio.UpdateBotAgentParams{Name: "Bot"}, `{"id": "b1", "name": "Bot"}`},
		{"cleared", chatio.UpdateBotAgentParams{
			Avatar: chatsdk.Ptr(""), Groups: chatsdk.Ptr([]chatio.Group{}),
		}, `{"id": "b1", "avatar": "", "groups": []}`},
		{"values", chatio.UpdateBotAgentParams{
			Avatar: chatsdk.Ptr("cdn.example.com/a.png"),
			Groups: &[]chatio.Group{{ID: 0, Priority: chatio.PriorityFirst}},
		}, `{"id": "b1", "avatar": "cdn.example.com/a.png", "groups": [{"id": 0, "priority": "first"}]}`},
		{"zero max chats", chatio.UpdateBotAgentParams{MaxChatsCount: chatsdk.Ptr(0)}, `{"id": "b1", "max_chats_count": 0}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ts := newTestServer(t, answer(http.StatusOK, []byte(`{}`)))
			c := newClient(t, ts)
			require.NoError(t, c.BotAgents.Update(context.Background(), "b1", &tc.params))
			assert.JSONEq(t, tc.want, string(ts.last.Load().body))
		})
	}
}

// TestCreateBotAgentSendsZeroMaxChatsCount sends max_chats_count 0 when
// asked, and leaves it out (the API's default of 6) when nil.
func TestCreateBotAgentSendsZeroMaxChatsCount(t *testing.T) {
	for _, tc := range []struct {
		name string
		max  *int
		want string
	}{
		{"zero", chatsdk.Ptr(0), `{"name": "Bot", "status": "offline", "max_chats_count": 0}`},
		{"default", nil, `{"name": "Bot", "status": "offline"}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ts := newTestServer(t, answer(http.StatusOK, []byte(`{"bot_agent_id": "b1"}`)))
			c := newClient(t, ts)
			_, err := c.BotAgents.Create(context.Background(), &chatio.CreateBotAgentParams{
				Name: "Bot", Status: chatio.StatusOffline, MaxChatsCount: tc.max,
			})
			require.NoError(t, err)
			assert.JSONEq(t, tc.want, string(ts.last.Load().body))
		})
	}
}
