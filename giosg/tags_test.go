package giosg_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/chatsdk-go/chatsdk/giosg"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRemoveTagEscapesName deletes a tag whose name holds a space, a slash
// and a question mark in every tag scope, and checks the escaped path the
// server saw: the name stays one path segment.
func TestRemoveTagEscapesName(t *testing.T) {
	rec := newRecorder(t)
	c := newTestClient(t, rec.URL)
	for scope, prefix := range map[giosg.ChatScope]string{
		giosg.UserChats(userID):       "/api/v5/users/" + userID + "/chats/",
		giosg.OrgOwnedChats(orgID):    "/api/v5/orgs/" + orgID + "/owned_chats/",
		giosg.OrgInvolvedChats(orgID): "/api/v5/orgs/" + orgID + "/involved_chats/",
		giosg.OrgRoutedChats(orgID):   "/api/v5/orgs/" + orgID + "/routed_chats/",
	} {
		rec.answer(http.StatusNoContent, nil)
		require.NoError(t, c.Tags.Remove(context.Background(), scope, chatID, "Premium customer/VIP?"))
		reqs := rec.requests()
		require.Len(t, reqs, 1)
		assert.Equal(t, http.MethodDelete, reqs[0].Method)
		assert.Equal(t, prefix+chatID+"/tags/Premium%20customer%2FVIP%3F", reqs[0].EscapedPath)
		assert.Empty(t, reqs[0].Query)
	}
}

// TestIDsAreOneSegment checks that IDs with path syntax cannot change the
// endpoint.
func TestIDsAreOneSegment(t *testing.T) {
	rec := newRecorder(t)
	c := newTestClient(t, rec.URL)
	rec.answer(http.StatusOK, []byte(`{"id":"c1"}`))
	_, err := c.Chats.Get(context.Background(), giosg.UserRoutedChats("../orgs/x"), "..")
	require.NoError(t, err)
	assert.Equal(t, "/api/v5/users/..%2Forgs%2Fx/routed_chats/%2E%2E", rec.requests()[0].EscapedPath)

	rec.answer(http.StatusNoContent, nil)
	require.NoError(t, c.ConversationStarters.Remove(context.Background(), userID, "en?x=1#y"))
	assert.Equal(t, "/api/v5/users/"+userID+"/chat_conversation_starters/en%3Fx=1%23y", rec.requests()[0].EscapedPath)
}
