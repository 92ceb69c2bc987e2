package giosgtest

import (
	"net/http"
	"slices"

	"github.com/chatsdk-go/chatsdk"
)

func invitationKey(inv *invitation) position { return pos(inv.createdAt, inv.seq) }

// invitationFilter reads is_accepted and is_expired. As documented,
// is_accepted=false keeps the invitations that are still pending (neither
// accepted nor expired).
func invitationFilter(r *http.Request) (func(*invitation) bool, error) {
	accepted, err := queryBool(r, "is_accepted")
	if err != nil {
		return nil, err
	}
	expired, err := queryBool(r, "is_expired")
	if err != nil {
		return nil, err
	}
	return func(inv *invitation) bool {
		if accepted != nil {
			if *accepted != inv.isAccepted || (!*accepted && inv.isExpired) {
				return false
			}
		}
		return expired == nil || *expired == inv.isExpired
	}, nil
}

func (s *Server) listInvitations(r *http.Request, keep func(*invitation) bool) (int, any, error) {
	filter, err := invitationFilter(r)
	if err != nil {
		return 0, nil, err
	}
	var out []*invitation
	for _, inv := range s.st.invOrder {
		if keep(inv) && filter(inv) {
			out = append(out, inv)
		}
	}
	sortBy(out, false, invitationKey)
	return paginate(s, r, out, false, invitationKey, func(inv *invitation) any { return s.invitationModel(inv) })
}

// listOutgoingInvitations answers the invitations the user sent in one of
// their chats, oldest first.
func (s *Server) listOutgoingInvitations(r *http.Request) (int, any, error) {
	t, c, err := s.chatIn(r, userChats)
	if err != nil {
		return 0, nil, err
	}
	return s.listInvitations(r, func(inv *invitation) bool {
		return inv.chatID == c.id && inv.invitedByUserID == t.user.id
	})
}

// listIncomingInvitations answers the invitations to the user, their teams
// or their organization, oldest first.
func (s *Server) listIncomingInvitations(r *http.Request) (int, any, error) {
	u, err := s.userFor(r)
	if err != nil {
		return 0, nil, err
	}
	return s.listInvitations(r, func(inv *invitation) bool { return s.invitedUser(inv, u) })
}

// invitedUser reports whether inv invites u, a team of u or u's
// organization.
func (s *Server) invitedUser(inv *invitation, u *user) bool {
	switch {
	case inv.invitedUserID != nil:
		return *inv.invitedUserID == u.id
	case inv.invitedTeamID != nil:
		return slices.Contains(u.teamIDs, *inv.invitedTeamID)
	case inv.invitedOrganizationID != nil:
		return *inv.invitedOrganizationID == u.orgID && inv.invitedByUserID != u.id
	}
	return false
}

// sendInvitation invites exactly one of invited_user_id, invited_team_id or
// invited_organization_id (else 400; an unknown one is a 404) to one of the
// user's chats. When that party already has a pending invitation to the
// chat the answer is 200 with it, else 201 with the new one. An ended chat
// is a 409 (not documented).
func (s *Server) sendInvitation(r *http.Request) (int, any, error) {
	t, c, b, err := s.chatAndBody(r, userChats)
	if err != nil {
		return 0, nil, err
	}
	var set []string
	ids := map[string]*string{}
	for _, key := range []string{"invited_user_id", "invited_team_id", "invited_organization_id"} {
		v, err := b.optString(key)
		if err != nil {
			return 0, nil, err
		}
		if v != nil {
			set = append(set, key)
			ids[key] = v
		}
	}
	if len(set) != 1 {
		return 0, nil, badRequest("Define exactly one of invited_user_id, invited_team_id and invited_organization_id.")
	}
	id := *ids[set[0]]
	var known bool
	switch set[0] {
	case "invited_user_id":
		known = s.st.users[id] != nil
	case "invited_team_id":
		known = s.st.teams[id] != nil
	default:
		known = s.st.orgs[id] != nil
	}
	if !known {
		return 0, nil, notFound("The invited user, team or organization was not found.")
	}
	if c.isEnded {
		return 0, nil, conflict("The chat has ended.")
	}
	for _, inv := range s.st.invOrder {
		if inv.chatID == c.id && inv.pending() && sameInvitee(inv, ids) {
			return http.StatusOK, s.invitationModel(inv), nil
		}
	}
	now := s.now()
	inv := &invitation{
		seq:                   s.st.nextSeq(),
		id:                    s.newID(),
		chatID:                c.id,
		invitedByUserID:       t.user.id,
		invitedUserID:         ids["invited_user_id"],
		invitedTeamID:         ids["invited_team_id"],
		invitedOrganizationID: ids["invited_organization_id"],
		createdAt:             now,
		updatedAt:             now,
	}
	s.st.addInvitation(inv)
	return http.StatusCreated, s.invitationModel(inv), nil
}

func sameInvitee(inv *invitation, ids map[string]*string) bool {
	eq := func(a, b *string) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }
	return eq(inv.invitedUserID, ids["invited_user_id"]) &&
		eq(inv.invitedTeamID, ids["invited_team_id"]) &&
		eq(inv.invitedOrganizationID, ids["invited_organization_id"])
}

// expireInvitation expires one of the user's outgoing invitations (PUT or
// PATCH). The body needs is_expired: true; other attributes are ignored.
// An invitation that already expired or was accepted is a 400, as
// documented.
func (s *Server) expireInvitation(r *http.Request) (int, any, error) {
	t, c, err := s.chatIn(r, userChats)
	if err != nil {
		return 0, nil, err
	}
	inv := s.st.invitations[r.PathValue("invitation_id")]
	if inv == nil || inv.chatID != c.id || inv.invitedByUserID != t.user.id {
		return 0, nil, notFound("Chat invitation not found.")
	}
	b, err := readBody(r)
	if err != nil {
		return 0, nil, err
	}
	expired, err := b.requiredBool("is_expired")
	if err != nil {
		return 0, nil, err
	}
	switch {
	case !expired:
		return 0, nil, badRequest("is_expired: only true is accepted.")
	case inv.isExpired:
		return 0, nil, badRequest("The invitation has already expired.")
	case inv.isAccepted:
		return 0, nil, badRequest("The invitation has already been accepted.")
	}
	now := s.now()
	inv.isExpired = true
	inv.expiredAt = chatsdk.Ptr(now)
	inv.updatedAt = now
	return http.StatusOK, s.invitationModel(inv), nil
}

// acceptInvitation accepts an invitation to the user (PUT or PATCH) and
// makes the user a participating member of the chat. The body needs
// is_accepted: true. An invitation that is no longer pending (accepted
// before, by anyone, or expired) is a 400, as documented, so accepting
// twice fails with 400.
func (s *Server) acceptInvitation(r *http.Request) (int, any, error) {
	u, err := s.userFor(r)
	if err != nil {
		return 0, nil, err
	}
	inv := s.st.invitations[r.PathValue("invitation_id")]
	if inv == nil || !s.invitedUser(inv, u) {
		return 0, nil, notFound("Chat invitation not found.")
	}
	b, err := readBody(r)
	if err != nil {
		return 0, nil, err
	}
	accepted, err := b.requiredBool("is_accepted")
	if err != nil {
		return 0, nil, err
	}
	if !accepted {
		return 0, nil, badRequest("is_accepted: only true is accepted.")
	}
	if !inv.pending() {
		return 0, nil, badRequest("The chat invitation is not pending: it expired or was already accepted.")
	}
	c := s.st.chats[inv.chatID]
	if c.isEnded {
		return 0, nil, badRequest("The chat has ended.")
	}
	now := s.now()
	inv.isAccepted = true
	inv.acceptedByUserID = chatsdk.Ptr(u.id)
	inv.acceptedAt = chatsdk.Ptr(now)
	inv.updatedAt = now
	if m := c.member(u.id); m == nil {
		s.addMember(c, u.id, "user", true, now)
		s.addEvent(c, "join", u.id, now)
	}
	c.updatedAt = now
	return http.StatusOK, s.invitationModel(inv), nil
}
