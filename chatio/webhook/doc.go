// Package webhook receives chat.io webhooks: it verifies them, decodes their
// data into typed payloads and dispatches them to per-action handlers.
//
// chat.io POSTs a JSON envelope to the URL registered with the Configuration
// API (webhooks/register_webhook, or the webhooks of a bot agent):
//
//	{"webhook_id": "...", "secret_key": "...", "action": "incoming_event", "data": {...}}
//
// data is the Agent API push payload named by action (one of the
// chatio.Action constants; Parse decodes each into its payload type:
// IncomingChatThread, ChatUsersUpdated, IncomingEvent,
// LastSeenTimestampUpdated, ThreadClosed, ChatScopesUpdated,
// ChatPropertiesUpdated, ChatThreadPropertiesUpdated). Events and users are
// decoded by their "type" into *Message, *File, *Customer, *Agent... with
// *UnknownEvent and *UnknownUser keeping the raw JSON of types this package
// does not know, and unknown fields are ignored. There is no signature
// header: the secret travels in the body, so serve the receiver over HTTPS
// only, and keep each webhook's secret_key private. The receiver compares it
// with the secret registered for that webhook_id without leaking through
// timing where they differ or how long the secret is (keyed digests compared
// first, the bytes with crypto/subtle once they match).
//
// A Handler is an http.Handler:
//
//	secrets := webhook.NewSecretStore() // Set each webhook's secret once Register returns its ID
//	h, err := webhook.NewHandler(secrets)
//	h.OnIncomingEvent(func(ctx context.Context, wh *webhook.Webhook, p *webhook.IncomingEvent) error {
//		if m, ok := p.Event.(*webhook.Message); ok {
//			log.Printf("chat %s: %s", p.ChatID, m.Text)
//		}
//		return nil
//	})
//	http.Handle("/chatio/webhooks", h)
//
// It answers 200 once the handler for the action returned nil (or when no
// handler is registered for it), 405 (with "Allow: POST") to any method but
// POST, 415 to a Content-Type that is not JSON (a JSON body sent as
// application/x-www-form-urlencoded, as curl -d does, is accepted: see
// Parse), 413 to a body over the limit (1 MiB by default, refused without
// reading it whole), 400 to a body that is not a valid webhook, 401 to an
// unknown webhook_id or a wrong secret_key, and 500 when a handler returns an
// error or panics, or the secrets cannot be looked up. Error answers carry
// only the status text; details go to the optional *slog.Logger (never the
// secret or the body).
//
// Callers with their own router can use Parse, which the Handler itself
// uses, and StatusCode to turn its errors into an HTTP status.
package webhook
