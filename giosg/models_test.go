package giosg_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chatsdk-go/chatsdk/giosg"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fixtureModels maps every fixture file to a decoder into the SDK model (or
// request type) it holds.
var fixtureModels = map[string]func([]byte) (any, error){}

func model[T any](names ...string) {
	for _, n := range names {
		fixtureModels[n] = func(b []byte) (any, error) {
			v := new(T)
			err := json.Unmarshal(b, v)
			return v, err
		}
	}
}

func init() {
	model[giosg.Page[giosg.Chat]]("chats_list.response.json", "chats_owned_list.response.json", "chats_pending_list.response.json", "chats_room_list.response.json")
	model[giosg.Chat]("chat_get.response.json", "chat_end.response.json", "chat_mark_not_waiting.response.json",
		"chat_create.response.json", "chat_create_with_visitor.response.json")
	model[giosg.ChatUpdate]("chat_end.request.json", "chat_mark_not_waiting.request.json")
	model[giosg.Page[giosg.ChatMembership]]("chat_memberships_list.response.json")
	model[giosg.ChatMembership]("chat_memberships_join.response.json", "chat_memberships_join_org.response.json", "chat_memberships_update.response.json")
	model[giosg.MembershipUpdate]("chat_memberships_update.request.json")
	model[giosg.MembershipJoin]("chat_memberships_join.request.json", "chat_memberships_join_org.request.json")
	model[giosg.Page[giosg.ChatMessage]]("chat_messages_list.response.json", "chat_messages_list_all_attributes.response.json")
	model[giosg.ChatMessage]("chat_message_response_action.json", "chat_messages_send.response.json", "chat_messages_send_generic.response.json",
		"chat_messages_send_interaction.response.json", "chat_messages_send_external.response.json")
	model[giosg.MessageCreate]("chat_messages_send.request.json", "chat_messages_send_generic.request.json",
		"chat_messages_send_interaction.request.json", "chat_messages_send_external.request.json")
	model[giosg.Page[giosg.ChatInvitation]]("chat_invitations_outgoing_list.response.json", "chat_invitations_incoming_list.response.json")
	model[giosg.ChatInvitation]("chat_invitations_send.response.json", "chat_invitations_expire.response.json", "chat_invitations_accept.response.json")
	model[giosg.InvitationCreate]("chat_invitations_send.request.json")
	model[giosg.InvitationUpdate]("chat_invitations_expire.request.json", "chat_invitations_accept.request.json")
	model[giosg.Page[giosg.ChatTag]]("chat_tags_list.response.json", "chat_tags_allowed_list.response.json")
	model[giosg.ChatTag]("chat_tags_add.request.json", "chat_tags_add.response.json")
	model[giosg.Page[giosg.ConversationStarter]]("chat_conversation_starters_list.response.json")
	model[giosg.ConversationStarter]("chat_conversation_starters_add.response.json", "chat_conversation_starters_update.response.json")
	model[giosg.ConversationStarterCreate]("chat_conversation_starters_add.request.json")
	model[giosg.ConversationStarterUpdate]("chat_conversation_starters_update.request.json", "chat_conversation_starters_replace.request.json")
	model[giosg.Page[giosg.ReplySuggestion]]("chat_reply_suggestions_list.response.json", "chat_reply_suggestions_message_list.response.json")
	model[giosg.ReplySuggestion]("chat_reply_suggestions_add.response.json", "chat_reply_suggestions_update.response.json")
	model[giosg.ReplySuggestionCreate]("chat_reply_suggestions_add.request.json")
	model[giosg.ReplySuggestionUpdate]("chat_reply_suggestions_update.request.json")
}

// TestNoDocumentedAttributeDropped decodes every fixture into its model,
// re-encodes it and compares recursively: every attribute of the fixture
// has a field and keeps its value (a null attribute may be omitted only by a
// field that omits empty values), and nothing is invented.
func TestNoDocumentedAttributeDropped(t *testing.T) {
	entries, err := os.ReadDir(fixtureDir)
	require.NoError(t, err)
	seen := 0
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".json") || strings.HasSuffix(name, ".raw.json") {
			continue
		}
		decode, ok := fixtureModels[name]
		if !assert.True(t, ok, "fixture %s has no model in fixtureModels", name) {
			continue
		}
		seen++
		t.Run(name, func(t *testing.T) {
			raw := fixture(t, name)
			v, err := decode(raw)
			require.NoError(t, err)
			requireMatchesFixture(t, raw, v)
		})
	}
	assert.Equal(t, len(fixtureModels), seen, "fixtureModels names files that do not exist")
}

// TestIncomingInvitationsDuplicateKey decodes the documented incoming
// invitations example verbatim, with "is_expired": false followed by
// "is_expired": null. encoding/json applies keys in order, so the last one
// is applied, and null leaves a bool as it was: IsExpired is false.
func TestIncomingInvitationsDuplicateKey(t *testing.T) {
	raw := fixture(t, "chat_invitations_incoming_list.raw.json")
	require.Equal(t, 2, strings.Count(string(raw), `"is_expired"`), "the raw fixture keeps both keys")
	var page giosg.Page[giosg.ChatInvitation]
	require.NoError(t, json.Unmarshal(raw, &page))
	require.Len(t, page.Results, 1)
	inv := page.Results[0]
	assert.False(t, inv.IsExpired)
	assert.Nil(t, inv.ExpiredAt)
	assert.Equal(t, "6d348a30-9076-11e6-8756-f45c89c72de3", inv.ID)

	// The last key is the one applied when it carries a value.
	var last giosg.ChatInvitation
	require.NoError(t, json.Unmarshal([]byte(`{"is_expired": false, "is_expired": true}`), &last))
	assert.True(t, last.IsExpired)
}

// TestDatetimeForms reads both documented datetime forms: without a zone
// (read as UTC) and with Z.
func TestDatetimeForms(t *testing.T) {
	var a, b giosg.ChatTag
	require.NoError(t, json.Unmarshal([]byte(`{"name":"x","created_at":"2015-02-13T11:31:36.042"}`), &a))
	require.NoError(t, json.Unmarshal([]byte(`{"name":"x","created_at":"2015-02-13T11:31:36.042Z"}`), &b))
	want := time.Date(2015, 2, 13, 11, 31, 36, 42e6, time.UTC)
	assert.True(t, a.CreatedAt.Equal(want), a.CreatedAt)
	assert.True(t, b.CreatedAt.Equal(want), b.CreatedAt)

	var c giosg.Chat
	require.NoError(t, json.Unmarshal([]byte(`{"ended_at":null,"waiting_started_at":"2016-09-01T11:31:36.042Z"}`), &c))
	assert.Nil(t, c.EndedAt)
	require.NotNil(t, c.WaitingStartedAt)
	assert.Equal(t, 2016, c.WaitingStartedAt.Year())
}

// TestDeprecatedChatAttributes decodes the deprecated attributes the docs
// still send.
func TestDeprecatedChatAttributes(t *testing.T) {
	page := decodeFixture[giosg.Page[giosg.Chat]](t, "chats_room_list.response.json")
	require.NotEmpty(t, page.Results)
	chat := page.Results[0]
	assert.Equal(t, "uibdbtmk5etolmjaduaafnqpl2ujzkyr4slkq3cabdai37qm", chat.Token)
	assert.Equal(t, "waiting", chat.LegacyConversationState)
	assert.Equal(t, "7sbjsyokgkdmyoifwyaafzll6sdthgar42sbv5c4rhds3yym", chat.LegacyRoomID)
}
