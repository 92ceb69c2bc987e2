package giosgtest

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"net/http"
	"slices"
)

// scope is one of the documented ways to reach a chat: the path prefix
// before /<chat_id> and the rule for which chats it can see.
type scope int

const (
	userChats    scope = iota // /users/<user_id>/chats: the user is a member
	userRouted                // /users/<user_id>/routed_chats: rooms routed to the user
	userPending               // /users/<user_id>/pending_chats: pending chats of those rooms
	orgOwned                  // /orgs/<organization_id>/owned_chats: rooms the org owns
	orgInvolved               // /orgs/<organization_id>/involved_chats: an org user is a member
	orgRouted                 // /orgs/<organization_id>/routed_chats: rooms owned by or shared to the org
	orgRoomChats              // /orgs/<organization_id>/rooms/<room_id>/chats: the room's chats
)

// prefix is the scope's path pattern before /{chat_id}.
func (sc scope) prefix() string {
	switch sc {
	case userChats:
		return "/api/v5/users/{user_id}/chats"
	case userRouted:
		return "/api/v5/users/{user_id}/routed_chats"
	case userPending:
		return "/api/v5/users/{user_id}/pending_chats"
	case orgOwned:
		return "/api/v5/orgs/{organization_id}/owned_chats"
	case orgInvolved:
		return "/api/v5/orgs/{organization_id}/involved_chats"
	case orgRouted:
		return "/api/v5/orgs/{organization_id}/routed_chats"
	case orgRoomChats:
		return "/api/v5/orgs/{organization_id}/rooms/{room_id}/chats"
	}
	panic(fmt.Sprintf("giosgtest: unknown scope %d", sc))
}

func (sc scope) isUser() bool { return sc == userChats || sc == userRouted || sc == userPending }

// target is what a scoped request resolved to.
type target struct {
	user *user         // for user scopes
	org  *organization // for organization scopes
	room *room         // for orgRoomChats
}

// orgID is the organization the request acts for.
func (t target) orgID() string {
	if t.user != nil {
		return t.user.orgID
	}
	return t.org.id
}

// resolve checks the scope's path IDs: an unknown user or organization is a
// 403 (the docs' "you do not have access"), an unknown room a 404.
func (s *Server) resolve(r *http.Request, sc scope) (target, error) {
	var t target
	if sc.isUser() {
		u, err := s.userFor(r)
		if err != nil {
			return t, err
		}
		t.user = u
		return t, nil
	}
	o, err := s.orgFor(r)
	if err != nil {
		return t, err
	}
	t.org = o
	if sc == orgRoomChats {
		rm := s.st.rooms[r.PathValue("room_id")]
		if rm == nil || rm.orgID != o.id {
			return t, notFound("Room not found.")
		}
		t.room = rm
	}
	return t, nil
}

func (s *Server) userFor(r *http.Request) (*user, error) {
	u := s.st.users[r.PathValue("user_id")]
	if u == nil {
		return nil, forbidden("You do not have access to this user.")
	}
	return u, nil
}

func (s *Server) orgFor(r *http.Request) (*organization, error) {
	o := s.st.orgs[r.PathValue("organization_id")]
	if o == nil {
		return nil, forbidden("You do not have access to this organization.")
	}
	return o, nil
}

// roomVisibleTo reports whether the org owns rm or rm is shared with it.
func roomVisibleTo(rm *room, orgID string) bool {
	return rm != nil && (rm.orgID == orgID || slices.Contains(rm.sharedWith, orgID))
}

// sees reports whether chat c belongs to the scope's collection.
func (s *Server) sees(sc scope, t target, c *chat) bool {
	switch sc {
	case userChats:
		return c.member(t.user.id) != nil
	case userRouted:
		return roomVisibleTo(s.st.rooms[c.roomID], t.user.orgID)
	case userPending:
		return roomVisibleTo(s.st.rooms[c.roomID], t.user.orgID) && c.isPending()
	case orgOwned:
		rm := s.st.rooms[c.roomID]
		return rm != nil && rm.orgID == t.org.id
	case orgInvolved:
		for _, m := range c.members {
			if u := s.st.users[m.memberID]; u != nil && m.memberType == "user" && u.orgID == t.org.id {
				return true
			}
		}
		return false
	case orgRouted:
		return roomVisibleTo(s.st.rooms[c.roomID], t.org.id)
	case orgRoomChats:
		return c.roomID == t.room.id
	}
	return false
}

// chatIn resolves the scope and its {chat_id}: a chat the scope cannot see
// is a 404, as the docs say ("chat was not found", "the user was not a
// member of the chat", "the chat was not pending anymore").
func (s *Server) chatIn(r *http.Request, sc scope) (target, *chat, error) {
	t, err := s.resolve(r, sc)
	if err != nil {
		return t, nil, err
	}
	c := s.st.chats[r.PathValue("chat_id")]
	if c == nil || !s.sees(sc, t, c) {
		switch sc {
		case userChats:
			return t, nil, notFound("Chat not found, or the user is not a member of it.")
		case userPending:
			return t, nil, notFound("Chat not found, or it is not pending anymore.")
		case userRouted:
			return t, nil, notFound("Chat not found, or it is not routed to the user.")
		}
		return t, nil, notFound("Chat not found.")
	}
	return t, c, nil
}

// chatAndBody is chatIn followed by readBody, for the handlers that change
// a chat from a request body.
func (s *Server) chatAndBody(r *http.Request, sc scope) (target, *chat, body, error) {
	t, c, err := s.chatIn(r, sc)
	if err != nil {
		return t, nil, nil, err
	}
	b, err := readBody(r)
	return t, c, b, err
}

// messageIn is chatIn followed by the chat's {message_id}: an unknown
// message is a 404.
func (s *Server) messageIn(r *http.Request, sc scope) (target, *chat, *message, error) {
	t, c, err := s.chatIn(r, sc)
	if err != nil {
		return t, nil, nil, err
	}
	m := c.message(r.PathValue("message_id"))
	if m == nil {
		return t, nil, nil, notFound("Message not found.")
	}
	return t, c, m, nil
}

// chatsIn lists the scope's chats in creation order.
func (s *Server) chatsIn(sc scope, t target) []*chat {
	var out []*chat
	for _, c := range s.st.chatOrder {
		if s.sees(sc, t, c) {
			out = append(out, c)
		}
	}
	return out
}

// deriveID makes a stable UUID-shaped ID from seed.
func deriveID(seed string) string {
	sum := sha1.Sum([]byte(seed))
	h := hex.EncodeToString(sum[:16])
	return h[0:8] + "-" + h[8:12] + "-5" + h[13:16] + "-a" + h[17:20] + "-" + h[20:32]
}

// newID returns a fresh ID; IDs are deterministic for a fresh server.
func (s *Server) newID() string {
	s.ids++
	return deriveID(fmt.Sprintf("giosgtest:%d", s.ids))
}
