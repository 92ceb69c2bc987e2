package giosg

import (
	"context"
	"iter"
	"net/http"

	"github.com/chatsdk-go/chatsdk"
)

// InvitationsService sends, lists and expires the chat invitations a user
// sends (outgoing, offered by UserChats), and lists and accepts the
// invitations a user receives (incoming). Reach it as Client.Invitations.
type InvitationsService service

func (s *InvitationsService) outgoingCall(scope ChatScope, chatID string, params *InvitationListParams) (listCall, error) {
	const op = "giosg.Invitations.ListOutgoing"
	if err := required(op, "chat ID", chatID); err != nil {
		return listCall{}, err
	}
	path, err := scope.path(op, capInvitations, "/{chat_id}/outgoing_chat_invitations", chatID)
	if err != nil {
		return listCall{}, err
	}
	var p InvitationListParams
	if params != nil {
		p = *params
	}
	return listCall{op: op, path: path, query: &p, opts: p.ListOptions}, nil
}

// ListOutgoing iterates over the invitations the user sent in a chat,
// oldest first.
//
// The documented example answers with a next URL equal to the page's own
// URL; the iterator yields that page's items once and then stops with an
// error matching chatsdk.ErrRepeatedCursor instead of looping.
func (s *InvitationsService) ListOutgoing(ctx context.Context, scope ChatScope, chatID string, params *InvitationListParams, opts ...chatsdk.CallOption) iter.Seq2[ChatInvitation, error] {
	lc, err := s.outgoingCall(scope, chatID, params)
	return seq[ChatInvitation](ctx, s.c, lc, err, opts)
}

// ListOutgoingPage fetches one page of ListOutgoing.
func (s *InvitationsService) ListOutgoingPage(ctx context.Context, scope ChatScope, chatID string, params *InvitationListParams, opts ...chatsdk.CallOption) (*Page[ChatInvitation], error) {
	lc, err := s.outgoingCall(scope, chatID, params)
	return page[ChatInvitation](ctx, s.c, lc, err, opts)
}

// Send invites a user, a team or a partner organization to a chat (exactly
// one of the IDs). The API answers 200 when the invited party already has a
// pending invitation to the chat (Result.Created false, the existing
// invitation) and 201 when a new one was sent (Result.Created true).
// Offered by UserChats. Retried on 5xx and connection errors: it is
// idempotent.
func (s *InvitationsService) Send(ctx context.Context, scope ChatScope, chatID string, inv *InvitationCreate, opts ...chatsdk.CallOption) (*Result[ChatInvitation], error) {
	const op = "giosg.Invitations.Send"
	if err := required(op, "chat ID", chatID); err != nil {
		return nil, err
	}
	if inv == nil {
		return nil, missingBody(op, "invited_user_id, invited_team_id or invited_organization_id")
	}
	n := 0
	for _, id := range []string{inv.InvitedUserID, inv.InvitedTeamID, inv.InvitedOrganizationID} {
		if id != "" {
			n++
		}
	}
	if n != 1 {
		return nil, paramErr(op, ErrMissingParam, "invited_user_id, invited_team_id, invited_organization_id", "set exactly one (got %d)", n)
	}
	path, err := scope.path(op, capInvitations, "/{chat_id}/outgoing_chat_invitations", chatID)
	if err != nil {
		return nil, err
	}
	return doIdempotentResult[ChatInvitation](ctx, s.c, op, http.MethodPost, path, inv, opts)
}

// UpdateOutgoing updates an outgoing invitation with PUT. The API reads only
// is_expired, which must be true (see Expire); it answers 400 if the
// invitation has already expired or been accepted.
func (s *InvitationsService) UpdateOutgoing(ctx context.Context, scope ChatScope, chatID, invitationID string, update *InvitationUpdate, opts ...chatsdk.CallOption) (*ChatInvitation, error) {
	return s.updateOutgoing(ctx, "giosg.Invitations.UpdateOutgoing", http.MethodPut, scope, chatID, invitationID, update, opts)
}

// PatchOutgoing is UpdateOutgoing with PATCH.
//
// It is a PATCH: never retried once sent (a failure after sending
// matches chatsdk.ErrMayHaveBeenApplied); chatsdk.WithRetryUnsafe retries it.
func (s *InvitationsService) PatchOutgoing(ctx context.Context, scope ChatScope, chatID, invitationID string, update *InvitationUpdate, opts ...chatsdk.CallOption) (*ChatInvitation, error) {
	return s.updateOutgoing(ctx, "giosg.Invitations.PatchOutgoing", http.MethodPatch, scope, chatID, invitationID, update, opts)
}

// Expire expires an outgoing invitation (PATCH {"is_expired": true}).
//
// It is a PATCH: never retried once sent (a failure after sending
// matches chatsdk.ErrMayHaveBeenApplied); chatsdk.WithRetryUnsafe retries it.
func (s *InvitationsService) Expire(ctx context.Context, scope ChatScope, chatID, invitationID string, opts ...chatsdk.CallOption) (*ChatInvitation, error) {
	return s.updateOutgoing(ctx, "giosg.Invitations.Expire", http.MethodPatch, scope, chatID, invitationID, &InvitationUpdate{IsExpired: chatsdk.Ptr(true)}, opts)
}

func (s *InvitationsService) updateOutgoing(ctx context.Context, op, method string, scope ChatScope, chatID, invitationID string, update *InvitationUpdate, opts []chatsdk.CallOption) (*ChatInvitation, error) {
	if err := required(op, "chat ID", chatID, "invitation ID", invitationID); err != nil {
		return nil, err
	}
	if update == nil || update.IsExpired == nil {
		return nil, missingBody(op, "is_expired")
	}
	path, err := scope.path(op, capInvitations, "/{chat_id}/outgoing_chat_invitations/{invitation_id}", chatID, invitationID)
	if err != nil {
		return nil, err
	}
	return doValue[ChatInvitation](ctx, s.c, op, method, path, update, opts)
}

func (s *InvitationsService) incomingCall(userID string, params *InvitationListParams) (listCall, error) {
	const op = "giosg.Invitations.ListIncoming"
	if err := required(op, "user ID", userID); err != nil {
		return listCall{}, err
	}
	var p InvitationListParams
	if params != nil {
		p = *params
	}
	return listCall{op: op, path: newEndpoint("/api/v5/users/{user_id}/incoming_chat_invitations", userID), query: &p, opts: p.ListOptions}, nil
}

// ListIncoming iterates over the invitations the user received, oldest
// first. See ChatInvitation.IsExpired for the documented example's
// duplicate is_expired key, and ListOutgoing for its self-referencing next
// URL.
func (s *InvitationsService) ListIncoming(ctx context.Context, userID string, params *InvitationListParams, opts ...chatsdk.CallOption) iter.Seq2[ChatInvitation, error] {
	lc, err := s.incomingCall(userID, params)
	return seq[ChatInvitation](ctx, s.c, lc, err, opts)
}

// ListIncomingPage fetches one page of ListIncoming.
func (s *InvitationsService) ListIncomingPage(ctx context.Context, userID string, params *InvitationListParams, opts ...chatsdk.CallOption) (*Page[ChatInvitation], error) {
	lc, err := s.incomingCall(userID, params)
	return page[ChatInvitation](ctx, s.c, lc, err, opts)
}

// UpdateIncoming updates an incoming invitation with PUT
// (/users/<user_id>/incoming_chat_invitations/<invitation_id>; the
// documented example URL, under /chats/<chat_id>/, differs from the endpoint
// path, and the endpoint path is used). is_accepted is required. The API
// answers 400 when the invitation can no longer be accepted (expired, or
// another user of the team or organization already responded).
//
// As a PUT it is retried after a 5xx or a broken connection. If the first
// attempt was applied before the failure, the retry gets that 400: check
// the invitation (ListIncoming) before treating the 400 as a refusal.
// Accept and PatchIncoming use PATCH and are never retried once sent.
func (s *InvitationsService) UpdateIncoming(ctx context.Context, userID, invitationID string, update *InvitationUpdate, opts ...chatsdk.CallOption) (*ChatInvitation, error) {
	return s.updateIncoming(ctx, "giosg.Invitations.UpdateIncoming", http.MethodPut, userID, invitationID, update, opts)
}

// PatchIncoming is UpdateIncoming with PATCH.
//
// It is a PATCH: never retried once sent (a failure after sending
// matches chatsdk.ErrMayHaveBeenApplied); chatsdk.WithRetryUnsafe retries it.
func (s *InvitationsService) PatchIncoming(ctx context.Context, userID, invitationID string, update *InvitationUpdate, opts ...chatsdk.CallOption) (*ChatInvitation, error) {
	return s.updateIncoming(ctx, "giosg.Invitations.PatchIncoming", http.MethodPatch, userID, invitationID, update, opts)
}

// Accept accepts an incoming invitation (PATCH {"is_accepted": true}).
//
// It is a PATCH: never retried once sent (a failure after sending
// matches chatsdk.ErrMayHaveBeenApplied); chatsdk.WithRetryUnsafe retries it.
func (s *InvitationsService) Accept(ctx context.Context, userID, invitationID string, opts ...chatsdk.CallOption) (*ChatInvitation, error) {
	return s.updateIncoming(ctx, "giosg.Invitations.Accept", http.MethodPatch, userID, invitationID, &InvitationUpdate{IsAccepted: chatsdk.Ptr(true)}, opts)
}

func (s *InvitationsService) updateIncoming(ctx context.Context, op, method, userID, invitationID string, update *InvitationUpdate, opts []chatsdk.CallOption) (*ChatInvitation, error) {
	if err := required(op, "user ID", userID, "invitation ID", invitationID); err != nil {
		return nil, err
	}
	if update == nil || update.IsAccepted == nil {
		return nil, missingBody(op, "is_accepted")
	}
	path := newEndpoint("/api/v5/users/{user_id}/incoming_chat_invitations/{invitation_id}", userID, invitationID)
	return doValue[ChatInvitation](ctx, s.c, op, method, path, update, opts)
}
