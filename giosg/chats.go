package giosg

import (
	"context"
	"iter"
	"net/http"

	"github.com/chatsdk-go/chatsdk"
)

// ChatsService lists, retrieves, creates, ends and updates chats. Reach it
// as Client.Chats.
type ChatsService service

func (s *ChatsService) listCall(scope ChatScope, params *ChatListParams) (listCall, error) {
	const op = "giosg.Chats.List"
	path, err := scope.path(op, capList, "")
	if err != nil {
		return listCall{}, err
	}
	var p ChatListParams
	if params != nil {
		p = *params
	}
	return listCall{op: op, path: path, query: &p, opts: p.ListOptions}, nil
}

// List iterates over the chats of scope, newest first by default, fetching
// pages lazily. Every scope offers it. The pending scopes list only chats
// whose is_pending is true; the user's pending and routed chats are listed
// whether or not the user is a member.
func (s *ChatsService) List(ctx context.Context, scope ChatScope, params *ChatListParams, opts ...chatsdk.CallOption) iter.Seq2[Chat, error] {
	lc, err := s.listCall(scope, params)
	return seq[Chat](ctx, s.c, lc, err, opts)
}

// ListPage fetches one page of the chats of scope: the first page, or the
// page params.PageURL names.
func (s *ChatsService) ListPage(ctx context.Context, scope ChatScope, params *ChatListParams, opts ...chatsdk.CallOption) (*Page[Chat], error) {
	lc, err := s.listCall(scope, params)
	return page[Chat](ctx, s.c, lc, err, opts)
}

// Get retrieves one chat. Offered by OrgOwnedChats, OrgInvolvedChats,
// OrgRoutedChats and UserRoutedChats.
func (s *ChatsService) Get(ctx context.Context, scope ChatScope, chatID string, opts ...chatsdk.CallOption) (*Chat, error) {
	const op = "giosg.Chats.Get"
	if err := required(op, "chat ID", chatID); err != nil {
		return nil, err
	}
	path, err := scope.path(op, capGet, "/{chat_id}", chatID)
	if err != nil {
		return nil, err
	}
	return doValue[Chat](ctx, s.c, op, http.MethodGet, path, nil, opts)
}

// Create starts a chat; no payload is sent.
//
// With UserChats(userID) it creates a new empty chat (type operator) for the
// user, to which others can be invited; the API answers 201, so
// Result.Created is true.
//
// With UserRoomVisitorChats(userID, roomID, visitorID) it starts a chat with
// the visitor in the room (type visitor), and atomically makes the user a
// member. The API resumes an existing recent chat the user can join when
// there is one (200, Result.Created false) instead of creating one (201,
// Result.Created true). It answers 409 (chatsdk.ErrConflict) when someone
// else already has a chat with the visitor.
//
// Create is a POST: it is never retried once the request may have reached
// the server.
func (s *ChatsService) Create(ctx context.Context, scope ChatScope, opts ...chatsdk.CallOption) (*Result[Chat], error) {
	const op = "giosg.Chats.Create"
	path, err := scope.path(op, capCreate, "")
	if err != nil {
		return nil, err
	}
	return doResult[Chat](ctx, s.c, op, http.MethodPost, path, nil, opts)
}

// Update replaces the editable attributes of a chat with PUT: set IsEnded
// to end it, or IsWaiting false to mark it not waiting. Offered by
// OrgOwnedChats and UserChats (where the user must be a member). The chat of
// the answer is returned (the zero Chat if the answer has no body).
func (s *ChatsService) Update(ctx context.Context, scope ChatScope, chatID string, update *ChatUpdate, opts ...chatsdk.CallOption) (*Chat, error) {
	return s.update(ctx, "giosg.Chats.Update", http.MethodPut, scope, chatID, update, opts)
}

// Patch changes the attributes set in update with PATCH; otherwise like
// Update.
//
// It is a PATCH: never retried once sent (a failure after sending
// matches chatsdk.ErrMayHaveBeenApplied); chatsdk.WithRetryUnsafe retries it.
func (s *ChatsService) Patch(ctx context.Context, scope ChatScope, chatID string, update *ChatUpdate, opts ...chatsdk.CallOption) (*Chat, error) {
	return s.update(ctx, "giosg.Chats.Patch", http.MethodPatch, scope, chatID, update, opts)
}

// End ends a chat (PATCH {"is_ended": true}). Once ended, no messages or
// members can be added and the chat cannot be reopened; is_waiting becomes
// false. Offered by OrgOwnedChats and UserChats.
//
// It is a PATCH: never retried once sent (a failure after sending
// matches chatsdk.ErrMayHaveBeenApplied); chatsdk.WithRetryUnsafe retries it.
func (s *ChatsService) End(ctx context.Context, scope ChatScope, chatID string, opts ...chatsdk.CallOption) (*Chat, error) {
	return s.update(ctx, "giosg.Chats.End", http.MethodPatch, scope, chatID, &ChatUpdate{IsEnded: chatsdk.Ptr(true)}, opts)
}

// MarkNotWaiting changes a chat to not waiting (PATCH {"is_waiting":
// false}); the API answers 400 if the chat has ended. Offered by
// OrgOwnedChats and UserChats.
//
// It is a PATCH: never retried once sent (a failure after sending
// matches chatsdk.ErrMayHaveBeenApplied); chatsdk.WithRetryUnsafe retries it.
func (s *ChatsService) MarkNotWaiting(ctx context.Context, scope ChatScope, chatID string, opts ...chatsdk.CallOption) (*Chat, error) {
	return s.update(ctx, "giosg.Chats.MarkNotWaiting", http.MethodPatch, scope, chatID, &ChatUpdate{IsWaiting: chatsdk.Ptr(false)}, opts)
}

func (s *ChatsService) update(ctx context.Context, op, method string, scope ChatScope, chatID string, update *ChatUpdate, opts []chatsdk.CallOption) (*Chat, error) {
	if err := required(op, "chat ID", chatID); err != nil {
		return nil, err
	}
	if update == nil || (update.IsEnded == nil && update.IsWaiting == nil) {
		return nil, missingBody(op, "is_ended or is_waiting")
	}
	path, err := scope.path(op, capUpdate, "/{chat_id}", chatID)
	if err != nil {
		return nil, err
	}
	return doValue[Chat](ctx, s.c, op, method, path, update, opts)
}
