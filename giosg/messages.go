package giosg

import (
	"context"
	"fmt"
	"iter"
	"net/http"
	"unicode/utf8"

	"github.com/chatsdk-go/chatsdk"
)

// MaxMessageLength is the longest message text the API accepts, in
// characters.
const MaxMessageLength = 2000

// MessagesService lists chat messages and sends messages with attachments.
// Reach it as Client.Messages.
type MessagesService service

func (s *MessagesService) listCall(scope ChatScope, chatID string, params *MessageListParams) (listCall, error) {
	const op = "giosg.Messages.List"
	if err := required(op, "chat ID", chatID); err != nil {
		return listCall{}, err
	}
	path, err := scope.path(op, capMessages, "/{chat_id}/messages", chatID)
	if err != nil {
		return listCall{}, err
	}
	var p MessageListParams
	if params != nil {
		p = *params
	}
	return listCall{op: op, path: path, query: &p, opts: p.ListOptions}, nil
}

// List iterates over the messages of a chat, newest first, including
// events (join, leave, autosuggest, attachment responses of type action...);
// filter with TypeIn / TypeNotIn. Offered by OrgOwnedChats,
// OrgInvolvedChats, OrgRoutedChats, UserChats and UserRoutedChats.
func (s *MessagesService) List(ctx context.Context, scope ChatScope, chatID string, params *MessageListParams, opts ...chatsdk.CallOption) iter.Seq2[ChatMessage, error] {
	lc, err := s.listCall(scope, chatID, params)
	return seq[ChatMessage](ctx, s.c, lc, err, opts)
}

// ListPage fetches one page of List.
func (s *MessagesService) ListPage(ctx context.Context, scope ChatScope, chatID string, params *MessageListParams, opts ...chatsdk.CallOption) (*Page[ChatMessage], error) {
	lc, err := s.listCall(scope, chatID, params)
	return page[ChatMessage](ctx, s.c, lc, err, opts)
}

// Send sends a message of type msg to a chat, with the scope's user as
// sender, optionally with attachments (see Attachment for what each
// template requires). Offered by UserChats only; the user must be a member
// of the chat (else 404). A waiting chat stops waiting. The API answers 409
// (chatsdk.ErrConflict) when the chat has ended.
//
// Send is a POST and is never retried once the request may have reached the
// server, so a message is never sent twice: after a 5xx answer or a dropped
// connection the error matches chatsdk.ErrMayHaveBeenApplied, and the
// message may or may not have been posted.
func (s *MessagesService) Send(ctx context.Context, scope ChatScope, chatID string, msg *MessageCreate, opts ...chatsdk.CallOption) (*ChatMessage, error) {
	const op = "giosg.Messages.Send"
	if err := required(op, "chat ID", chatID); err != nil {
		return nil, err
	}
	if err := validateMessage(op, msg); err != nil {
		return nil, err
	}
	path, err := scope.path(op, capSend, "/{chat_id}/messages", chatID)
	if err != nil {
		return nil, err
	}
	return doValue[ChatMessage](ctx, s.c, op, http.MethodPost, path, msg, opts)
}

// validateMessage checks what the API documents as a 400 before sending.
func validateMessage(op string, m *MessageCreate) error {
	if m == nil || (m.Message == "" && len(m.Attachments) == 0) {
		return paramErr(op, ErrMissingParam, "message", "is required (or attachments)")
	}
	if n := utf8.RuneCountInString(m.Message); n > MaxMessageLength {
		return paramErr(op, nil, "message", "is %d characters, the API accepts at most %d", n, MaxMessageLength)
	}
	switch m.AttachmentTemplate {
	case TemplateInteraction, TemplateExternal:
		if len(m.Attachments) != 1 {
			return paramErr(op, nil, "attachments", "the %s attachment template takes exactly one attachment, got %d", m.AttachmentTemplate, len(m.Attachments))
		}
		a := m.Attachments[0]
		if m.AttachmentTemplate == TemplateInteraction && a.InteractionID == "" {
			return paramErr(op, ErrMissingParam, "attachments[0].interaction_id", "is required by the interaction template")
		}
		if m.AttachmentTemplate == TemplateExternal && a.AttachmentURL == "" {
			return paramErr(op, ErrMissingParam, "attachments[0].attachment_url", "is required by the external template")
		}
	default:
		for i, a := range m.Attachments {
			if a.Title == "" && a.Text == "" && a.ImageURL == "" && len(a.Actions) == 0 {
				return paramErr(op, ErrMissingParam, fmt.Sprintf("attachments[%d]", i), "needs a title, text, image_url or actions")
			}
		}
	}
	for i, a := range m.Attachments {
		for j, act := range a.Actions {
			if act.Text == "" || act.Type == "" || act.Value == "" {
				return paramErr(op, ErrMissingParam, fmt.Sprintf("attachments[%d].actions[%d]", i, j), "needs text, type and value")
			}
		}
	}
	return nil
}
