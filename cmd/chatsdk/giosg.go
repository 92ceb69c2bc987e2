package main

import (
	"slices"
	"strings"

	"github.com/chatsdk-go/chatsdk/giosg"
)

// giosgScope is one --scope kind: how many IDs it takes and its
// constructor.
type giosgScope struct {
	kind string
	ids  int
	make func(ids []string) giosg.ChatScope
}

var giosgScopes = []giosgScope{
	{"user", 1, func(id []string) giosg.ChatScope { return giosg.UserChats(id[0]) }},
	{"user-pending", 1, func(id []string) giosg.ChatScope { return giosg.UserPendingChats(id[0]) }},
	{"user-routed", 1, func(id []string) giosg.ChatScope { return giosg.UserRoutedChats(id[0]) }},
	{"user-room-visitor", 3, func(id []string) giosg.ChatScope { return giosg.UserRoomVisitorChats(id[0], id[1], id[2]) }},
	{"org-involved", 1, func(id []string) giosg.ChatScope { return giosg.OrgInvolvedChats(id[0]) }},
	{"org-owned", 1, func(id []string) giosg.ChatScope { return giosg.OrgOwnedChats(id[0]) }},
	{"org-routed", 1, func(id []string) giosg.ChatScope { return giosg.OrgRoutedChats(id[0]) }},
	{"org-room", 2, func(id []string) giosg.ChatScope { return giosg.OrgRoomChats(id[0], id[1]) }},
	{"org-room-pending", 2, func(id []string) giosg.ChatScope { return giosg.OrgRoomPendingChats(id[0], id[1]) }},
	{"org-room-visitor", 3, func(id []string) giosg.ChatScope { return giosg.OrgRoomVisitorChats(id[0], id[1], id[2]) }},
}

// listForm writes a route template's {name} parameters as the endpoint
// list does, <name>.
var listForm = strings.NewReplacer("{", "<", "}", ">")

// prefix is the path of the scope's collection as the endpoint list writes
// it, e.g. /api/v5/users/<user_id>/chats.
func (sc giosgScope) prefix() string {
	return listForm.Replace(sc.make(make([]string, sc.ids)).Route())
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
