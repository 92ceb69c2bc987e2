package giosg

import "strings"

// routes are the route templates of the API's endpoints; routeOf matches a
// request path against them.
var routes = []string{
	"/api/v5/orgs/{organization_id}/involved_chats",
	"/api/v5/orgs/{organization_id}/involved_chats/{chat_id}",
	"/api/v5/orgs/{organization_id}/involved_chats/{chat_id}/allowed_tags",
	"/api/v5/orgs/{organization_id}/involved_chats/{chat_id}/memberships",
	"/api/v5/orgs/{organization_id}/involved_chats/{chat_id}/messages",
	"/api/v5/orgs/{organization_id}/involved_chats/{chat_id}/tags",
	"/api/v5/orgs/{organization_id}/involved_chats/{chat_id}/tags/{tag_name}",
	"/api/v5/orgs/{organization_id}/owned_chats",
	"/api/v5/orgs/{organization_id}/owned_chats/{chat_id}",
	"/api/v5/orgs/{organization_id}/owned_chats/{chat_id}/allowed_tags",
	"/api/v5/orgs/{organization_id}/owned_chats/{chat_id}/memberships",
	"/api/v5/orgs/{organization_id}/owned_chats/{chat_id}/messages",
	"/api/v5/orgs/{organization_id}/owned_chats/{chat_id}/tags",
	"/api/v5/orgs/{organization_id}/owned_chats/{chat_id}/tags/{tag_name}",
	"/api/v5/orgs/{organization_id}/rooms/{room_id}/chats",
	"/api/v5/orgs/{organization_id}/rooms/{room_id}/chats/{chat_id}/memberships",
	"/api/v5/orgs/{organization_id}/rooms/{room_id}/pending_chats",
	"/api/v5/orgs/{organization_id}/rooms/{room_id}/visitors/{visitor_id}/chats",
	"/api/v5/orgs/{organization_id}/routed_chats",
	"/api/v5/orgs/{organization_id}/routed_chats/{chat_id}",
	"/api/v5/orgs/{organization_id}/routed_chats/{chat_id}/allowed_tags",
	"/api/v5/orgs/{organization_id}/routed_chats/{chat_id}/memberships",
	"/api/v5/orgs/{organization_id}/routed_chats/{chat_id}/messages",
	"/api/v5/orgs/{organization_id}/routed_chats/{chat_id}/tags",
	"/api/v5/orgs/{organization_id}/routed_chats/{chat_id}/tags/{tag_name}",
	"/api/v5/users/{user_id}/chat_conversation_starters",
	"/api/v5/users/{user_id}/chat_conversation_starters/{language_code}",
	"/api/v5/users/{user_id}/chat_memberships",
	"/api/v5/users/{user_id}/chat_memberships/{chat_id}",
	"/api/v5/users/{user_id}/chats",
	"/api/v5/users/{user_id}/chats/{chat_id}",
	"/api/v5/users/{user_id}/chats/{chat_id}/allowed_tags",
	"/api/v5/users/{user_id}/chats/{chat_id}/memberships",
	"/api/v5/users/{user_id}/chats/{chat_id}/messages",
	"/api/v5/users/{user_id}/chats/{chat_id}/messages/{message_id}/reply_suggestions",
	"/api/v5/users/{user_id}/chats/{chat_id}/messages/{message_id}/reply_suggestions/{reply_suggestion_id}",
	"/api/v5/users/{user_id}/chats/{chat_id}/outgoing_chat_invitations",
	"/api/v5/users/{user_id}/chats/{chat_id}/outgoing_chat_invitations/{invitation_id}",
	"/api/v5/users/{user_id}/chats/{chat_id}/reply_suggestions",
	"/api/v5/users/{user_id}/chats/{chat_id}/tags",
	"/api/v5/users/{user_id}/chats/{chat_id}/tags/{tag_name}",
	"/api/v5/users/{user_id}/chats/{chat_id}/visitors/{visitor_id}/chat_memberships",
	"/api/v5/users/{user_id}/incoming_chat_invitations",
	"/api/v5/users/{user_id}/incoming_chat_invitations/{invitation_id}",
	"/api/v5/users/{user_id}/pending_chats",
	"/api/v5/users/{user_id}/pending_chats/{chat_id}/memberships",
	"/api/v5/users/{user_id}/rooms/{room_id}/visitors/{visitor_id}/chats",
	"/api/v5/users/{user_id}/routed_chats",
	"/api/v5/users/{user_id}/routed_chats/{chat_id}",
	"/api/v5/users/{user_id}/routed_chats/{chat_id}/memberships",
	"/api/v5/users/{user_id}/routed_chats/{chat_id}/messages",
	"/api/v5/users/{user_id}/routed_chats/{chat_id}/messages/{message_id}/reply_suggestions",
	"/api/v5/users/{user_id}/routed_chats/{chat_id}/messages/{message_id}/reply_suggestions/{reply_suggestion_id}",
	"/api/v5/users/{user_id}/routed_chats/{chat_id}/reply_suggestions",
}

// routeOf returns the template in routes that path matches, preferring the
// one with the most fixed segments; path itself when none matches (a path
// without parameters, or one given to Raw).
func routeOf(path string) string {
	best, bestFixed := path, -1
	for _, t := range routes {
		if fixed, ok := matchRoute(t, path); ok && fixed > bestFixed {
			best, bestFixed = t, fixed
		}
	}
	return best
}

// matchRoute reports whether path has template's segments, any non-empty
// value standing for a {param} segment, and counts the fixed segments.
func matchRoute(template, path string) (fixed int, ok bool) {
	for {
		var ts, ps string
		var tMore, pMore bool
		ts, template, tMore = strings.Cut(template, "/")
		ps, path, pMore = strings.Cut(path, "/")
		switch {
		case tMore != pMore:
			return 0, false
		case strings.HasPrefix(ts, "{"):
			if ps == "" {
				return 0, false
			}
		case ts != ps:
			return 0, false
		default:
			fixed++
		}
		if !tMore {
			return fixed, true
		}
	}
}
