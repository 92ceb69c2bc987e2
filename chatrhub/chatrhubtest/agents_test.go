package chatrhubtest_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/chatrhub"
	"github.com/chatsdk-go/chatsdk/chatrhub/chatrhubtest"
)

func TestListAgents(t *testing.T) {
	_, c := setup(t)
	agents, err := c.Agents.List(ctx, nil)
	require.NoError(t, err)
	require.Len(t, agents, 4)
	bot := agents[3]
	assert.Equal(t, int64(4), bot.ID)
	assert.Equal(t, "agents", bot.Type)
	assert.Equal(t, chatrhub.Int(4), bot.AgentID)
	assert.Equal(t, "5b2aaeb29fb5ba6af2e3ae2e", bot.Username)
	assert.Equal(t, "123", bot.FullName)
	assert.True(t, bool(bot.IsBot))
	assert.Equal(t, "4uwbe8mkf6gqf8uxxwl0", bot.XMPPPassword)
	assertTime(t, time.Date(2018, 6, 20, 19, 44, 50, 0, time.UTC), bot.CreateDt)

	one, err := c.Agents.List(ctx, &chatrhub.ListAgentsParams{AgentUsername: "johnsmith1"})
	require.NoError(t, err)
	require.Len(t, one, 1)
	assert.Equal(t, "John Smith", one[0].FullName)

	none, err := c.Agents.List(ctx, &chatrhub.ListAgentsParams{AgentUsername: "nobody"})
	require.NoError(t, err)
	assert.Empty(t, none)
}

func TestAgentsAreSentInTheDocumentedWireForm(t *testing.T) {
	srv, _ := setup(t)
	r := raw(t, srv, http.MethodGet, "/agents/4.json", "")
	require.Equal(t, http.StatusOK, r.status)
	list, ok := r.body["data"].([]any)
	require.True(t, ok, "Get Agent answers data as an array of one: %s", r.text)
	require.Len(t, list, 1)
	res := list[0].(map[string]any)
	assert.Equal(t, "agents", res["type"])
	assert.Equal(t, float64(4), res["id"])
	attrs := res["attributes"].(map[string]any)
	assert.Equal(t, "4", attrs["agent_id"])
	assert.Equal(t, float64(0), attrs["trmnt_ind"])
	assert.Equal(t, "[]", attrs["assign_operational_task_values"])
}

func TestGetAgent(t *testing.T) {
	_, c := setup(t)
	a, err := c.Agents.Get(ctx, 1)
	require.NoError(t, err)
	assert.Equal(t, "unittest500", a.Username)
	assert.Equal(t, chatrhub.LevelAdmin, a.AuthorizationLevel)
	assert.Equal(t, "Test Display", a.DisplayName)

	_, err = c.Agents.Get(ctx, 99)
	_ = requireStatus(t, err, http.StatusNotFound)
	assert.ErrorIs(t, err, chatsdk.ErrNotFound)
}

func TestUpdateAgent(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	_, c := setup(t, chatrhubtest.WithClock(func() time.Time { return now }))
	a, err := c.Agents.Update(ctx, 4, &chatrhub.UpdateAgentParams{
		FullName:                    chatsdk.Ptr("Botty"),
		Email:                       chatsdk.Ptr("bot@example.com"),
		AuthorizationLevel:          chatsdk.Ptr(chatrhub.LevelSupervisor),
		IsTakingChats:               chatsdk.Ptr(false),
		AssignOperationalTaskValues: &chatrhub.List{"gold", "silver"},
	})
	require.NoError(t, err)
	assert.Equal(t, "Botty", a.FullName)
	assert.Equal(t, "bot@example.com", a.Email)
	assert.Equal(t, chatrhub.LevelSupervisor, a.AuthorizationLevel)
	assert.False(t, bool(a.IsTakingChats))
	assert.Equal(t, chatrhub.List{"gold", "silver"}, a.AssignOperationalTaskValues)
	assertTime(t, now, a.UpdtDt)
	assert.Equal(t, chatrhub.Int(1), a.UpdtBy)
	assert.True(t, bool(a.IsBot), "attributes not sent are kept")

	got, err := c.Agents.Get(ctx, 4)
	require.NoError(t, err)
	assert.Equal(t, a, got)

	_, err = c.Agents.Update(ctx, 99, &chatrhub.UpdateAgentParams{FullName: chatsdk.Ptr("x")})
	_ = requireStatus(t, err, http.StatusNotFound)
}

func TestUpdateAgentRejectsBadAttributes(t *testing.T) {
	srv, _ := setup(t)
	for body, detail := range map[string]string{
		`{"data": {"type": "agents", "attributes": {"authorization_level": 2}}}`: "authorization_level: want 1 (agent), 3 (supervisor) or 5 (admin)",
		`{"data": {"type": "agents", "attributes": {"is_bot": "maybe"}}}`:        "is_bot: want a boolean",
		`{"data": {"type": "agents", "attributes": {"is_bot": null}}}`:           "is_bot: must not be null",
	} {
		r := raw(t, srv, http.MethodPatch, "/agents/1.json", body)
		assert.Equal(t, http.StatusBadRequest, r.status, body)
		assert.Contains(t, r.detail(), detail)
	}
	// Booleans in the loose forms are accepted and stored as booleans.
	r := raw(t, srv, http.MethodPatch, "/agents/1.json", `{"data": {"type": "agents", "attributes": {"is_bot": "1", "is_unsubscribe": 1}}}`)
	require.Equal(t, http.StatusOK, r.status, r.text)
	attrs := r.body["data"].(map[string]any)["attributes"].(map[string]any)
	assert.Equal(t, true, attrs["is_bot"])
	assert.Equal(t, true, attrs["is_unsubscribe"])
}

func TestInviteAgent(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	srv, c := setup(t, chatrhubtest.WithClock(func() time.Time { return now }))
	a, err := c.Agents.Invite(ctx, &chatrhub.InviteAgentParams{
		FullName: "Ada Lovelace", AuthorizationLevel: chatrhub.LevelSupervisor, Email: "ada@example.com",
		IsAssignOperationalTasks: true, AssignOperationalTaskVariable: "tier", AssignOperationalTaskValues: chatrhub.List{"gold"},
	})
	require.NoError(t, err)
	assert.Equal(t, int64(5), a.ID)
	assert.Equal(t, chatrhub.Int(5), a.AgentID)
	assert.Equal(t, "Ada Lovelace", a.FullName)
	assert.Equal(t, "ada@example.com", a.Email)
	assert.Equal(t, chatrhub.LevelSupervisor, a.AuthorizationLevel)
	assert.True(t, bool(a.IsAssignOperationalTasks))
	assert.False(t, bool(a.IsAssignTrainingTasks))
	assert.Equal(t, "tier", a.AssignOperationalTaskVariable)
	assert.Equal(t, chatrhub.List{"gold"}, a.AssignOperationalTaskValues)
	assert.NotEmpty(t, a.Username)
	assert.NotEmpty(t, a.XMPPPassword)
	assertTime(t, now, a.CreateDt)

	// The new agent is listed and can be fetched and searched by username.
	agents, err := c.Agents.List(ctx, nil)
	require.NoError(t, err)
	assert.Len(t, agents, 5)
	got, err := c.Agents.Get(ctx, 5)
	require.NoError(t, err)
	assert.Equal(t, a, got)
	byName, err := c.Agents.List(ctx, &chatrhub.ListAgentsParams{AgentUsername: a.Username})
	require.NoError(t, err)
	require.Len(t, byName, 1)
	assert.Equal(t, int64(5), byName[0].ID)

	// A second invitation gets the next ID and another username.
	b, err := c.Agents.Invite(ctx, &chatrhub.InviteAgentParams{FullName: "Bob", AuthorizationLevel: chatrhub.LevelAgent, Email: "bob@example.com"})
	require.NoError(t, err)
	assert.Equal(t, int64(6), b.ID)
	assert.NotEqual(t, a.Username, b.Username)

	// Invite answers 201 Created.
	r := raw(t, srv, http.MethodPost, "/agents/invite.json", `{"data": {"type": "agents", "attributes": {"full_name": "Joe", "authorization_level": 1, "email": "ddj209@gmail.com"}}}`)
	assert.Equal(t, http.StatusCreated, r.status)
}

func TestInviteAgentRequiresItsParameters(t *testing.T) {
	srv, c := setup(t)
	for _, tc := range []struct{ attrs, missing string }{
		{`"authorization_level": 1, "email": "a@example.com"`, "full_name"},
		{`"full_name": "A", "email": "a@example.com"`, "authorization_level"},
		{`"full_name": "A", "authorization_level": 1`, "email"},
	} {
		r := raw(t, srv, http.MethodPost, "/agents/invite.json", `{"data": {"type": "agents", "attributes": {`+tc.attrs+`}}}`)
		assert.Equal(t, http.StatusBadRequest, r.status, tc.missing)
		assert.Equal(t, "attribute "+tc.missing+" is required", r.detail())
	}
	agents, err := c.Agents.List(ctx, nil)
	require.NoError(t, err)
	assert.Len(t, agents, 4, "no agent was created")
}
