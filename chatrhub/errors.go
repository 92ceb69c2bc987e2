package chatrhub

import "github.com/chatsdk-go/chatsdk"

// ErrInvalidParams matches every *chatsdk.ParamError: a required parameter was
// missing or invalid, and nothing was sent. It is chatsdk.ErrInvalidParams.
var ErrInvalidParams = chatsdk.ErrInvalidParams

// paramErr is the *chatsdk.ParamError of op for a required parameter that
// is missing or invalid; it matches ErrInvalidParams.
func paramErr(op, param, problem string) error {
	return &chatsdk.ParamError{Operation: op, Field: param, Problem: problem}
}
