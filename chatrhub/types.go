package chatrhub

import (
	"errors"

	"github.com/chatsdk-go/chatsdk/internal/core"
	"github.com/chatsdk-go/chatsdk/internal/lenient"
)

type (
	// Bool is a boolean read from true/false, 0/1, "0"/"1" or null (false);
	// it is sent as a JSON boolean.
	Bool = lenient.Bool
	// IntBool is a boolean the API documents as the integer 0 or 1
	// (is_billable, is_ended, ...). It is read like Bool and sent as 0 or 1.
	IntBool = lenient.IntBool
	// Int is an integer read from 4, "4" or null (0); it is sent as a number.
	Int = lenient.Int
	// Time is a datetime read from RFC 3339 (with or without a zone) or
	// YYYY-MM-DD; null and "" are the zero time, which is sent as null.
	Time = lenient.Time
	// StringList is a list of strings the API stores as JSON inside a string
	// ("[\"123\"]"). It is read from that form or a plain array and sent in
	// the string form.
	StringList = lenient.StringList
	// List is a list of JSON values the API stores as JSON inside a string
	// ("[]"), sent back in the string form.
	List = lenient.List
	// Object is a JSON object the API stores as JSON inside a string ("{}"),
	// sent back in the string form.
	Object = lenient.Object
)

// Success is the answer of the operations that return a message instead of
// an object: {"success": "Deleted"} for deletes and {"success": "Sent
// Transfer Action"} for Transfer Chat.
type Success struct {
	// Message is the text of "success", such as SuccessDeleted.
	Message string `json:"success"`
}

// The documented Success messages.
const (
	// SuccessDeleted is the answer of Remove Group and Remove Agent From Group.
	SuccessDeleted = "Deleted"
	// SuccessTransferSent is the answer of a Transfer Chat request that was sent.
	SuccessTransferSent = "Sent Transfer Action"
	// TransferFailedMessage is the documented failure text of Transfer Chat.
	TransferFailedMessage = "Invalid usernames or authentication."
)

var (
	// ErrInvalidParams matches every *chatsdk.ParamError: a required parameter was
	// missing or invalid, and nothing was sent. It is chatsdk.ErrInvalidParams.
	ErrInvalidParams = core.ErrInvalidParams
	// ErrTransferRejected is returned by Chats.Transfer when a successful
	// (2xx) answer does not confirm the transfer, such as the documented
	// "Invalid usernames or authentication.".
	ErrTransferRejected = errors.New("chatrhub: transfer rejected")
)

// paramErr is the *chatsdk.ParamError of op for a required parameter that
// is missing or invalid; it matches ErrInvalidParams.
func paramErr(op, param, problem string) error {
	return &core.ParamError{Operation: op, Field: param, Problem: problem}
}
