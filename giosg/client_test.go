package giosg_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/giosg"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOAuthTokenSendsBearer(t *testing.T) {
	rec := newRecorder(t)
	c := newTestClient(t, rec.URL, giosg.WithOAuthToken())
	rec.answer(http.StatusOK, fixture(t, "chat_tags_list.response.json"))
	_, err := c.Tags.ListPage(context.Background(), userScope, chatID, nil)
	require.NoError(t, err)
	assert.Equal(t, "Bearer "+testToken, rec.requests()[0].Header.Get("Authorization"))
}

func TestTokenSource(t *testing.T) {
	rec := newRecorder(t)
	n := 0
	c := newTestClient(t, rec.URL, chatsdk.WithTokenSource(func(context.Context) (string, error) {
		n++
		return "rotated-" + string(rune('0'+n)), nil
	}))
	rec.answer(http.StatusNoContent, nil)
	require.NoError(t, c.ConversationStarters.Remove(context.Background(), userID, "en"))
	assert.Equal(t, "Token rotated-1", rec.requests()[0].Header.Get("Authorization"))
}

func TestNewClient(t *testing.T) {
	_, err := giosg.NewClient("")
	require.Error(t, err)
	c, err := giosg.NewClient("tok")
	require.NoError(t, err)
	assert.NotNil(t, c.Chats)
	assert.NotNil(t, c.Memberships)
	assert.NotNil(t, c.Messages)
	assert.NotNil(t, c.Invitations)
	assert.NotNil(t, c.Tags)
	assert.NotNil(t, c.ConversationStarters)
	assert.NotNil(t, c.ReplySuggestions)
	assert.Equal(t, "https://service.giosg.com", giosg.DefaultBaseURL)
}

func TestNotFound(t *testing.T) {
	rec := newRecorder(t)
	c := newTestClient(t, rec.URL)
	rec.answer(http.StatusNotFound, []byte(`{"detail":"Not found."}`))
	_, err := c.Memberships.Join(context.Background(), giosg.UserPendingChats(userID), chatID, &giosg.MembershipJoin{IsParticipating: true, ComposingStatus: giosg.ComposingIdle})
	require.ErrorIs(t, err, chatsdk.ErrNotFound)
	assert.Contains(t, err.Error(), "giosg.Memberships.Join")
	assert.Contains(t, err.Error(), "Not found.")
}
