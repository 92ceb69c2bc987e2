package giosg

import (
	"fmt"
	"sync"
)

// ChatScope is one of the collections through which the API reaches chats:
// the chats of a room, the owned, involved or routed chats of an
// organization, the chats, pending chats or routed chats of a user, or the
// chats of a visitor in a room. It is a small comparable value; build it with
// the constructors (UserChats, OrgOwnedChats, ...) and pass it to any
// operation. Each operation checks at call time that the API offers it for
// the scope, and returns an error matching ErrUnsupportedScope otherwise.
//
// What each scope offers (from the API documentation):
//
//	scope                 chats              chat sub-resources
//	OrgRoomChats          List               memberships (list)
//	OrgRoomPendingChats   List               -
//	OrgRoomVisitorChats   List               -
//	OrgOwnedChats         List, Get, Update  memberships (list, join), messages (list), tags, allowed tags
//	OrgInvolvedChats      List, Get          memberships (list, join), messages (list), tags, allowed tags
//	OrgRoutedChats        List, Get          memberships (list, join), messages (list), tags, allowed tags
//	UserChats             List, Create, Update
//	                                         memberships (list), visitor memberships, messages (list, send),
//	                                         tags, allowed tags, reply suggestions, outgoing invitations
//	UserPendingChats      List               memberships (list, join)
//	UserRoutedChats       List, Get          memberships (list, join), messages (list), reply suggestions
//	UserRoomVisitorChats  List, Create       -
type ChatScope struct {
	kind    scopeKind
	owner   string
	room    string
	visitor string
}

type scopeKind uint8

const (
	scopeNone scopeKind = iota
	scopeOrgRoom
	scopeOrgRoomPending
	scopeOrgRoomVisitor
	scopeOrgOwned
	scopeOrgInvolved
	scopeOrgRouted
	scopeUser
	scopeUserPending
	scopeUserRouted
	scopeUserRoomVisitor
)

// capability is one operation (or group of operations) on a scope.
type capability uint16

const (
	capList capability = 1 << iota
	capGet
	capCreate
	capUpdate
	capMemberships
	capJoin
	capVisitorMemberships
	capMessages
	capSend
	capTags
	capAllowedTags
	capReplySuggestions
	capInvitations
)

var capabilityNames = map[capability]string{
	capList:               "listing chats",
	capGet:                "retrieving a chat",
	capCreate:             "creating a chat",
	capUpdate:             "updating a chat",
	capMemberships:        "listing memberships",
	capJoin:               "joining a chat",
	capVisitorMemberships: "listing a visitor's memberships",
	capMessages:           "listing messages",
	capSend:               "sending a message",
	capTags:               "tags",
	capAllowedTags:        "allowed tags",
	capReplySuggestions:   "reply suggestions",
	capInvitations:        "outgoing chat invitations",
}

type scopeInfo struct {
	name string
	// route is the collection's route template; its parameters are the
	// owner, room and visitor IDs in that order.
	route string
	ids   []string
	caps  capability
}

const orgChatCaps = capList | capGet | capMemberships | capJoin | capMessages | capTags | capAllowedTags

var scopes = map[scopeKind]scopeInfo{
	scopeOrgRoom:        {"OrgRoomChats", "/api/v5/orgs/{organization_id}/rooms/{room_id}/chats", []string{"organization ID", "room ID"}, capList | capMemberships},
	scopeOrgRoomPending: {"OrgRoomPendingChats", "/api/v5/orgs/{organization_id}/rooms/{room_id}/pending_chats", []string{"organization ID", "room ID"}, capList},
	scopeOrgRoomVisitor: {"OrgRoomVisitorChats", "/api/v5/orgs/{organization_id}/rooms/{room_id}/visitors/{visitor_id}/chats", []string{"organization ID", "room ID", "visitor ID"}, capList},
	scopeOrgOwned:       {"OrgOwnedChats", "/api/v5/orgs/{organization_id}/owned_chats", []string{"organization ID"}, orgChatCaps | capUpdate},
	scopeOrgInvolved:    {"OrgInvolvedChats", "/api/v5/orgs/{organization_id}/involved_chats", []string{"organization ID"}, orgChatCaps},
	scopeOrgRouted:      {"OrgRoutedChats", "/api/v5/orgs/{organization_id}/routed_chats", []string{"organization ID"}, orgChatCaps},
	scopeUser: {"UserChats", "/api/v5/users/{user_id}/chats", []string{"user ID"},
		capList | capCreate | capUpdate | capMemberships | capVisitorMemberships | capMessages | capSend |
			capTags | capAllowedTags | capReplySuggestions | capInvitations},
	scopeUserPending:     {"UserPendingChats", "/api/v5/users/{user_id}/pending_chats", []string{"user ID"}, capList | capMemberships | capJoin},
	scopeUserRouted:      {"UserRoutedChats", "/api/v5/users/{user_id}/routed_chats", []string{"user ID"}, capList | capGet | capMemberships | capJoin | capMessages | capReplySuggestions},
	scopeUserRoomVisitor: {"UserRoomVisitorChats", "/api/v5/users/{user_id}/rooms/{room_id}/visitors/{visitor_id}/chats", []string{"user ID", "room ID", "visitor ID"}, capList | capCreate},
}

// OrgRoomChats is the chats of a room: /api/v5/orgs/<organization_id>/rooms/<room_id>/chats.
func OrgRoomChats(organizationID, roomID string) ChatScope {
	return ChatScope{kind: scopeOrgRoom, owner: organizationID, room: roomID}
}

// OrgRoomPendingChats is the pending chats of a room (chats whose is_pending
// is true): /api/v5/orgs/<organization_id>/rooms/<room_id>/pending_chats.
func OrgRoomPendingChats(organizationID, roomID string) ChatScope {
	return ChatScope{kind: scopeOrgRoomPending, owner: organizationID, room: roomID}
}

// OrgRoomVisitorChats is the chats a visitor has in a room:
// /api/v5/orgs/<organization_id>/rooms/<room_id>/visitors/<visitor_id>/chats.
func OrgRoomVisitorChats(organizationID, roomID, visitorID string) ChatScope {
	return ChatScope{kind: scopeOrgRoomVisitor, owner: organizationID, room: roomID, visitor: visitorID}
}

// OrgOwnedChats is the chats of rooms the organization owns:
// /api/v5/orgs/<organization_id>/owned_chats.
func OrgOwnedChats(organizationID string) ChatScope {
	return ChatScope{kind: scopeOrgOwned, owner: organizationID}
}

// OrgInvolvedChats is the chats with at least one member who is a user of
// the organization: /api/v5/orgs/<organization_id>/involved_chats.
func OrgInvolvedChats(organizationID string) ChatScope {
	return ChatScope{kind: scopeOrgInvolved, owner: organizationID}
}

// OrgRoutedChats is the chats routed to the organization (its owned chats
// and the chats of rooms shared with it): /api/v5/orgs/<organization_id>/routed_chats.
func OrgRoutedChats(organizationID string) ChatScope {
	return ChatScope{kind: scopeOrgRouted, owner: organizationID}
}

// UserChats is the chats the user is a member of: /api/v5/users/<user_id>/chats.
func UserChats(userID string) ChatScope {
	return ChatScope{kind: scopeUser, owner: userID}
}

// UserPendingChats is the pending chats of every room the user has access
// to, member or not: /api/v5/users/<user_id>/pending_chats.
func UserPendingChats(userID string) ChatScope {
	return ChatScope{kind: scopeUserPending, owner: userID}
}

// UserRoutedChats is the chats of every room the user is linked to by a
// router, member or not: /api/v5/users/<user_id>/routed_chats.
func UserRoutedChats(userID string) ChatScope {
	return ChatScope{kind: scopeUserRouted, owner: userID}
}

// UserRoomVisitorChats is the chats a visitor has in a room, seen by the
// user: /api/v5/users/<user_id>/rooms/<room_id>/visitors/<visitor_id>/chats.
// Chats.Create on it starts (or resumes) a chat with the visitor.
func UserRoomVisitorChats(userID, roomID, visitorID string) ChatScope {
	return ChatScope{kind: scopeUserRoomVisitor, owner: userID, room: roomID, visitor: visitorID}
}

// String names the scope and its IDs, e.g. `UserChats("u1")`.
func (s ChatScope) String() string {
	info, ok := scopes[s.kind]
	if !ok {
		return "ChatScope{}"
	}
	ids := s.idList(info)
	out := info.name + "("
	for i, id := range ids {
		if i > 0 {
			out += ", "
		}
		out += fmt.Sprintf("%q", id)
	}
	return out + ")"
}

// Route is the route template of the scope's collection, as middleware
// and telemetry see it for Chats.List on the scope (AttemptInfo.Route),
// e.g. "/api/v5/users/{user_id}/chats" for UserChats; the scope's
// operations on chats extend it ("/{chat_id}/messages", ...). It is "" for
// the zero ChatScope.
func (s ChatScope) Route() string {
	return scopes[s.kind].route
}

func (s ChatScope) idList(info scopeInfo) []string {
	return []string{s.owner, s.room, s.visitor}[:len(info.ids)]
}

// path checks that the scope offers cap and has its IDs, and returns the
// endpoint of the scope's collection followed by suffix, a route template
// whose parameters ids fill, e.g.
// path(op, capTags, "/{chat_id}/tags", chatID) is
// /api/v5/users/{user_id}/chats/{chat_id}/tags.
func (s ChatScope) path(op string, c capability, suffix string, ids ...string) (endpoint, error) {
	info, ok := scopes[s.kind]
	if !ok {
		return endpoint{}, paramErr(op, ErrMissingParam, "scope", "is the zero ChatScope (build one with UserChats, OrgOwnedChats, ...)")
	}
	if info.caps&c == 0 {
		return endpoint{}, paramErr(op, ErrUnsupportedScope, "scope", "%s is not offered by %s", capabilityNames[c], info.name)
	}
	owners := s.idList(info)
	args := make([]any, 0, len(owners)+len(ids))
	for i, id := range owners {
		if id == "" {
			return endpoint{}, paramErr(op, ErrMissingParam, info.ids[i], "is empty in %s", info.name)
		}
		args = append(args, id)
	}
	for _, id := range ids {
		args = append(args, id)
	}
	return newEndpoint(s.route(info, suffix), args...), nil
}

// routeKey names one operation's route template on one kind of scope.
type routeKey struct {
	kind   scopeKind
	suffix string
}

// routes caches the scope routes joined with their operations' suffixes,
// so a call does not build its template again.
var routes sync.Map // routeKey → string

// route is the template of the operation whose route is suffix under the
// scope's collection (info.route).
func (s ChatScope) route(info scopeInfo, suffix string) string {
	if suffix == "" {
		return info.route
	}
	key := routeKey{kind: s.kind, suffix: suffix}
	if v, ok := routes.Load(key); ok {
		if r, ok := v.(string); ok {
			return r
		}
	}
	r := info.route + suffix
	routes.Store(key, r)
	return r
}
