package giosgtest_test

import (
	"net/http"
	"sort"
	"strings"
	"testing"

	"github.com/chatsdk-go/chatsdk/giosg/giosgtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// documentedPairs is ../shared/api-docs/endpoints/giosg.txt.
var documentedPairs = []string{
	"DELETE /api/v5/orgs/<organization_id>/involved_chats/<chat_id>/tags/<tag_name>",
	"DELETE /api/v5/orgs/<organization_id>/owned_chats/<chat_id>/tags/<tag_name>",
	"DELETE /api/v5/orgs/<organization_id>/routed_chats/<chat_id>/tags/<tag_name>",
	"DELETE /api/v5/users/<user_id>/chat_conversation_starters/<language_code>",
	"DELETE /api/v5/users/<user_id>/chats/<chat_id>/tags/<tag_name>",
	"GET /api/v5/orgs/<organization_id>/involved_chats",
	"GET /api/v5/orgs/<organization_id>/involved_chats/<chat_id>",
	"GET /api/v5/orgs/<organization_id>/involved_chats/<chat_id>/allowed_tags",
	"GET /api/v5/orgs/<organization_id>/involved_chats/<chat_id>/memberships",
	"GET /api/v5/orgs/<organization_id>/involved_chats/<chat_id>/messages",
	"GET /api/v5/orgs/<organization_id>/involved_chats/<chat_id>/tags",
	"GET /api/v5/orgs/<organization_id>/owned_chats",
	"GET /api/v5/orgs/<organization_id>/owned_chats/<chat_id>",
	"GET /api/v5/orgs/<organization_id>/owned_chats/<chat_id>/allowed_tags",
	"GET /api/v5/orgs/<organization_id>/owned_chats/<chat_id>/memberships",
	"GET /api/v5/orgs/<organization_id>/owned_chats/<chat_id>/messages",
	"GET /api/v5/orgs/<organization_id>/owned_chats/<chat_id>/tags",
	"GET /api/v5/orgs/<organization_id>/rooms/<room_id>/chats",
	"GET /api/v5/orgs/<organization_id>/rooms/<room_id>/chats/<chat_id>/memberships",
	"GET /api/v5/orgs/<organization_id>/rooms/<room_id>/pending_chats",
	"GET /api/v5/orgs/<organization_id>/rooms/<room_id>/visitors/<visitor_id>/chats",
	"GET /api/v5/orgs/<organization_id>/routed_chats",
	"GET /api/v5/orgs/<organization_id>/routed_chats/<chat_id>",
	"GET /api/v5/orgs/<organization_id>/routed_chats/<chat_id>/allowed_tags",
	"GET /api/v5/orgs/<organization_id>/routed_chats/<chat_id>/memberships",
	"GET /api/v5/orgs/<organization_id>/routed_chats/<chat_id>/messages",
	"GET /api/v5/orgs/<organization_id>/routed_chats/<chat_id>/tags",
	"GET /api/v5/users/<user_id>/chat_conversation_starters",
	"GET /api/v5/users/<user_id>/chat_memberships",
	"GET /api/v5/users/<user_id>/chats",
	"GET /api/v5/users/<user_id>/chats/<chat_id>/allowed_tags",
	"GET /api/v5/users/<user_id>/chats/<chat_id>/memberships",
	"GET /api/v5/users/<user_id>/chats/<chat_id>/messages",
	"GET /api/v5/users/<user_id>/chats/<chat_id>/messages/<message_id>/reply_suggestions",
	"GET /api/v5/users/<user_id>/chats/<chat_id>/outgoing_chat_invitations",
	"GET /api/v5/users/<user_id>/chats/<chat_id>/reply_suggestions",
	"GET /api/v5/users/<user_id>/chats/<chat_id>/tags",
	"GET /api/v5/users/<user_id>/chats/<chat_id>/visitors/<visitor_id>/chat_memberships",
	"GET /api/v5/users/<user_id>/incoming_chat_invitations",
	"GET /api/v5/users/<user_id>/pending_chats",
	"GET /api/v5/users/<user_id>/pending_chats/<chat_id>/memberships",
	"GET /api/v5/users/<user_id>/rooms/<room_id>/visitors/<visitor_id>/chats",
	"GET /api/v5/users/<user_id>/routed_chats",
	"GET /api/v5/users/<user_id>/routed_chats/<chat_id>",
	"GET /api/v5/users/<user_id>/routed_chats/<chat_id>/memberships",
	"GET /api/v5/users/<user_id>/routed_chats/<chat_id>/messages",
	"GET /api/v5/users/<user_id>/routed_chats/<chat_id>/messages/<message_id>/reply_suggestions",
	"GET /api/v5/users/<user_id>/routed_chats/<chat_id>/reply_suggestions",
	"PATCH /api/v5/orgs/<organization_id>/owned_chats/<chat_id>",
	"PATCH /api/v5/users/<user_id>/chat_conversation_starters/<language_code>",
	"PATCH /api/v5/users/<user_id>/chats/<chat_id>",
	"PATCH /api/v5/users/<user_id>/chats/<chat_id>/messages/<message_id>/reply_suggestions/<reply_suggestion_id>",
	"PATCH /api/v5/users/<user_id>/chats/<chat_id>/outgoing_chat_invitations/<invitation_id>",
	"PATCH /api/v5/users/<user_id>/incoming_chat_invitations/<invitation_id>",
	"PATCH /api/v5/users/<user_id>/routed_chats/<chat_id>/messages/<message_id>/reply_suggestions/<reply_suggestion_id>",
	"POST /api/v5/orgs/<organization_id>/involved_chats/<chat_id>/memberships",
	"POST /api/v5/orgs/<organization_id>/involved_chats/<chat_id>/tags",
	"POST /api/v5/orgs/<organization_id>/owned_chats/<chat_id>/memberships",
	"POST /api/v5/orgs/<organization_id>/owned_chats/<chat_id>/tags",
	"POST /api/v5/orgs/<organization_id>/routed_chats/<chat_id>/memberships",
	"POST /api/v5/orgs/<organization_id>/routed_chats/<chat_id>/tags",
	"POST /api/v5/users/<user_id>/chat_conversation_starters",
	"POST /api/v5/users/<user_id>/chats",
	"POST /api/v5/users/<user_id>/chats/<chat_id>/messages",
	"POST /api/v5/users/<user_id>/chats/<chat_id>/messages/<message_id>/reply_suggestions",
	"POST /api/v5/users/<user_id>/chats/<chat_id>/outgoing_chat_invitations",
	"POST /api/v5/users/<user_id>/chats/<chat_id>/tags",
	"POST /api/v5/users/<user_id>/pending_chats/<chat_id>/memberships",
	"POST /api/v5/users/<user_id>/rooms/<room_id>/visitors/<visitor_id>/chats",
	"POST /api/v5/users/<user_id>/routed_chats/<chat_id>/memberships",
	"POST /api/v5/users/<user_id>/routed_chats/<chat_id>/messages/<message_id>/reply_suggestions",
	"PUT /api/v5/orgs/<organization_id>/owned_chats/<chat_id>",
	"PUT /api/v5/users/<user_id>/chat_conversation_starters/<language_code>",
	"PUT /api/v5/users/<user_id>/chat_memberships/<chat_id>",
	"PUT /api/v5/users/<user_id>/chats/<chat_id>",
	"PUT /api/v5/users/<user_id>/chats/<chat_id>/messages/<message_id>/reply_suggestions/<reply_suggestion_id>",
	"PUT /api/v5/users/<user_id>/chats/<chat_id>/outgoing_chat_invitations/<invitation_id>",
	"PUT /api/v5/users/<user_id>/incoming_chat_invitations/<invitation_id>",
	"PUT /api/v5/users/<user_id>/routed_chats/<chat_id>/messages/<message_id>/reply_suggestions/<reply_suggestion_id>",
}

func TestDocumentedPairsAre79(t *testing.T) {
	require.Len(t, documentedPairs, 79)
	assert.True(t, sort.StringsAreSorted(documentedPairs))
}

// TestEveryPairIsRouted sends each documented pair with placeholder IDs and
// an invalid token: a served route answers 401, an unknown one would be a
// 404 or 405.
func TestEveryPairIsRouted(t *testing.T) {
	srv := giosgtest.NewServer()
	defer srv.Close()
	for _, pair := range documentedPairs {
		method, path, _ := strings.Cut(pair, " ")
		path = strings.NewReplacer("<", "x", ">", "x").Replace(path)
		req, err := http.NewRequest(method, srv.BaseURL+path, nil)
		require.NoError(t, err)
		req.Header.Set("Authorization", "Token wrong")
		resp, err := srv.Client().Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		assert.Equal(t, http.StatusUnauthorized, resp.StatusCode, pair)
	}
}
