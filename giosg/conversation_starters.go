package giosg

import (
	"context"
	"iter"
	"net/http"

	"github.com/chatsdk-go/chatsdk"
)

// ConversationStartersService manages a user's chat conversation starters,
// at most one per language, addressed by language code. Reach it as
// Client.ConversationStarters.
type ConversationStartersService service

func (s *ConversationStartersService) listCall(userID string, params *ListOptions) (listCall, error) {
	const op = "giosg.ConversationStarters.List"
	if err := required(op, "user ID", userID); err != nil {
		return listCall{}, err
	}
	return listCall{op: op, path: newEndpoint("/api/v5/users/{user_id}/chat_conversation_starters", userID), opts: params.listOptions()}, nil
}

// List iterates over the user's conversation starters, oldest first.
func (s *ConversationStartersService) List(ctx context.Context, userID string, params *ListOptions, opts ...chatsdk.CallOption) iter.Seq2[ConversationStarter, error] {
	lc, err := s.listCall(userID, params)
	return seq[ConversationStarter](ctx, s.c, lc, err, opts)
}

// ListPage fetches one page of List.
func (s *ConversationStartersService) ListPage(ctx context.Context, userID string, params *ListOptions, opts ...chatsdk.CallOption) (*Page[ConversationStarter], error) {
	lc, err := s.listCall(userID, params)
	return page[ConversationStarter](ctx, s.c, lc, err, opts)
}

// Add adds a conversation starter (message and language code are
// required). The API answers 400 (chatsdk.ErrBadRequest) when the user
// already has one for the language.
//
// It is a POST: never retried once sent (a failure after sending
// matches chatsdk.ErrMayHaveBeenApplied); chatsdk.WithRetryUnsafe retries it.
func (s *ConversationStartersService) Add(ctx context.Context, userID string, starter *ConversationStarterCreate, opts ...chatsdk.CallOption) (*ConversationStarter, error) {
	const op = "giosg.ConversationStarters.Add"
	if err := required(op, "user ID", userID); err != nil {
		return nil, err
	}
	if starter == nil {
		return nil, missingBody(op, "message and language_code")
	}
	if err := required(op, "message", starter.Message, "language_code", starter.LanguageCode); err != nil {
		return nil, err
	}
	path := newEndpoint("/api/v5/users/{user_id}/chat_conversation_starters", userID)
	return doValue[ConversationStarter](ctx, s.c, op, http.MethodPost, path, starter, opts)
}

// Update replaces the conversation starter of a language with PUT. The
// message is required; the body's language_code is languageCode unless
// update sets another one (which the API may refuse).
func (s *ConversationStartersService) Update(ctx context.Context, userID, languageCode string, update *ConversationStarterUpdate, opts ...chatsdk.CallOption) (*ConversationStarter, error) {
	const op = "giosg.ConversationStarters.Update"
	if update != nil {
		if err := required(op, "message", update.Message); err != nil {
			return nil, err
		}
		full := *update
		if full.LanguageCode == "" {
			full.LanguageCode = languageCode
		}
		update = &full
	}
	return s.update(ctx, op, http.MethodPut, userID, languageCode, update, opts)
}

// Patch changes the conversation starter of a language with PATCH.
//
// It is a PATCH: never retried once sent (a failure after sending
// matches chatsdk.ErrMayHaveBeenApplied); chatsdk.WithRetryUnsafe retries it.
func (s *ConversationStartersService) Patch(ctx context.Context, userID, languageCode string, update *ConversationStarterUpdate, opts ...chatsdk.CallOption) (*ConversationStarter, error) {
	return s.update(ctx, "giosg.ConversationStarters.Patch", http.MethodPatch, userID, languageCode, update, opts)
}

func (s *ConversationStartersService) update(ctx context.Context, op, method, userID, languageCode string, update *ConversationStarterUpdate, opts []chatsdk.CallOption) (*ConversationStarter, error) {
	if err := required(op, "user ID", userID, "language code", languageCode); err != nil {
		return nil, err
	}
	if update == nil {
		return nil, missingBody(op, "message")
	}
	path := newEndpoint("/api/v5/users/{user_id}/chat_conversation_starters/{language_code}", userID, languageCode)
	return doValue[ConversationStarter](ctx, s.c, op, method, path, update, opts)
}

// Remove deletes the conversation starter of a language. The API answers
// 204; Remove then returns nil.
func (s *ConversationStartersService) Remove(ctx context.Context, userID, languageCode string, opts ...chatsdk.CallOption) error {
	const op = "giosg.ConversationStarters.Remove"
	if err := required(op, "user ID", userID, "language code", languageCode); err != nil {
		return err
	}
	return doDelete(ctx, s.c, op, newEndpoint("/api/v5/users/{user_id}/chat_conversation_starters/{language_code}", userID, languageCode), opts)
}
