package giosg

import (
	"context"
	"iter"
	"net/http"

	"github.com/chatsdk-go/chatsdk"
)

// ReplySuggestionsService lists, adds and updates the reply suggestions of
// chat messages. Every operation is offered by UserChats (the user must be
// a member) and UserRoutedChats (the user need not have joined). Reach it as
// Client.ReplySuggestions.
type ReplySuggestionsService service

func (s *ReplySuggestionsService) listCall(op string, scope ChatScope, chatID, messageID string, forMessage bool, params *ReplySuggestionListParams) (listCall, error) {
	if err := required(op, "chat ID", chatID); err != nil {
		return listCall{}, err
	}
	var path endpoint
	var err error
	if forMessage {
		if err := required(op, "message ID", messageID); err != nil {
			return listCall{}, err
		}
		path, err = scope.path(op, capReplySuggestions, "/{chat_id}/messages/{message_id}/reply_suggestions", chatID, messageID)
	} else {
		path, err = scope.path(op, capReplySuggestions, "/{chat_id}/reply_suggestions", chatID)
	}
	if err != nil {
		return listCall{}, err
	}
	var p ReplySuggestionListParams
	if params != nil {
		p = *params
	}
	return listCall{op: op, path: path, query: &p, opts: p.ListOptions}, nil
}

// List iterates over the reply suggestions of every message of a chat.
func (s *ReplySuggestionsService) List(ctx context.Context, scope ChatScope, chatID string, params *ReplySuggestionListParams, opts ...chatsdk.CallOption) iter.Seq2[ReplySuggestion, error] {
	lc, err := s.listCall("giosg.ReplySuggestions.List", scope, chatID, "", false, params)
	return seq[ReplySuggestion](ctx, s.c, lc, err, opts)
}

// ListPage fetches one page of List.
func (s *ReplySuggestionsService) ListPage(ctx context.Context, scope ChatScope, chatID string, params *ReplySuggestionListParams, opts ...chatsdk.CallOption) (*Page[ReplySuggestion], error) {
	lc, err := s.listCall("giosg.ReplySuggestions.List", scope, chatID, "", false, params)
	return page[ReplySuggestion](ctx, s.c, lc, err, opts)
}

// ListForMessage iterates over the reply suggestions of one message.
func (s *ReplySuggestionsService) ListForMessage(ctx context.Context, scope ChatScope, chatID, messageID string, params *ReplySuggestionListParams, opts ...chatsdk.CallOption) iter.Seq2[ReplySuggestion, error] {
	lc, err := s.listCall("giosg.ReplySuggestions.ListForMessage", scope, chatID, messageID, true, params)
	return seq[ReplySuggestion](ctx, s.c, lc, err, opts)
}

// ListForMessagePage fetches one page of ListForMessage.
func (s *ReplySuggestionsService) ListForMessagePage(ctx context.Context, scope ChatScope, chatID, messageID string, params *ReplySuggestionListParams, opts ...chatsdk.CallOption) (*Page[ReplySuggestion], error) {
	lc, err := s.listCall("giosg.ReplySuggestions.ListForMessage", scope, chatID, messageID, true, params)
	return page[ReplySuggestion](ctx, s.c, lc, err, opts)
}

// Add adds a reply suggestion to a message (suggestion is required; a
// relevancy score is shown in the console). The API answers 201.
//
// It is a POST: never retried once sent (a failure after sending
// matches chatsdk.ErrMayHaveBeenApplied); chatsdk.WithRetryUnsafe retries it.
func (s *ReplySuggestionsService) Add(ctx context.Context, scope ChatScope, chatID, messageID string, suggestion *ReplySuggestionCreate, opts ...chatsdk.CallOption) (*ReplySuggestion, error) {
	const op = "giosg.ReplySuggestions.Add"
	if err := required(op, "chat ID", chatID, "message ID", messageID); err != nil {
		return nil, err
	}
	if suggestion == nil {
		return nil, missingBody(op, "suggestion")
	}
	if err := required(op, "suggestion", suggestion.Suggestion); err != nil {
		return nil, err
	}
	path, err := scope.path(op, capReplySuggestions, "/{chat_id}/messages/{message_id}/reply_suggestions", chatID, messageID)
	if err != nil {
		return nil, err
	}
	return doValue[ReplySuggestion](ctx, s.c, op, http.MethodPost, path, suggestion, opts)
}

// Update replaces the editable attributes of a reply suggestion with PUT
// (suggestion is required).
func (s *ReplySuggestionsService) Update(ctx context.Context, scope ChatScope, chatID, messageID, suggestionID string, update *ReplySuggestionUpdate, opts ...chatsdk.CallOption) (*ReplySuggestion, error) {
	const op = "giosg.ReplySuggestions.Update"
	if update != nil {
		if err := required(op, "suggestion", update.Suggestion); err != nil {
			return nil, err
		}
	}
	return s.update(ctx, op, http.MethodPut, scope, chatID, messageID, suggestionID, update, opts)
}

// Patch changes the attributes set in update with PATCH.
//
// It is a PATCH: never retried once sent (a failure after sending
// matches chatsdk.ErrMayHaveBeenApplied); chatsdk.WithRetryUnsafe retries it.
func (s *ReplySuggestionsService) Patch(ctx context.Context, scope ChatScope, chatID, messageID, suggestionID string, update *ReplySuggestionUpdate, opts ...chatsdk.CallOption) (*ReplySuggestion, error) {
	return s.update(ctx, "giosg.ReplySuggestions.Patch", http.MethodPatch, scope, chatID, messageID, suggestionID, update, opts)
}

func (s *ReplySuggestionsService) update(ctx context.Context, op, method string, scope ChatScope, chatID, messageID, suggestionID string, update *ReplySuggestionUpdate, opts []chatsdk.CallOption) (*ReplySuggestion, error) {
	if err := required(op, "chat ID", chatID, "message ID", messageID, "reply suggestion ID", suggestionID); err != nil {
		return nil, err
	}
	if update == nil || (update.Suggestion == "" && !update.RelevancyScore.IsSet()) {
		return nil, missingBody(op, "suggestion or relevancy_score")
	}
	path, err := scope.path(op, capReplySuggestions, "/{chat_id}/messages/{message_id}/reply_suggestions/{reply_suggestion_id}", chatID, messageID, suggestionID)
	if err != nil {
		return nil, err
	}
	return doValue[ReplySuggestion](ctx, s.c, op, method, path, update, opts)
}
