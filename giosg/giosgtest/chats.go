package giosgtest

import (
	"net/http"
	"slices"
	"time"

	"github.com/chatsdk-go/chatsdk"
)

// chatOrder reads the "ordering" parameter of a chat list: created_at or
// updated_at, "-" for descending. Without it chats come newest first, as the
// docs' prose says (their parameter tables name created_at as the default
// field). Any other value is a 400.
func chatOrder(r *http.Request) (desc bool, key func(*chat) position, err error) {
	byCreated := func(c *chat) position { return pos(c.createdAt, c.seq) }
	byUpdated := func(c *chat) position { return pos(c.updatedAt, c.seq) }
	switch o := r.URL.Query().Get("ordering"); o {
	case "", "-created_at":
		return true, byCreated, nil
	case "created_at":
		return false, byCreated, nil
	case "updated_at":
		return false, byUpdated, nil
	case "-updated_at":
		return true, byUpdated, nil
	default:
		return false, nil, badRequest("ordering: %q is not one of created_at, -created_at, updated_at, -updated_at.", o)
	}
}

// chatFilter reads the documented chat list filters. Every boolean filter
// is meaningful when false. is_participating applies to the path's user.
func chatFilter(r *http.Request, t target) (func(*chat) bool, error) {
	type boolFilter struct {
		name string
		v    *bool
		get  func(*chat, counts) bool
	}
	filters := []boolFilter{
		{name: "is_waiting", get: func(c *chat, _ counts) bool { return c.isWaiting }},
		{name: "is_ended", get: func(c *chat, _ counts) bool { return c.isEnded }},
		{name: "has_messages", get: func(_ *chat, n counts) bool { return n.hasMessages }},
		{name: "has_user_messages", get: func(_ *chat, n counts) bool { return n.hasUserMessages }},
		{name: "has_visitor_messages", get: func(_ *chat, n counts) bool { return n.hasVisitorMessages }},
		{name: "is_participating", get: func(c *chat, _ counts) bool {
			if t.user == nil {
				return false
			}
			m := c.member(t.user.id)
			return m != nil && m.isParticipating
		}},
	}
	var active []boolFilter
	for _, f := range filters {
		v, err := queryBool(r, f.name)
		if err != nil {
			return nil, err
		}
		if v != nil {
			f.v = v
			active = append(active, f)
		}
	}
	after, err := queryTime(r, "created_at_after")
	if err != nil {
		return nil, err
	}
	before, err := queryTime(r, "created_at_before")
	if err != nil {
		return nil, err
	}
	return func(c *chat) bool {
		var n counts
		if len(active) > 0 {
			n = c.counts()
		}
		for _, f := range active {
			if f.get(c, n) != *f.v {
				return false
			}
		}
		if after != nil && c.createdAt.Before(*after) {
			return false
		}
		if before != nil && c.createdAt.After(*before) {
			return false
		}
		return true
	}, nil
}

// chatNarrower narrows a scope's chats further from the request (room,
// visitor, pending), or fails.
type chatNarrower func(r *http.Request, t target) (func(*chat) bool, error)

// listChats answers the scope's chats, filtered and paginated.
func (s *Server) listChats(sc scope, narrow chatNarrower) handlerFunc {
	return func(r *http.Request) (int, any, error) {
		t, err := s.resolve(r, sc)
		if err != nil {
			return 0, nil, err
		}
		keep := func(*chat) bool { return true }
		if narrow != nil {
			if keep, err = narrow(r, t); err != nil {
				return 0, nil, err
			}
		}
		filter, err := chatFilter(r, t)
		if err != nil {
			return 0, nil, err
		}
		desc, key, err := chatOrder(r)
		if err != nil {
			return 0, nil, err
		}
		var chats []*chat
		for _, c := range s.chatsIn(sc, t) {
			if keep(c) && filter(c) {
				chats = append(chats, c)
			}
		}
		sortBy(chats, desc, key)
		return paginate(s, r, chats, desc, key, func(c *chat) any { return s.chatModel(c) })
	}
}

// sortBy sorts items into a list's order. Items usually arrive in
// creation order, which is often their order already: then sorting is a
// single pass.
func sortBy[T any](items []T, desc bool, key func(T) position) {
	cmp := func(a, b T) int { return key(a).cmp(key(b)) }
	if !slices.IsSortedFunc(items, cmp) {
		slices.SortFunc(items, cmp) // positions are unique: no ties
	}
	if desc {
		slices.Reverse(items)
	}
}

// onlyPending keeps the pending chats.
func onlyPending(*http.Request, target) (func(*chat) bool, error) {
	return (*chat).isPending, nil
}

// visitorChats keeps the chats of the path's visitor in the path's room.
// For a user scope the room must be visible to the user.
func (s *Server) visitorChats(r *http.Request, t target) (func(*chat) bool, error) {
	rm := t.room
	if rm == nil {
		rm = s.st.rooms[r.PathValue("room_id")]
		if rm == nil || !roomVisibleTo(rm, t.orgID()) {
			return nil, notFound("Room not found.")
		}
	}
	v := s.st.visitors[r.PathValue("visitor_id")]
	if v == nil || v.roomID != rm.id {
		return nil, notFound("Visitor not found.")
	}
	return func(c *chat) bool {
		return c.roomID == rm.id && c.member(v.id) != nil
	}, nil
}

// getChat answers one chat of the scope.
func (s *Server) getChat(sc scope) handlerFunc {
	return func(r *http.Request) (int, any, error) {
		_, c, err := s.chatIn(r, sc)
		if err != nil {
			return 0, nil, err
		}
		return http.StatusOK, s.chatModel(c), nil
	}
}

// updateChat ends a chat (is_ended: true) or marks it not waiting
// (is_waiting: false), with PUT or PATCH alike. A body with neither is a
// 400, as are is_waiting: true, reopening an ended chat (is_ended: false),
// and is_waiting on an ended chat. Ending an ended chat again is a no-op.
func (s *Server) updateChat(sc scope) handlerFunc {
	return func(r *http.Request) (int, any, error) {
		_, c, b, err := s.chatAndBody(r, sc)
		if err != nil {
			return 0, nil, err
		}
		ended, hasEnded, err := b.boolField("is_ended")
		if err != nil {
			return 0, nil, err
		}
		waiting, hasWaiting, err := b.boolField("is_waiting")
		if err != nil {
			return 0, nil, err
		}
		switch {
		case !hasEnded && !hasWaiting:
			return 0, nil, badRequest("Provide is_ended (true) or is_waiting (false).")
		case hasEnded && !ended && c.isEnded:
			return 0, nil, badRequest("is_ended: an ended chat cannot be reopened.")
		case hasWaiting && waiting:
			return 0, nil, badRequest("is_waiting: only false is accepted.")
		case hasWaiting && c.isEnded && !ended:
			return 0, nil, badRequest("Chat has already been ended.")
		}
		now := s.now()
		if hasWaiting {
			c.isWaiting = false
		}
		if ended && !c.isEnded {
			s.endChat(c, now)
		}
		c.updatedAt = now
		return http.StatusOK, s.chatModel(c), nil
	}
}

// endChat locks c: it stops waiting, and its unanswered invitations expire.
func (s *Server) endChat(c *chat, now time.Time) {
	c.isEnded = true
	c.isWaiting = false
	c.endedAt = chatsdk.Ptr(now)
	c.updatedAt = now
	for _, inv := range s.st.invOrder {
		if inv.chatID == c.id && inv.pending() {
			inv.isExpired = true
			inv.expiredAt = chatsdk.Ptr(now)
			inv.updatedAt = now
		}
	}
}

// createChat starts an empty operator chat with the user as its only
// member, in the first room of the user's organization. 201.
func (s *Server) createChat(r *http.Request) (int, any, error) {
	u, err := s.userFor(r)
	if err != nil {
		return 0, nil, err
	}
	if _, err := readBody(r); err != nil {
		return 0, nil, err
	}
	o := s.st.orgs[u.orgID]
	if len(o.rooms) == 0 {
		return 0, nil, badRequest("The user's organization has no room.")
	}
	c := s.newChat(o.rooms[0], "operator", s.now())
	s.addMember(c, u.id, "user", true, c.createdAt)
	return http.StatusCreated, s.chatModel(c), nil
}

// createVisitorChat resumes the visitor's latest open chat in the room
// (200) or starts a new one (201), and makes the user a participating
// member of it. A room that does not exist is a 404, one the user cannot
// see a 403, an unknown visitor a 404. When the open chat is private and
// another user is present, the answer is 409.
func (s *Server) createVisitorChat(r *http.Request) (int, any, error) {
	u, err := s.userFor(r)
	if err != nil {
		return 0, nil, err
	}
	if _, err := readBody(r); err != nil {
		return 0, nil, err
	}
	rm := s.st.rooms[r.PathValue("room_id")]
	if rm == nil {
		return 0, nil, notFound("Room not found.")
	}
	if !roomVisibleTo(rm, u.orgID) {
		return 0, nil, forbidden("User does not have access to the room.")
	}
	v := s.st.visitors[r.PathValue("visitor_id")]
	if v == nil || v.roomID != rm.id {
		return 0, nil, notFound("Visitor not found.")
	}
	now := s.now()
	for i := len(s.st.chatOrder) - 1; i >= 0; i-- {
		c := s.st.chatOrder[i]
		if c.roomID != rm.id || c.isEnded || c.member(v.id) == nil {
			continue
		}
		if c.isPrivate {
			for _, m := range c.members {
				if m.memberType == "user" && m.memberID != u.id && m.present() {
					return 0, nil, conflict("Someone else already has a chat with the visitor.")
				}
			}
		}
		if m := c.member(u.id); m != nil {
			m.isParticipating = true
			m.updatedAt = now
		} else {
			s.addMember(c, u.id, "user", true, now)
		}
		c.updatedAt = now
		return http.StatusOK, s.chatModel(c), nil
	}
	c := s.newChat(rm.id, "visitor", now)
	s.addMember(c, v.id, "visitor", true, now)
	s.addMember(c, u.id, "user", true, now)
	return http.StatusCreated, s.chatModel(c), nil
}

// newChat adds an open, not waiting chat to the state.
func (s *Server) newChat(roomID, chatType string, now time.Time) *chat {
	c := &chat{
		id:        s.newID(),
		roomID:    roomID,
		chatType:  chatType,
		createdAt: now,
		updatedAt: now,
	}
	c.token = tokenFor(c.id)
	c.legacyRoomID = tokenFor(roomID)
	s.st.addChat(c)
	return c
}

// addMember adds a membership (composing "idle").
func (s *Server) addMember(c *chat, memberID, memberType string, participating bool, now time.Time) *membership {
	m := &membership{
		seq:             s.st.nextSeq(),
		chatID:          c.id,
		memberID:        memberID,
		memberType:      memberType,
		createdAt:       now,
		updatedAt:       now,
		isParticipating: participating,
		composingStatus: "idle",
	}
	if memberType == "user" {
		m.legacyMemberID = tokenFor(memberID)
	}
	c.members = append(c.members, m)
	return m
}

// tokenFor makes a legacy-looking token (48 lowercase letters and digits).
func tokenFor(seed string) string {
	const alphabet = "abcdefghijklmnopqrstuvwxyz234567"
	h := deriveID("token:"+seed) + deriveID("token2:"+seed)
	out := make([]byte, 0, 48)
	for i := 0; len(out) < 48; i++ {
		out = append(out, alphabet[int(h[i%len(h)])%len(alphabet)])
	}
	return string(out)
}
