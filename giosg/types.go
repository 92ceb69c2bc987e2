package giosg

import (
	"errors"
	"fmt"

	"github.com/chatsdk-go/chatsdk/internal/core"
	"github.com/chatsdk-go/chatsdk/internal/lenient"
)

// Time is a giosg datetime. The API sends both "2015-02-13T11:31:36.042"
// (no zone, read as UTC) and "2016-09-01T11:31:36.042Z"; both decode. In a
// request body (MembershipUpdate.LastSeenAt) it is sent in UTC without a
// zone, to the millisecond, as documented; on its own it encodes as RFC 3339
// in UTC, and the zero Time as null.
type Time = lenient.Time

// Page is one page of a cursor-paginated collection.
type Page[T any] struct {
	// Next is the absolute URL of the next page, or "" on the last page.
	// Pass it as ListOptions.PageURL to fetch that page.
	Next string `json:"next"`
	// Previous is the absolute URL of the previous page, or "".
	Previous string `json:"previous"`
	// Results are the items of this page.
	Results []T `json:"results"`
}

// Result is the answer of an operation that either finds an existing object
// (the API answers 200 OK) or creates a new one (201 Created): create a chat
// with a visitor, join a chat, add a tag, send an invitation.
type Result[T any] struct {
	// Value is the object the API returned (the zero value when the answer
	// had no body).
	Value *T
	// Created is true when the API answered 201 Created: a new object was
	// made. It is false when an existing object was returned (200 OK).
	Created bool
}

// ListOptions are the paging controls every list takes. They are never sent
// as query parameters.
type ListOptions struct {
	// PageURL, when set, is the absolute URL of the page to start from: the
	// Next (or Previous) of a page fetched earlier. It already carries the
	// filters of the first request, so the other params are not sent again.
	// Like every next URL, it must have the client's base URL scheme, host
	// and port.
	PageURL string `url:"-"`
	// MaxPages caps how many pages an iterator fetches; when more pages
	// remain it stops with an error matching chatsdk.ErrPageLimit. 0 means
	// no cap.
	MaxPages int `url:"-"`
}

func (o *ListOptions) listOptions() ListOptions {
	if o == nil {
		return ListOptions{}
	}
	return *o
}

// ErrUnsupportedScope is returned, before any request is sent, when an
// operation is called with a ChatScope the API does not offer it for (for
// example sending a message through OrgOwnedChats: messages are only sent
// through UserChats).
// The error is a *chatsdk.ParamError, so it matches ErrInvalidParams too.
var ErrUnsupportedScope = errors.New("giosg: operation not available for this chat scope")

// ErrMissingParam is returned, before any request is sent, when a required
// ID or attribute is empty. The error is a *chatsdk.ParamError, so it
// matches ErrInvalidParams too.
var ErrMissingParam = errors.New("giosg: missing required parameter")

// ErrInvalidParams matches every call refused before anything was sent
// because of its parameters (a *chatsdk.ParamError). It is chatsdk.ErrInvalidParams.
var ErrInvalidParams = core.ErrInvalidParams

// paramErr builds the *chatsdk.ParamError of op for field: Field names the
// parameter, Problem what is wrong, and Err is sentinel (ErrMissingParam,
// ErrUnsupportedScope or nil).
func paramErr(op string, sentinel error, field, format string, args ...any) error {
	return &core.ParamError{Operation: op, Field: field, Problem: fmt.Sprintf(format, args...), Err: sentinel}
}

// Ordering values for the ordering list parameter.
const (
	OrderCreatedAsc  = "created_at"
	OrderCreatedDesc = "-created_at"
	// OrderUpdatedAsc and OrderUpdatedDesc are documented for UserChats only.
	OrderUpdatedAsc  = "updated_at"
	OrderUpdatedDesc = "-updated_at"
)

// Composing statuses of a chat membership.
const (
	ComposingIdle   = "idle"
	ComposingTyping = "typing"
	ComposingTyped  = "typed"
)

// Member types of a chat membership.
const (
	MemberUser    = "user"
	MemberVisitor = "visitor"
)

// Chat types.
const (
	ChatTypeOperator = "operator"
	ChatTypeVisitor  = "visitor"
	ChatTypeGroup    = "group"
	ChatTypeTask     = "task"
	ChatTypeExternal = "external"
)

// Message types (ChatMessage.Type and the MessageListParams filters).
const (
	MessageTypeMsg                = "msg"
	MessageTypeAutosuggest        = "autosuggest"
	MessageTypeJoin               = "join"
	MessageTypeLeave              = "leave"
	MessageTypeShoppingCartLocked = "shoppingcart_locked"
	MessageTypeAction             = "action"
	MessageTypeCallRequest        = "call_request"
	MessageTypeCallEnded          = "call_ended"
	MessageTypeInteractionSubmit  = "interaction_submit"
	MessageTypeSystem             = "system"
)

// Sender types of a chat message.
const (
	SenderUser    = "user"
	SenderVisitor = "visitor"
	SenderRule    = "rule"
)

// Attachment templates of a chat message.
const (
	TemplateGeneric     = "generic"
	TemplateInteraction = "interaction"
	TemplateExternal    = "external"
)

// Attachment action types.
const (
	ActionButton     = "button"
	ActionLinkButton = "link_button"
)

// Link targets of attachments and link buttons.
const (
	LinkTargetBlank  = "_blank"
	LinkTargetParent = "_parent"
)

// Attachment action styles (the button colour; secondary by default).
const (
	StylePrimary        = "primary"
	StyleSecondary      = "secondary"
	StyleInfo           = "info"
	StyleSuccess        = "success"
	StyleWarning        = "warning"
	StyleDanger         = "danger"
	StyleLink           = "link"
	StyleBrandPrimary   = "brand_primary"
	StyleBrandSecondary = "brand_secondary"
)
