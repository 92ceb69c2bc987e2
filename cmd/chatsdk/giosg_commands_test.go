package main

import (
	"errors"
	"reflect"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/chatsdk-go/chatsdk/giosg"
	"github.com/chatsdk-go/chatsdk/internal/endpoints"
)

// writtenGiosgTable is the giosg command tree as it was written by hand
// before it was derived from the endpoint list (Tags' name flag since
// renamed tag-name, after Tags.Remove's <tag_name>): each command's method,
// flags, and lines, a line being the prefix of each --scope kind followed by
// suffix, or suffix alone when kinds is empty.
var writtenGiosgTable = []struct {
	path         string
	method       any
	args         []string
	verb, suffix string
	kinds        []string
}{
	{"chats list", (*giosg.ChatsService).List, nil, "GET", "", []string{"user", "user-pending", "user-routed", "user-room-visitor", "org-involved", "org-owned", "org-routed", "org-room", "org-room-pending", "org-room-visitor"}},
	{"chats get", (*giosg.ChatsService).Get, []string{"chat-id"}, "GET", "/<chat_id>", []string{"org-involved", "org-owned", "org-routed", "user-routed"}},
	{"chats create", (*giosg.ChatsService).Create, nil, "POST", "", []string{"user", "user-room-visitor"}},
	{"chats update", (*giosg.ChatsService).Update, []string{"chat-id"}, "PUT", "/<chat_id>", []string{"org-owned", "user"}},
	{"chats patch", (*giosg.ChatsService).Patch, []string{"chat-id"}, "PATCH", "/<chat_id>", []string{"org-owned", "user"}},
	{"chats end", (*giosg.ChatsService).End, []string{"chat-id"}, "PATCH", "/<chat_id>", []string{"org-owned", "user"}},
	{"chats mark-not-waiting", (*giosg.ChatsService).MarkNotWaiting, []string{"chat-id"}, "PATCH", "/<chat_id>", []string{"org-owned", "user"}},

	{"tags list", (*giosg.TagsService).List, []string{"chat-id"}, "GET", "/<chat_id>/tags", []string{"org-involved", "org-owned", "org-routed", "user"}},
	{"tags list-allowed", (*giosg.TagsService).ListAllowed, []string{"chat-id"}, "GET", "/<chat_id>/allowed_tags", []string{"org-involved", "org-owned", "org-routed", "user"}},
	{"tags add", (*giosg.TagsService).Add, []string{"chat-id", "tag-name"}, "POST", "/<chat_id>/tags", []string{"org-involved", "org-owned", "org-routed", "user"}},
	{"tags remove", (*giosg.TagsService).Remove, []string{"chat-id", "tag-name"}, "DELETE", "/<chat_id>/tags/<tag_name>", []string{"org-involved", "org-owned", "org-routed", "user"}},

	{"memberships list", (*giosg.MembershipsService).List, []string{"chat-id"}, "GET", "/<chat_id>/memberships", []string{"org-involved", "org-owned", "org-routed", "org-room", "user", "user-pending", "user-routed"}},
	{"memberships join", (*giosg.MembershipsService).Join, []string{"chat-id"}, "POST", "/<chat_id>/memberships", []string{"org-involved", "org-owned", "org-routed", "user-pending", "user-routed"}},
	{"memberships list-for-user", (*giosg.MembershipsService).ListForUser, []string{"user-id"}, "GET", "/api/v5/users/<user_id>/chat_memberships", nil},
	{"memberships update", (*giosg.MembershipsService).Update, []string{"user-id", "chat-id"}, "PUT", "/api/v5/users/<user_id>/chat_memberships/<chat_id>", nil},
	{"memberships list-for-visitor", (*giosg.MembershipsService).ListForVisitor, []string{"chat-id", "visitor-id"}, "GET", "/<chat_id>/visitors/<visitor_id>/chat_memberships", []string{"user"}},

	{"messages list", (*giosg.MessagesService).List, []string{"chat-id"}, "GET", "/<chat_id>/messages", []string{"org-involved", "org-owned", "org-routed", "user", "user-routed"}},
	{"messages send", (*giosg.MessagesService).Send, []string{"chat-id"}, "POST", "/<chat_id>/messages", []string{"user"}},

	{"reply-suggestions list", (*giosg.ReplySuggestionsService).List, []string{"chat-id"}, "GET", "/<chat_id>/reply_suggestions", []string{"user", "user-routed"}},
	{"reply-suggestions list-for-message", (*giosg.ReplySuggestionsService).ListForMessage, []string{"chat-id", "message-id"}, "GET", "/<chat_id>/messages/<message_id>/reply_suggestions", []string{"user", "user-routed"}},
	{"reply-suggestions add", (*giosg.ReplySuggestionsService).Add, []string{"chat-id", "message-id"}, "POST", "/<chat_id>/messages/<message_id>/reply_suggestions", []string{"user", "user-routed"}},
	{"reply-suggestions update", (*giosg.ReplySuggestionsService).Update, []string{"chat-id", "message-id", "reply-suggestion-id"}, "PUT", "/<chat_id>/messages/<message_id>/reply_suggestions/<reply_suggestion_id>", []string{"user", "user-routed"}},
	{"reply-suggestions patch", (*giosg.ReplySuggestionsService).Patch, []string{"chat-id", "message-id", "reply-suggestion-id"}, "PATCH", "/<chat_id>/messages/<message_id>/reply_suggestions/<reply_suggestion_id>", []string{"user", "user-routed"}},

	{"invitations list-outgoing", (*giosg.InvitationsService).ListOutgoing, []string{"chat-id"}, "GET", "/<chat_id>/outgoing_chat_invitations", []string{"user"}},
	{"invitations send", (*giosg.InvitationsService).Send, []string{"chat-id"}, "POST", "/<chat_id>/outgoing_chat_invitations", []string{"user"}},
	{"invitations update-outgoing", (*giosg.InvitationsService).UpdateOutgoing, []string{"chat-id", "invitation-id"}, "PUT", "/<chat_id>/outgoing_chat_invitations/<invitation_id>", []string{"user"}},
	{"invitations patch-outgoing", (*giosg.InvitationsService).PatchOutgoing, []string{"chat-id", "invitation-id"}, "PATCH", "/<chat_id>/outgoing_chat_invitations/<invitation_id>", []string{"user"}},
	{"invitations expire", (*giosg.InvitationsService).Expire, []string{"chat-id", "invitation-id"}, "PATCH", "/<chat_id>/outgoing_chat_invitations/<invitation_id>", []string{"user"}},
	{"invitations list-incoming", (*giosg.InvitationsService).ListIncoming, []string{"user-id"}, "GET", "/api/v5/users/<user_id>/incoming_chat_invitations", nil},
	{"invitations update-incoming", (*giosg.InvitationsService).UpdateIncoming, []string{"user-id", "invitation-id"}, "PUT", "/api/v5/users/<user_id>/incoming_chat_invitations/<invitation_id>", nil},
	{"invitations patch-incoming", (*giosg.InvitationsService).PatchIncoming, []string{"user-id", "invitation-id"}, "PATCH", "/api/v5/users/<user_id>/incoming_chat_invitations/<invitation_id>", nil},
	{"invitations accept", (*giosg.InvitationsService).Accept, []string{"user-id", "invitation-id"}, "PATCH", "/api/v5/users/<user_id>/incoming_chat_invitations/<invitation_id>", nil},

	{"conversation-starters list", (*giosg.ConversationStartersService).List, []string{"user-id"}, "GET", "/api/v5/users/<user_id>/chat_conversation_starters", nil},
	{"conversation-starters add", (*giosg.ConversationStartersService).Add, []string{"user-id"}, "POST", "/api/v5/users/<user_id>/chat_conversation_starters", nil},
	{"conversation-starters update", (*giosg.ConversationStartersService).Update, []string{"user-id", "language-code"}, "PUT", "/api/v5/users/<user_id>/chat_conversation_starters/<language_code>", nil},
	{"conversation-starters patch", (*giosg.ConversationStartersService).Patch, []string{"user-id", "language-code"}, "PATCH", "/api/v5/users/<user_id>/chat_conversation_starters/<language_code>", nil},
	{"conversation-starters remove", (*giosg.ConversationStartersService).Remove, []string{"user-id", "language-code"}, "DELETE", "/api/v5/users/<user_id>/chat_conversation_starters/<language_code>", nil},
}

// writtenScopePrefixes is the collection path of each --scope kind as the
// written table had it.
var writtenScopePrefixes = map[string]string{
	"user":              "/api/v5/users/<user_id>/chats",
	"user-pending":      "/api/v5/users/<user_id>/pending_chats",
	"user-routed":       "/api/v5/users/<user_id>/routed_chats",
	"user-room-visitor": "/api/v5/users/<user_id>/rooms/<room_id>/visitors/<visitor_id>/chats",
	"org-involved":      "/api/v5/orgs/<organization_id>/involved_chats",
	"org-owned":         "/api/v5/orgs/<organization_id>/owned_chats",
	"org-routed":        "/api/v5/orgs/<organization_id>/routed_chats",
	"org-room":          "/api/v5/orgs/<organization_id>/rooms/<room_id>/chats",
	"org-room-pending":  "/api/v5/orgs/<organization_id>/rooms/<room_id>/pending_chats",
	"org-room-visitor":  "/api/v5/orgs/<organization_id>/rooms/<room_id>/visitors/<visitor_id>/chats",
}

func TestGiosgCommandsAreDerived(t *testing.T) {
	require.NoError(t, errGiosgCommands)
	require.NotEmpty(t, giosgCommands)
}

func TestGiosgScopePrefixes(t *testing.T) {
	require.Len(t, giosgScopes, len(writtenScopePrefixes))
	for _, sc := range giosgScopes {
		assert.Equal(t, writtenScopePrefixes[sc.kind], sc.prefix(), sc.kind)
	}
}

// TestGiosgCommandsKeepTheWrittenTable checks that the derived tree has
// every command of the written one, with the same method, flags and
// --scope kind for each of its lines. New lines may add commands, or
// scopes to a command.
func TestGiosgCommandsKeepTheWrittenTable(t *testing.T) {
	byPath := map[string]*command{}
	for _, c := range giosgCommands {
		byPath[c.path] = c
	}
	for _, w := range writtenGiosgTable {
		c := byPath[w.path]
		if !assert.NotNil(t, c, "no command %q", w.path) {
			continue
		}
		assert.Equal(t, reflect.TypeOf(w.method), reflect.TypeOf(c.method), w.path)
		assert.Equal(t, reflect.ValueOf(w.method).Pointer(), reflect.ValueOf(c.method).Pointer(), "%s: not bound to the written method", w.path)
		assert.Equal(t, w.args, c.args, w.path)
		assert.Nil(t, c.all, w.path)
		have := map[string]string{}
		for i, line := range c.endpoints {
			have[line] = c.scopes[i]
		}
		kinds := w.kinds
		if len(kinds) == 0 {
			kinds = []string{""}
		}
		for _, k := range kinds {
			line := w.verb + " " + writtenScopePrefixes[k] + w.suffix
			kind, ok := have[line]
			if assert.True(t, ok, "%s: no line %s", w.path, line) {
				assert.Equal(t, k, kind, "%s: --scope kind of %s", w.path, line)
			}
		}
	}
}

// TestGiosgCommandsFromReportsBadLines checks that a line naming a method
// that giosg.Client does not have, or one whose path does not fit its
// method, is reported, and that the other lines still make commands.
func TestGiosgCommandsFromReportsBadLines(t *testing.T) {
	cases := []struct{ lines, problem string }{
		{"GET /api/v5/users/<user_id>/chats\tChats.Lists", "giosg.Client.Chats has no method Lists"},
		{"GET /api/v5/users/<user_id>/x\tNope.Get", "giosg.Client has no service Nope"},
		{"GET /api/v5/users/<user_id>/chat_things/<chat_id>\tChats.Get", "Chats.Get takes a ChatScope but GET /api/v5/users/<user_id>/chat_things/<chat_id> is below no scope's collection"},
		{"PUT /api/v5/users/<user_id>/chats/<chat_id>\tMemberships.Update", "Memberships.Update takes no ChatScope but PUT /api/v5/users/<user_id>/chats/<chat_id> is below the collection of --scope user"},
		{"GET /api/v5/users/<user_id>/routed_chats/<chat_id>\tChats.Get\nGET /api/v5/orgs/<organization_id>/owned_chats/<id>\tChats.Get", `has path arguments ["id"], line 1 has ["chat-id"]`},
		{"DELETE /api/v5/users/<user_id>/chats/<chat_id>/tags\tTags.Remove", `Tags.Remove takes 2 ID arguments, its lines and giosgBodyArgs name 1 (["chat-id"])`},
	}
	const good = "\nGET /api/v5/users/<user_id>/chats/<chat_id>/messages\tMessages.List"
	for _, tc := range cases {
		eps, problems := endpoints.Parse([]byte(tc.lines+good), true)
		require.Empty(t, problems)
		cmds, err := giosgCommandsFrom(eps)
		if assert.Error(t, err, tc.lines) {
			assert.Contains(t, err.Error(), tc.problem)
		}
		var paths []string
		for _, c := range cmds {
			paths = append(paths, c.path)
		}
		assert.True(t, slices.Contains(paths, "messages list"), "%s: commands %q", tc.lines, paths)
	}
}

func TestBrokenCommandTreeIsReported(t *testing.T) {
	api := findAPI("giosg")
	defer func(err error) { api.err = err }(api.err)
	api.err = errors.New("line 7: giosg.Client.Chats has no method Lists")
	r := cli(t, map[string]string{"GIOSG_TOKEN": "t"}, "giosg", "chats", "list", "--scope=user:u")
	assert.Equal(t, 1, r.code)
	assert.Contains(t, r.stderr, "giosg commands: line 7: giosg.Client.Chats has no method Lists")
}
