package giosg

import (
	"context"
	"iter"
	"net/http"

	"github.com/chatsdk-go/chatsdk"
)

// MembershipsService lists chat members, joins users to chats and updates
// the user's own chat membership. Reach it as Client.Memberships.
type MembershipsService service

func (s *MembershipsService) listCall(scope ChatScope, chatID string, params *ListOptions) (listCall, error) {
	const op = "giosg.Memberships.List"
	if err := required(op, "chat ID", chatID); err != nil {
		return listCall{}, err
	}
	path, err := scope.path(op, capMemberships, "/{chat_id}/memberships", chatID)
	if err != nil {
		return listCall{}, err
	}
	return listCall{op: op, path: path, opts: params.listOptions()}, nil
}

// List iterates over the memberships (the visitor and every user who
// attended) of a chat. Offered by OrgRoomChats, OrgOwnedChats,
// OrgInvolvedChats, OrgRoutedChats, UserChats, UserPendingChats (404 once
// the chat is no longer pending) and UserRoutedChats.
func (s *MembershipsService) List(ctx context.Context, scope ChatScope, chatID string, params *ListOptions, opts ...chatsdk.CallOption) iter.Seq2[ChatMembership, error] {
	lc, err := s.listCall(scope, chatID, params)
	return seq[ChatMembership](ctx, s.c, lc, err, opts)
}

// ListPage fetches one page of List.
func (s *MembershipsService) ListPage(ctx context.Context, scope ChatScope, chatID string, params *ListOptions, opts ...chatsdk.CallOption) (*Page[ChatMembership], error) {
	lc, err := s.listCall(scope, chatID, params)
	return page[ChatMembership](ctx, s.c, lc, err, opts)
}

func (s *MembershipsService) visitorCall(scope ChatScope, chatID, visitorID string, params *ListOptions) (listCall, error) {
	const op = "giosg.Memberships.ListForVisitor"
	if err := required(op, "chat ID", chatID, "visitor ID", visitorID); err != nil {
		return listCall{}, err
	}
	path, err := scope.path(op, capVisitorMemberships, "/{chat_id}/visitors/{visitor_id}/chat_memberships", chatID, visitorID)
	if err != nil {
		return listCall{}, err
	}
	return listCall{op: op, path: path, opts: params.listOptions()}, nil
}

// ListForVisitor iterates over the memberships of a visitor, by chat
// (/users/<user_id>/chats/<chat_id>/visitors/<visitor_id>/chat_memberships).
// Offered by UserChats.
func (s *MembershipsService) ListForVisitor(ctx context.Context, scope ChatScope, chatID, visitorID string, params *ListOptions, opts ...chatsdk.CallOption) iter.Seq2[ChatMembership, error] {
	lc, err := s.visitorCall(scope, chatID, visitorID, params)
	return seq[ChatMembership](ctx, s.c, lc, err, opts)
}

// ListForVisitorPage fetches one page of ListForVisitor.
func (s *MembershipsService) ListForVisitorPage(ctx context.Context, scope ChatScope, chatID, visitorID string, params *ListOptions, opts ...chatsdk.CallOption) (*Page[ChatMembership], error) {
	lc, err := s.visitorCall(scope, chatID, visitorID, params)
	return page[ChatMembership](ctx, s.c, lc, err, opts)
}

func (s *MembershipsService) userCall(userID string, params *MembershipListParams) (listCall, error) {
	const op = "giosg.Memberships.ListForUser"
	if err := required(op, "user ID", userID); err != nil {
		return listCall{}, err
	}
	var p MembershipListParams
	if params != nil {
		p = *params
	}
	return listCall{op: op, path: newEndpoint("/api/v5/users/{user_id}/chat_memberships", userID), query: &p, opts: p.ListOptions}, nil
}

// ListForUser iterates over the user's own memberships, one per chat of the
// user (/users/<user_id>/chat_memberships): an alternative to listing the
// user's chats.
func (s *MembershipsService) ListForUser(ctx context.Context, userID string, params *MembershipListParams, opts ...chatsdk.CallOption) iter.Seq2[ChatMembership, error] {
	lc, err := s.userCall(userID, params)
	return seq[ChatMembership](ctx, s.c, lc, err, opts)
}

// ListForUserPage fetches one page of ListForUser.
func (s *MembershipsService) ListForUserPage(ctx context.Context, userID string, params *MembershipListParams, opts ...chatsdk.CallOption) (*Page[ChatMembership], error) {
	lc, err := s.userCall(userID, params)
	return page[ChatMembership](ctx, s.c, lc, err, opts)
}

// Join adds a user as a member of a chat (POST .../<chat_id>/memberships).
// ComposingStatus is required; the organization scopes also require
// MemberID.
//
//   - UserPendingChats: joins the scope's user to one of their pending
//     chats. The API answers 404 (chatsdk.ErrNotFound) when the chat is no
//     longer pending, so only one user can take a pending chat, and 409 when
//     the user is not present. Always 201: Result.Created is true.
//   - UserRoutedChats: joins the scope's user to a routed chat (201).
//   - OrgOwnedChats, OrgInvolvedChats, OrgRoutedChats: joins the
//     organization's user MemberID. The API answers 200 with the existing
//     membership (Result.Created false) or 201 with a new one
//     (Result.Created true).
//
// Through an organization scope Join is retried on 5xx and connection
// errors: it is idempotent. Through a user scope it is never retried once
// sent: the API answers 201 to every join there, so a replay cannot be
// told from a first join.
func (s *MembershipsService) Join(ctx context.Context, scope ChatScope, chatID string, join *MembershipJoin, opts ...chatsdk.CallOption) (*Result[ChatMembership], error) {
	const op = "giosg.Memberships.Join"
	if err := required(op, "chat ID", chatID); err != nil {
		return nil, err
	}
	if join == nil {
		return nil, missingBody(op, "composing_status")
	}
	if err := required(op, "composing_status", string(join.ComposingStatus)); err != nil {
		return nil, err
	}
	switch scope.kind {
	case scopeOrgOwned, scopeOrgInvolved, scopeOrgRouted:
		if err := required(op, "member_id (required when joining through an organization scope)", join.MemberID); err != nil {
			return nil, err
		}
	}
	path, err := scope.path(op, capJoin, "/{chat_id}/memberships", chatID)
	if err != nil {
		return nil, err
	}
	switch scope.kind {
	case scopeOrgOwned, scopeOrgInvolved, scopeOrgRouted:
		return doIdempotentResult[ChatMembership](ctx, s.c, op, http.MethodPost, path, join, opts)
	}
	return doResult[ChatMembership](ctx, s.c, op, http.MethodPost, path, join, opts)
}

// Update changes the user's membership in a chat with PUT
// (/users/<user_id>/chat_memberships/<chat_id>): whether the user has the
// chat open (refresh it when the chat is opened or closed), the composing
// status (send it when the user starts and stops typing), and optionally
// when the user last saw the conversation. The API answers 400 if the chat
// has ended and 409 if the user was not present.
func (s *MembershipsService) Update(ctx context.Context, userID, chatID string, update *MembershipUpdate, opts ...chatsdk.CallOption) (*ChatMembership, error) {
	const op = "giosg.Memberships.Update"
	if err := required(op, "user ID", userID, "chat ID", chatID); err != nil {
		return nil, err
	}
	if update == nil {
		return nil, missingBody(op, "is_participating and composing_status")
	}
	if err := required(op, "composing_status", string(update.ComposingStatus)); err != nil {
		return nil, err
	}
	path := newEndpoint("/api/v5/users/{user_id}/chat_memberships/{chat_id}", userID, chatID)
	return doValue[ChatMembership](ctx, s.c, op, http.MethodPut, path, update, opts)
}
