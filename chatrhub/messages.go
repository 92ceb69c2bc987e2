package chatrhub

import (
	"context"
	"net/http"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/internal/core"
)

// MessagesService lists the messages of a chat or a visitor.
type MessagesService service

// ListMessagesParams selects the messages of List Messages: VisitorUsername
// or ChatID is required (both may be given).
type ListMessagesParams struct {
	// VisitorUsername is the visitor's username (Visitor.XMPPUsername).
	VisitorUsername string `url:"visitor_username,omitempty"`
	// ChatID is the chat.
	ChatID int64 `url:"chat_id,omitempty"`
	// IncludeAdmin includes admin messages; it is always sent ("true" or
	// "false") because the API requires it.
	IncludeAdmin bool `url:"include_admin"`
}

// List returns the messages of a chat or of a visitor.
//
// GET /messages.json?visitor_username|chat_id&include_admin
func (s *MessagesService) List(ctx context.Context, params *ListMessagesParams, opts ...chatsdk.CallOption) ([]Message, error) {
	const op = "chatrhub.Messages.List"
	if params == nil || (params.VisitorUsername == "" && params.ChatID == 0) {
		return nil, paramErr(op, "visitor_username or chat_id", "is required")
	}
	if params.ChatID < 0 {
		return nil, paramErr(op, "chat_id", "must be a positive ID")
	}
	return getMany[Message](ctx, (*service)(s), &core.Request{Operation: op, Method: http.MethodGet, Path: "/messages.json", Query: params}, opts)
}
