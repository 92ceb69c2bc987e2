package main

import (
	"slices"
	"strings"

	"github.com/chatsdk-go/chatsdk/giosg"
)

// giosgScope is one --scope kind: how many IDs it takes, its constructor
// and the path prefix it stands for in the endpoint list.
type giosgScope struct {
	kind   string
	ids    int
	make   func(ids []string) giosg.ChatScope
	prefix string
}

var giosgScopes = []giosgScope{
	{"user", 1, func(id []string) giosg.ChatScope { return giosg.UserChats(id[0]) }, "/api/v5/users/<user_id>/chats"},
	{"user-pending", 1, func(id []string) giosg.ChatScope { return giosg.UserPendingChats(id[0]) }, "/api/v5/users/<user_id>/pending_chats"},
	{"user-routed", 1, func(id []string) giosg.ChatScope { return giosg.UserRoutedChats(id[0]) }, "/api/v5/users/<user_id>/routed_chats"},
	{"user-room-visitor", 3, func(id []string) giosg.ChatScope { return giosg.UserRoomVisitorChats(id[0], id[1], id[2]) }, "/api/v5/users/<user_id>/rooms/<room_id>/visitors/<visitor_id>/chats"},
	{"org-involved", 1, func(id []string) giosg.ChatScope { return giosg.OrgInvolvedChats(id[0]) }, "/api/v5/orgs/<organization_id>/involved_chats"},
	{"org-owned", 1, func(id []string) giosg.ChatScope { return giosg.OrgOwnedChats(id[0]) }, "/api/v5/orgs/<organization_id>/owned_chats"},
	{"org-routed", 1, func(id []string) giosg.ChatScope { return giosg.OrgRoutedChats(id[0]) }, "/api/v5/orgs/<organization_id>/routed_chats"},
	{"org-room", 2, func(id []string) giosg.ChatScope { return giosg.OrgRoomChats(id[0], id[1]) }, "/api/v5/orgs/<organization_id>/rooms/<room_id>/chats"},
	{"org-room-pending", 2, func(id []string) giosg.ChatScope { return giosg.OrgRoomPendingChats(id[0], id[1]) }, "/api/v5/orgs/<organization_id>/rooms/<room_id>/pending_chats"},
	{"org-room-visitor", 3, func(id []string) giosg.ChatScope { return giosg.OrgRoomVisitorChats(id[0], id[1], id[2]) }, "/api/v5/orgs/<organization_id>/rooms/<room_id>/visitors/<visitor_id>/chats"},
}

func scopeKinds() []string {
	kinds := make([]string, len(giosgScopes))
	for i, s := range giosgScopes {
		kinds[i] = s.kind
	}
	return kinds
}

// parseScope reads --scope kind:id[:id[:id]], e.g. user-pending:<user_id> or
// org-room:<organization_id>:<room_id>; kind must be one of allowed.
func parseScope(s string, allowed []string) (giosg.ChatScope, error) {
	if s == "" {
		return giosg.ChatScope{}, usagef("--scope is required (%s)", strings.Join(allowed, ", "))
	}
	parts := strings.Split(s, ":")
	if !slices.Contains(allowed, parts[0]) {
		return giosg.ChatScope{}, usagef("--scope: kind %q is not documented for this operation (%s)", parts[0], strings.Join(allowed, ", "))
	}
	for _, sc := range giosgScopes {
		if sc.kind != parts[0] {
			continue
		}
		if len(parts)-1 != sc.ids {
			return giosg.ChatScope{}, usagef("--scope %s takes %d ID(s)", sc.kind, sc.ids)
		}
		for _, id := range parts[1:] {
			if id == "" {
				return giosg.ChatScope{}, usagef("--scope %s: empty ID", sc.kind)
			}
		}
		return sc.make(parts[1:]), nil
	}
	return giosg.ChatScope{}, usagef("--scope: unknown kind %q (%s)", parts[0], strings.Join(scopeKinds(), ", "))
}

// scoped lists the endpoint lines of method under each scope kind: the
// scope's path prefix followed by suffix.
func scoped(method, suffix string, kinds ...string) (lines, scopes []string) {
	for _, k := range kinds {
		for _, sc := range giosgScopes {
			if sc.kind == k {
				lines = append(lines, method+" "+sc.prefix+suffix)
				scopes = append(scopes, k)
			}
		}
	}
	return lines, scopes
}

func giosgCmd(path string, method any, args []string, httpMethod, suffix string, kinds ...string) *command {
	c := &command{path: path, method: method, args: args}
	if len(kinds) == 0 {
		c.endpoints = []string{httpMethod + " " + suffix}
		c.scopes = []string{""}
	} else {
		c.endpoints, c.scopes = scoped(httpMethod, suffix, kinds...)
	}
	return c
}

var (
	orgAndUser   = []string{"org-involved", "org-owned", "org-routed", "user"}
	userScopes   = []string{"user", "user-routed"}
	chatArg      = []string{"chat-id"}
	userArg      = []string{"user-id"}
	conversation = "/api/v5/users/<user_id>/chat_conversation_starters"
	incoming     = "/api/v5/users/<user_id>/incoming_chat_invitations"
)

// giosgCommands is the giosg subcommand tree.
var giosgCommands = []*command{
	giosgCmd("chats list", (*giosg.ChatsService).List, nil, "GET", "", "user", "user-pending", "user-routed", "user-room-visitor",
		"org-involved", "org-owned", "org-routed", "org-room", "org-room-pending", "org-room-visitor"),
	giosgCmd("chats get", (*giosg.ChatsService).Get, chatArg, "GET", "/<chat_id>", "org-involved", "org-owned", "org-routed", "user-routed"),
	giosgCmd("chats create", (*giosg.ChatsService).Create, nil, "POST", "", "user", "user-room-visitor"),
	giosgCmd("chats update", (*giosg.ChatsService).Update, chatArg, "PUT", "/<chat_id>", "org-owned", "user"),
	giosgCmd("chats patch", (*giosg.ChatsService).Patch, chatArg, "PATCH", "/<chat_id>", "org-owned", "user"),
	giosgCmd("chats end", (*giosg.ChatsService).End, chatArg, "PATCH", "/<chat_id>", "org-owned", "user"),
	giosgCmd("chats mark-not-waiting", (*giosg.ChatsService).MarkNotWaiting, chatArg, "PATCH", "/<chat_id>", "org-owned", "user"),

	giosgCmd("tags list", (*giosg.TagsService).List, chatArg, "GET", "/<chat_id>/tags", orgAndUser...),
	giosgCmd("tags list-allowed", (*giosg.TagsService).ListAllowed, chatArg, "GET", "/<chat_id>/allowed_tags", orgAndUser...),
	giosgCmd("tags add", (*giosg.TagsService).Add, []string{"chat-id", "name"}, "POST", "/<chat_id>/tags", orgAndUser...),
	giosgCmd("tags remove", (*giosg.TagsService).Remove, []string{"chat-id", "name"}, "DELETE", "/<chat_id>/tags/<tag_name>", orgAndUser...),

	giosgCmd("memberships list", (*giosg.MembershipsService).List, chatArg, "GET", "/<chat_id>/memberships",
		"org-involved", "org-owned", "org-routed", "org-room", "user", "user-pending", "user-routed"),
	giosgCmd("memberships join", (*giosg.MembershipsService).Join, chatArg, "POST", "/<chat_id>/memberships",
		"org-involved", "org-owned", "org-routed", "user-pending", "user-routed"),
	giosgCmd("memberships list-for-user", (*giosg.MembershipsService).ListForUser, userArg, "GET", "/api/v5/users/<user_id>/chat_memberships"),
	giosgCmd("memberships update", (*giosg.MembershipsService).Update, []string{"user-id", "chat-id"}, "PUT", "/api/v5/users/<user_id>/chat_memberships/<chat_id>"),
	giosgCmd("memberships list-for-visitor", (*giosg.MembershipsService).ListForVisitor, []string{"chat-id", "visitor-id"}, "GET", "/<chat_id>/visitors/<visitor_id>/chat_memberships", "user"),

	giosgCmd("messages list", (*giosg.MessagesService).List, chatArg, "GET", "/<chat_id>/messages", "org-involved", "org-owned", "org-routed", "user", "user-routed"),
	giosgCmd("messages send", (*giosg.MessagesService).Send, chatArg, "POST", "/<chat_id>/messages", "user"),

	giosgCmd("reply-suggestions list", (*giosg.ReplySuggestionsService).List, chatArg, "GET", "/<chat_id>/reply_suggestions", userScopes...),
	giosgCmd("reply-suggestions list-for-message", (*giosg.ReplySuggestionsService).ListForMessage, []string{"chat-id", "message-id"}, "GET", "/<chat_id>/messages/<message_id>/reply_suggestions", userScopes...),
	giosgCmd("reply-suggestions add", (*giosg.ReplySuggestionsService).Add, []string{"chat-id", "message-id"}, "POST", "/<chat_id>/messages/<message_id>/reply_suggestions", userScopes...),
	giosgCmd("reply-suggestions update", (*giosg.ReplySuggestionsService).Update, []string{"chat-id", "message-id", "reply-suggestion-id"}, "PUT", "/<chat_id>/messages/<message_id>/reply_suggestions/<reply_suggestion_id>", userScopes...),
	giosgCmd("reply-suggestions patch", (*giosg.ReplySuggestionsService).Patch, []string{"chat-id", "message-id", "reply-suggestion-id"}, "PATCH", "/<chat_id>/messages/<message_id>/reply_suggestions/<reply_suggestion_id>", userScopes...),

	giosgCmd("invitations list-outgoing", (*giosg.InvitationsService).ListOutgoing, chatArg, "GET", "/<chat_id>/outgoing_chat_invitations", "user"),
	giosgCmd("invitations send", (*giosg.InvitationsService).Send, chatArg, "POST", "/<chat_id>/outgoing_chat_invitations", "user"),
	giosgCmd("invitations update-outgoing", (*giosg.InvitationsService).UpdateOutgoing, []string{"chat-id", "invitation-id"}, "PUT", "/<chat_id>/outgoing_chat_invitations/<invitation_id>", "user"),
	giosgCmd("invitations patch-outgoing", (*giosg.InvitationsService).PatchOutgoing, []string{"chat-id", "invitation-id"}, "PATCH", "/<chat_id>/outgoing_chat_invitations/<invitation_id>", "user"),
	giosgCmd("invitations expire", (*giosg.InvitationsService).Expire, []string{"chat-id", "invitation-id"}, "PATCH", "/<chat_id>/outgoing_chat_invitations/<invitation_id>", "user"),
	giosgCmd("invitations list-incoming", (*giosg.InvitationsService).ListIncoming, userArg, "GET", incoming),
	giosgCmd("invitations update-incoming", (*giosg.InvitationsService).UpdateIncoming, []string{"user-id", "invitation-id"}, "PUT", incoming+"/<invitation_id>"),
	giosgCmd("invitations patch-incoming", (*giosg.InvitationsService).PatchIncoming, []string{"user-id", "invitation-id"}, "PATCH", incoming+"/<invitation_id>"),
	giosgCmd("invitations accept", (*giosg.InvitationsService).Accept, []string{"user-id", "invitation-id"}, "PATCH", incoming+"/<invitation_id>"),

	giosgCmd("conversation-starters list", (*giosg.ConversationStartersService).List, userArg, "GET", conversation),
	giosgCmd("conversation-starters add", (*giosg.ConversationStartersService).Add, userArg, "POST", conversation),
	giosgCmd("conversation-starters update", (*giosg.ConversationStartersService).Update, []string{"user-id", "language-code"}, "PUT", conversation+"/<language_code>"),
	giosgCmd("conversation-starters patch", (*giosg.ConversationStartersService).Patch, []string{"user-id", "language-code"}, "PATCH", conversation+"/<language_code>"),
	giosgCmd("conversation-starters remove", (*giosg.ConversationStartersService).Remove, []string{"user-id", "language-code"}, "DELETE", conversation+"/<language_code>"),
}
