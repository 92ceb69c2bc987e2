package chatrhubtest_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/chatsdk-go/chatsdk/chatrhub"
)

func messageIDs(ms []chatrhub.Message) []int64 {
	ids := make([]int64, len(ms))
	for i, m := range ms {
		ids[i] = m.ID
	}
	return ids
}

func TestListMessages(t *testing.T) {
	srv, c := setup(t)
	byChat, err := c.Messages.List(ctx, &chatrhub.ListMessagesParams{ChatID: 1})
	require.NoError(t, err)
	assert.Equal(t, []int64{19, 20, 21, 22}, messageIDs(byChat))
	hi := byChat[1]
	assert.Equal(t, "messages", hi.Type)
	assert.Equal(t, "Hi\n", hi.Body)
	assert.Equal(t, chatrhub.Int(2), hi.FromVisitorID)
	assert.Nil(t, hi.FromAgent)
	require.NotNil(t, byChat[0].FromAgent, "agent messages nest from_agent")
	assert.Equal(t, "unittest500", byChat[0].FromAgent.Username)

	withAdmin, err := c.Messages.List(ctx, &chatrhub.ListMessagesParams{ChatID: 1, IncludeAdmin: true})
	require.NoError(t, err)
	assert.Equal(t, []int64{18, 19, 20, 21, 22}, messageIDs(withAdmin))
	assert.True(t, bool(withAdmin[0].IsAdmin))

	// The documented example: a visitor's messages across chats, oldest first.
	byVisitor, err := c.Messages.List(ctx, &chatrhub.ListMessagesParams{VisitorUsername: "tqxsbcndxs6q4fbm13dacg73kazefqx4pufr"})
	require.NoError(t, err)
	assert.Equal(t, []int64{23, 24, 19, 20, 21, 22}, messageIDs(byVisitor))
	both, err := c.Messages.List(ctx, &chatrhub.ListMessagesParams{VisitorUsername: "tqxsbcndxs6q4fbm13dacg73kazefqx4pufr", ChatID: 2})
	require.NoError(t, err)
	assert.Equal(t, []int64{23, 24}, messageIDs(both))

	_, err = c.Messages.List(ctx, &chatrhub.ListMessagesParams{ChatID: 999})
	_ = requireStatus(t, err, http.StatusNotFound)
	_, err = c.Messages.List(ctx, &chatrhub.ListMessagesParams{VisitorUsername: "nobody"})
	_ = requireStatus(t, err, http.StatusNotFound)

	for query, detail := range map[string]string{
		"?include_admin=false":          "query parameter visitor_username or chat_id is required",
		"?chat_id=1":                    "query parameter include_admin is required",
		"?chat_id=1&include_admin=nope": `query parameter include_admin must be true or false, got "nope"`,
	} {
		r := raw(t, srv, http.MethodGet, "/messages.json"+query, "")
		assert.Equal(t, http.StatusBadRequest, r.status, query)
		assert.Equal(t, detail, r.detail(), query)
	}
}

func TestAddMessageIsListed(t *testing.T) {
	srv, c := setup(t)
	id := srv.AddMessage(chatrhub.Message{ChatID: 2, Body: "added", FromAgentID: 4})
	msgs, err := c.Messages.List(ctx, &chatrhub.ListMessagesParams{ChatID: 2})
	require.NoError(t, err)
	require.Len(t, msgs, 3)
	assert.Equal(t, id, msgs[2].ID, "a message created now is the newest")
	assert.Equal(t, "added", msgs[2].Body)
	require.NotNil(t, msgs[2].FromAgent)
	assert.Equal(t, "123", msgs[2].FromAgent.FullName)
}
