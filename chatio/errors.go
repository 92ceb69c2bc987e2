package chatio

import (
	"errors"
	"fmt"

	"github.com/chatsdk-go/chatsdk"
)

// Error types of the documented error body {"error": {"type", "message"}}
// (the Agent API v0.4 error table, which the Configuration API shares).
// Compare them with chatsdk.APIError.Type:
//
//	var apiErr *chatsdk.APIError
//	if errors.As(err, &apiErr) && apiErr.Type == chatio.ErrorTypeValidation { ... }
const (
	// ErrorTypeInternal: internal server error.
	ErrorTypeInternal = "internal"
	// ErrorTypeValidation: wrong format of request.
	ErrorTypeValidation = "validation"
	// ErrorTypeAuthorization: the agent is not allowed to perform the action.
	ErrorTypeAuthorization = "authorization"
	// ErrorTypeAuthentication: invalid or expired access token.
	ErrorTypeAuthentication = "authentication"
	// ErrorTypeRequestTimeout: the request took longer than the 15 second
	// threshold.
	ErrorTypeRequestTimeout = "request_timeout"
	// ErrorTypeLicenseExpired: the license expired.
	ErrorTypeLicenseExpired = "license_expired"
	// ErrorTypeUnsupportedVersion: unsupported version of the protocol.
	ErrorTypeUnsupportedVersion = "unsupported_version"
	// ErrorTypeNotFound is not in the v0.4 error table, which documents no
	// answer for an unknown bot agent or webhook ID; later chat.io API
	// versions answer "not_found", and chatiotest answers it with status 404.
	// Prefer errors.Is(err, chatsdk.ErrNotFound) where the status is 404.
	ErrorTypeNotFound = "not_found"
)

// ErrInvalidParams matches every *chatsdk.ParamError with errors.Is. It is
// chatsdk.ErrInvalidParams.
var ErrInvalidParams = chatsdk.ErrInvalidParams

// invalid is the *chatsdk.ParamError of a parameter refused before any
// request was sent; withOperation names the operation.
func invalid(field, format string, args ...any) *chatsdk.ParamError {
	return &chatsdk.ParamError{Field: field, Problem: fmt.Sprintf(format, args...)}
}

// withOperation sets the operation name of a *chatsdk.ParamError.
func withOperation(err error, o call) error {
	var ve *chatsdk.ParamError
	if errors.As(err, &ve) {
		cp := *ve
		cp.Operation = o.operationName()
		return &cp
	}
	return err
}

// at prefixes the field path of err, a *chatsdk.ParamError from one of the
// validators, with parent: validators name fields relative to the value they
// check, so that a path is built only when a check fails.
func at(parent string, err error) error {
	if err == nil {
		return nil
	}
	var pe *chatsdk.ParamError
	if errors.As(err, &pe) {
		pe.Field = joinField(parent, pe.Field)
	}
	return err
}

// joinField appends a child to a JSON field path; an empty child is the
// parent itself.
func joinField(parent, child string) string {
	switch {
	case parent == "":
		return child
	case child == "":
		return parent
	}
	return parent + "." + child
}
