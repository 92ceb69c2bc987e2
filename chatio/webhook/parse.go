package webhook

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/chatsdk-go/chatsdk/internal/jsondec"

	"github.com/chatsdk-go/chatsdk/chatio"
)

// Webhook is a received and verified chat.io webhook. The secret_key it
// carried is not kept.
type Webhook struct {
	// ID is the webhook_id: the ID webhooks/register_webhook returned.
	ID string
	// Action names the push that triggered the webhook: one of the
	// chatio.Action constants, or an action this package does not know.
	Action chatio.WebhookAction
	// Data is the raw "data" payload, as received.
	Data json.RawMessage
	// Payload is Data decoded for a known action: *IncomingChatThread,
	// *ChatUsersUpdated, *IncomingEvent, *LastSeenTimestampUpdated,
	// *ThreadClosed, *ChatScopesUpdated, *ChatPropertiesUpdated or
	// *ChatThreadPropertiesUpdated. It is nil for an unknown action.
	Payload any
}

// envelope is the body of a webhook request.
type envelope struct {
	WebhookID string               `json:"webhook_id"`
	SecretKey string               `json:"secret_key"`
	Action    chatio.WebhookAction `json:"action"`
	Data      json.RawMessage      `json:"data"`
}

// Parse reads and verifies a webhook request, for callers with their own
// router (a Handler calls it for every request). It checks, in order: the
// method (POST, else ErrMethodNotAllowed: 405), the Content-Type (else
// ErrUnsupportedMediaType: 415), the size (WithMaxBodyBytes, 1 MiB by
// default; a larger body is not read whole), that the body is a JSON object,
// the secret_key against secrets (constant-time), the action, and decodes
// data into the action's payload type. Unknown actions are not an error:
// they give a Webhook with a nil Payload.
//
// The Content-Type may be missing, application/json or application/*+json
// (parameters such as charset are ignored), or
// application/x-www-form-urlencoded with a body that is a JSON object: the
// docs do not say which Content-Type chat.io webhooks carry, and their own
// curl examples (curl -d '{...}') send JSON with that form type. A
// form-encoded body that is not JSON (webhook_id=...&...) and any other
// Content-Type are refused with ErrUnsupportedMediaType.
//
// Errors match ErrMethodNotAllowed, ErrUnsupportedMediaType,
// ErrBodyTooLarge, ErrMalformed, ErrUnauthorized, ErrMisconfigured or
// ErrSecretLookup with errors.Is; StatusCode maps them to an HTTP status.
// They never contain the secret. Parse does not close the body.
func Parse(r *http.Request, secrets SecretSource, opts ...Option) (*Webhook, error) {
	cfg, err := newConfig(opts)
	if err != nil {
		return nil, err
	}
	return parse(r, secrets, cfg.maxBodyBytes)
}

// delivery holds a received webhook and the envelope it came in, allocated
// together.
type delivery struct {
	wh  Webhook
	env envelope
}

func parse(r *http.Request, secrets SecretSource, maxBody int64) (*Webhook, error) {
	if r.Method != http.MethodPost {
		return nil, fmt.Errorf("%w: %s", ErrMethodNotAllowed, r.Method)
	}
	form, err := checkContentType(r.Header.Get("Content-Type"))
	if err != nil {
		return nil, err
	}
	body, err := readBody(r, maxBody)
	if err != nil {
		return nil, err
	}
	if form && !isObject(body) {
		return nil, fmt.Errorf("%w: an application/x-www-form-urlencoded body that is not a JSON object", ErrUnsupportedMediaType)
	}
	d := new(delivery)
	env := &d.env
	if err := decodeEnvelope(body, env); err != nil {
		return nil, err
	}
	err = verify(r.Context(), secrets, env.WebhookID, env.SecretKey)
	env.SecretKey = ""
	if err != nil {
		return nil, err
	}
	if env.Action == "" {
		return nil, fmt.Errorf("%w: no action", ErrMalformed)
	}
	wh := &d.wh
	*wh = Webhook{ID: env.WebhookID, Action: env.Action, Data: env.Data}
	decode, known := payloadDecoders[env.Action]
	if !known {
		return wh, nil
	}
	if !isObject(env.Data) {
		return nil, fmt.Errorf("%w: %s: data is not a JSON object", ErrMalformed, env.Action)
	}
	if wh.Payload, err = decode(env.Data); err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrMalformed, env.Action, err)
	}
	return wh, nil
}

// checkContentType accepts no Content-Type, application/json,
// application/*+json and application/x-www-form-urlencoded; form tells the
// last one, whose body must still be a JSON object.
func checkContentType(ct string) (form bool, err error) {
	if ct == "" || isPlainJSONType(ct) {
		return false, nil
	}
	mt, _, err := mime.ParseMediaType(ct)
	switch {
	case err != nil:
	case mt == "application/json" || strings.HasPrefix(mt, "application/") && strings.HasSuffix(mt, "+json"):
		return false, nil
	case mt == "application/x-www-form-urlencoded":
		return true, nil
	}
	return false, fmt.Errorf("%w: %.100q", ErrUnsupportedMediaType, ct)
}

// isPlainJSONType reports whether ct is application/json, alone or with
// the parameter charset=utf-8 (in any case, with optional spaces around
// them): the Content-Types mime.ParseMediaType would accept as
// application/json, recognised without its allocations.
func isPlainJSONType(ct string) bool {
	if ct == "application/json" {
		return true
	}
	mt, params, _ := strings.Cut(ct, ";")
	if !strings.EqualFold(strings.TrimSpace(mt), "application/json") {
		return false
	}
	params = strings.TrimSpace(params)
	return params == "" || strings.EqualFold(params, "charset=utf-8")
}

// readBody reads at most maxBody bytes into one buffer, sized from
// Content-Length when it is known; it refuses a larger body after reading
// maxBody+1 bytes, or before reading anything when Content-Length is
// larger.
func readBody(r *http.Request, maxBody int64) ([]byte, error) {
	if r.ContentLength > maxBody {
		return nil, fmt.Errorf("%w: Content-Length %d is over the limit of %d bytes", ErrBodyTooLarge, r.ContentLength, maxBody)
	}
	if r.Body == nil || r.Body == http.NoBody {
		return nil, nil
	}
	// One byte past Content-Length lets the read that reports the end of
	// the body land in the same buffer.
	size := r.ContentLength + 1
	if r.ContentLength < 0 {
		size = min(unknownLengthBuffer, maxBody+1)
	}
	buf := make([]byte, 0, size)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		limit := min(int64(cap(buf)), maxBody+1)
		n, err := r.Body.Read(buf[len(buf):limit])
		buf = buf[:len(buf)+n]
		switch {
		case int64(len(buf)) > maxBody || err != nil && err != io.EOF && isMaxBytesError(err):
			return nil, fmt.Errorf("%w: over the limit of %d bytes", ErrBodyTooLarge, maxBody)
		case err == io.EOF:
			return buf, nil
		case err != nil:
			return nil, fmt.Errorf("%w: reading the body: %w", ErrMalformed, err)
		}
	}
}

// isMaxBytesError tells whether err comes from an http.MaxBytesReader whose
// limit was passed.
func isMaxBytesError(err error) bool {
	var tooLarge *http.MaxBytesError
	return errors.As(err, &tooLarge)
}

// unknownLengthBuffer is the first buffer size for a body without a
// Content-Length.
const unknownLengthBuffer = 4 << 10

func decodeEnvelope(body []byte, env *envelope) error {
	if !isObject(body) {
		return fmt.Errorf("%w: the body is not a JSON object", ErrMalformed)
	}
	if err := jsondec.Unmarshal(body, env); err != nil {
		return fmt.Errorf("%w: %w", ErrMalformed, err)
	}
	return nil
}

// isObject tells whether data starts like a JSON object.
func isObject(data []byte) bool {
	data = bytes.TrimLeft(data, " \t\r\n")
	return len(data) > 0 && data[0] == '{'
}
