package chatrhubtest_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/chatsdk-go/chatsdk/chatrhub"
)

func TestGetAgentActivity(t *testing.T) {
	srv, c := setup(t)
	// The documented example.
	acts, err := c.AgentActivity.Get(ctx, 1, &chatrhub.AgentActivityParams{StartDate: day(2018, 5, 1), EndDate: day(2019, 5, 1)})
	require.NoError(t, err)
	require.Len(t, acts, 8)
	assert.Equal(t, "agent_activities", acts[0].Type)
	assert.Equal(t, chatrhub.StatusAvailable, acts[0].Status)
	assert.Equal(t, chatrhub.StatusUnavailable, acts[1].Status)
	assert.Equal(t, chatrhub.StatusOffline, acts[2].Status)
	assertTime(t, time.Date(2018, 6, 19, 13, 10, 0, 0, time.UTC), acts[2].CreateDt)

	// One day, both ends included.
	oneDay, err := c.AgentActivity.Get(ctx, 1, &chatrhub.AgentActivityParams{StartDate: day(2018, 6, 19), EndDate: day(2018, 6, 19)})
	require.NoError(t, err)
	assert.Len(t, oneDay, 3)

	other, err := c.AgentActivity.Get(ctx, 2, &chatrhub.AgentActivityParams{StartDate: day(2018, 6, 19), EndDate: day(2018, 6, 20)})
	require.NoError(t, err)
	assert.Len(t, other, 5)

	none, err := c.AgentActivity.Get(ctx, 4, &chatrhub.AgentActivityParams{StartDate: day(2018, 6, 19), EndDate: day(2018, 6, 20)})
	require.NoError(t, err)
	assert.Empty(t, none)

	srv.AddAgentActivity(chatrhub.AgentActivity{AgentID: 4, Status: chatrhub.StatusAvailable, Record: chatrhub.Record{CreateDt: chatrhub.Time{Time: time.Date(2018, 6, 20, 23, 59, 59, 0, time.UTC)}}})
	added, err := c.AgentActivity.Get(ctx, 4, &chatrhub.AgentActivityParams{StartDate: day(2018, 6, 19), EndDate: day(2018, 6, 20)})
	require.NoError(t, err)
	assert.Len(t, added, 1)

	_, err = c.AgentActivity.Get(ctx, 99, &chatrhub.AgentActivityParams{StartDate: day(2018, 6, 19), EndDate: day(2018, 6, 20)})
	_ = requireStatus(t, err, http.StatusNotFound)

	for query, detail := range map[string]string{
		"":                       "query parameter start_date is required",
		"?start_date=2018-05-01": "query parameter end_date is required",
		"?end_date=2019-05-01":   "query parameter start_date is required",
		"?start_date=05/01/2018&end_date=2019-05-01": `query parameter start_date must be a date YYYY-MM-DD, got "05/01/2018"`,
	} {
		r := raw(t, srv, http.MethodGet, "/agent_activities/agent_id/1.json"+query, "")
		assert.Equal(t, http.StatusBadRequest, r.status, query)
		assert.Equal(t, detail, r.detail(), query)
	}
}
