package giosg

import (
	"errors"
	"fmt"

	"github.com/chatsdk-go/chatsdk"
)

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
var ErrInvalidParams = chatsdk.ErrInvalidParams

// paramErr builds the *chatsdk.ParamError of op for field: Field names the
// parameter, Problem what is wrong, and Err is sentinel (ErrMissingParam,
// ErrUnsupportedScope or nil).
func paramErr(op string, sentinel error, field, format string, args ...any) error {
	return &chatsdk.ParamError{Operation: op, Field: field, Problem: fmt.Sprintf(format, args...), Err: sentinel}
}
