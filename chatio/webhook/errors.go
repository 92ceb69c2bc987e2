package webhook

import (
	"errors"
	"net/http"
)

// Errors returned by Parse, usable with errors.Is; StatusCode maps them to
// the HTTP status the Handler answers with.
var (
	// ErrMethodNotAllowed: the request is not a POST (405; the Handler
	// also sends "Allow: POST").
	ErrMethodNotAllowed = errors.New("webhook: method not allowed, chat.io webhooks are POST requests")
	// ErrUnsupportedMediaType: the Content-Type is set and is neither JSON
	// (application/json or application/*+json) nor
	// application/x-www-form-urlencoded with a JSON object as the body
	// (415). A missing Content-Type is accepted.
	ErrUnsupportedMediaType = errors.New("webhook: content type is not JSON")
	// ErrBodyTooLarge: the body is over the size limit (413).
	ErrBodyTooLarge = errors.New("webhook: body too large")
	// ErrMalformed: the body is not a valid webhook: not JSON, not an
	// object, no action, or data that does not fit its action (400).
	ErrMalformed = errors.New("webhook: malformed webhook")
	// ErrUnauthorized: unknown or missing webhook_id, or a secret_key that
	// does not match the one registered for it (401).
	ErrUnauthorized = errors.New("webhook: unknown webhook or wrong secret")
	// ErrMisconfigured: no SecretSource, or an empty secret (500 at request
	// time; NewHandler returns it at construction when it can tell).
	ErrMisconfigured = errors.New("webhook: receiver misconfigured")
	// ErrSecretLookup: the SecretSource returned an error (500).
	ErrSecretLookup = errors.New("webhook: secret lookup failed")
)

// StatusCode returns the HTTP status for an error from Parse: 405, 415, 413,
// 400, 401, or 500 for anything else (nil gives 200).
func StatusCode(err error) int {
	switch {
	case err == nil:
		return http.StatusOK
	case errors.Is(err, ErrMethodNotAllowed):
		return http.StatusMethodNotAllowed
	case errors.Is(err, ErrUnsupportedMediaType):
		return http.StatusUnsupportedMediaType
	case errors.Is(err, ErrBodyTooLarge):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, ErrMalformed):
		return http.StatusBadRequest
	case errors.Is(err, ErrUnauthorized):
		return http.StatusUnauthorized
	}
	return http.StatusInternalServerError
}
