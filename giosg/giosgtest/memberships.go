package giosgtest

import (
	"encoding/json"
	"net/http"
	"time"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/internal/lenient"
)

func membershipKey(m *membership) position { return pos(m.createdAt, m.seq) }

// listMemberships answers the memberships of a chat of the scope, oldest
// first.
func (s *Server) listMemberships(sc scope) handlerFunc {
	return func(r *http.Request) (int, any, error) {
		_, c, err := s.chatIn(r, sc)
		if err != nil {
			return 0, nil, err
		}
		ms := append([]*membership(nil), c.members...)
		sortBy(ms, false, membershipKey)
		return paginate(s, r, ms, false, membershipKey, func(m *membership) any { return s.membershipModel(m) })
	}
}

// listUserMemberships answers the user's own memberships in every chat,
// oldest first, filtered by is_participating.
func (s *Server) listUserMemberships(r *http.Request) (int, any, error) {
	u, err := s.userFor(r)
	if err != nil {
		return 0, nil, err
	}
	participating, err := queryBool(r, "is_participating")
	if err != nil {
		return 0, nil, err
	}
	var ms []*membership
	for _, c := range s.st.chatOrder {
		if m := c.member(u.id); m != nil && (participating == nil || m.isParticipating == *participating) {
			ms = append(ms, m)
		}
	}
	sortBy(ms, false, membershipKey)
	return paginate(s, r, ms, false, membershipKey, func(m *membership) any { return s.membershipModel(m) })
}

// listVisitorMemberships answers the visitor's memberships in one of the
// user's chats.
func (s *Server) listVisitorMemberships(r *http.Request) (int, any, error) {
	_, c, err := s.chatIn(r, userChats)
	if err != nil {
		return 0, nil, err
	}
	v := s.st.visitors[r.PathValue("visitor_id")]
	if v == nil {
		return 0, nil, notFound("Visitor not found.")
	}
	var ms []*membership
	if m := c.member(v.id); m != nil {
		ms = append(ms, m)
	}
	return paginate(s, r, ms, false, membershipKey, func(m *membership) any { return s.membershipModel(m) })
}

var composingStatuses = map[string]bool{"idle": true, "typing": true, "typed": true}

// membershipInput is the validated is_participating and composing_status
// (both required).
type membershipInput struct {
	participating bool
	composing     string
	lastSeenAt    *time.Time
	hasLastSeen   bool
}

func readMembershipInput(b body) (membershipInput, error) {
	var in membershipInput
	var err error
	if in.participating, err = b.requiredBool("is_participating"); err != nil {
		return in, err
	}
	if in.composing, err = b.requiredString("composing_status"); err != nil {
		return in, err
	}
	if !composingStatuses[in.composing] {
		return in, badRequest("composing_status: %q is not one of idle, typing, typed.", in.composing)
	}
	if raw, ok := b["last_seen_at"]; ok {
		in.hasLastSeen = true
		if !isNull(raw) {
			var t lenient.Time
			if err := json.Unmarshal(raw, &t); err != nil || t.IsZero() {
				return in, badRequest("last_seen_at: Datetime has wrong format.")
			}
			in.lastSeenAt = chatsdk.Ptr(t.Time)
		}
	}
	return in, nil
}

func (in membershipInput) apply(m *membership, now time.Time) {
	m.isParticipating = in.participating
	m.composingStatus = in.composing
	if in.hasLastSeen {
		m.lastSeenAt = in.lastSeenAt
	}
	m.updatedAt = now
}

// joinChat adds a user membership to a chat of the scope. The member is the
// path's user in the user scopes and the body's member_id (a user of the
// organization) in the organization scopes.
//
// The answer is 201 for a new membership and 200 when the user already had
// one (it is updated). A chat that is no longer pending is a 404 through
// pending_chats, so a second join gets 404. An ended chat is a 404 through
// the user scopes (as documented) and a 409 through the organization
// scopes (not documented). A participating join of a waiting chat makes it
// no longer pending, and adds a "join" message.
func (s *Server) joinChat(sc scope) handlerFunc {
	return func(r *http.Request) (int, any, error) {
		t, c, b, err := s.chatAndBody(r, sc)
		if err != nil {
			return 0, nil, err
		}
		memberID := ""
		if t.user != nil {
			memberID = t.user.id
		} else {
			if memberID, err = b.requiredString("member_id"); err != nil {
				return 0, nil, err
			}
			if u := s.st.users[memberID]; u == nil || u.orgID != t.org.id {
				return 0, nil, badRequest("member_id: %q is not a user of the organization.", memberID)
			}
		}
		in, err := readMembershipInput(b)
		if err != nil {
			return 0, nil, err
		}
		if c.isEnded {
			if t.user != nil {
				return 0, nil, notFound("The chat has ended.")
			}
			return 0, nil, conflict("The chat has ended.")
		}
		now := s.now()
		status := http.StatusOK
		m := c.member(memberID)
		wasPresent := m != nil && m.present()
		if m == nil {
			m = s.addMember(c, memberID, "user", in.participating, now)
			status = http.StatusCreated
		}
		in.apply(m, now)
		if m.present() && !wasPresent {
			s.addEvent(c, "join", memberID, now)
		}
		c.updatedAt = now
		return status, s.membershipModel(m), nil
	}
}

// updateMembership changes the user's membership of a chat (PUT). Both
// is_participating and composing_status are required; last_seen_at is
// optional. An ended chat is a 400, as documented.
func (s *Server) updateMembership(r *http.Request) (int, any, error) {
	u, err := s.userFor(r)
	if err != nil {
		return 0, nil, err
	}
	c := s.st.chats[r.PathValue("chat_id")]
	var m *membership
	if c != nil {
		m = c.member(u.id)
	}
	if m == nil {
		return 0, nil, notFound("Chat not found, or the user is not a member of it.")
	}
	b, err := readBody(r)
	if err != nil {
		return 0, nil, err
	}
	in, err := readMembershipInput(b)
	if err != nil {
		return 0, nil, err
	}
	if c.isEnded {
		return 0, nil, badRequest("The chat has ended.")
	}
	now := s.now()
	wasPresent := m.present()
	in.apply(m, now)
	switch {
	case m.present() && !wasPresent:
		s.addEvent(c, "join", u.id, now)
	case !m.present() && wasPresent:
		s.addEvent(c, "leave", u.id, now)
	}
	c.updatedAt = now
	return http.StatusOK, s.membershipModel(m), nil
}

// addEvent adds a join or leave message by a user.
func (s *Server) addEvent(c *chat, kind, userID string, now time.Time) {
	c.messages = append(c.messages, &message{
		seq:        s.st.nextSeq(),
		id:         s.newID(),
		chatID:     c.id,
		msgType:    kind,
		createdAt:  now,
		senderType: "user",
		senderID:   userID,
	})
}
