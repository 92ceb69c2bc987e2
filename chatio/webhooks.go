package chatio

import (
	"context"

	"github.com/chatsdk-go/chatsdk"
)

// WebhooksService registers, lists and unregisters webhooks (the
// Configuration API's /webhooks/* methods). Registrations take effect in
// chat.io within about 2 minutes.
//
// A webhook is POSTed to its URL as {"webhook_id", "secret_key", "action",
// "data"}: the secret travels in the body and data is the Agent API push
// payload of the action. Package chatio/webhook receives them.
type WebhooksService struct {
	client *Client
}

var (
	opRegisterWebhook   = newCall("Webhooks.Register", "/webhooks/register_webhook", false)
	opListWebhooks      = newCall("Webhooks.List", "/webhooks/get_webhooks_config", true)
	opUnregisterWebhook = newCall("Webhooks.Unregister", "/webhooks/unregister_webhook", true)
)

// Webhook is a registered webhook as get_webhooks_config returns it.
type Webhook struct {
	// WebhookID is the webhook's ID, sent as webhook_id in every delivery.
	WebhookID string `json:"webhook_id"`
	// URL is the destination URL.
	URL string `json:"url"`
	// Description is the free-text description.
	Description string `json:"description,omitempty"`
	// Action is the triggering action.
	Action WebhookAction `json:"action"`
	// SecretKey is sent in every delivery so that the receiver can verify its
	// source.
	SecretKey string `json:"secret_key"`
	// Filters limit the webhook to matching chats, threads or events.
	Filters *Filters `json:"filters,omitempty"`
}

// RegisterWebhookParams is the body of register_webhook.
type RegisterWebhookParams struct {
	// URL is the destination URL, an absolute http or https URL (required).
	URL string `json:"url"`
	// Description is a free-text description.
	Description string `json:"description,omitempty"`
	// Action is the triggering action (required).
	Action WebhookAction `json:"action"`
	// SecretKey is sent in every delivery so that the receiver can verify its
	// source (required; use a long random string).
	SecretKey string `json:"secret_key"`
	// Filters limit the webhook to matching chats, threads or events.
	Filters *Filters `json:"filters,omitempty"`
}

// Validate checks the required fields, the action and the shape of the
// filters.
func (p *RegisterWebhookParams) Validate() error {
	if p == nil {
		return invalid("", "parameters are required (url, action, secret_key)")
	}
	if err := validateWebhookURL("url", p.URL); err != nil {
		return err
	}
	if err := validateAction("action", p.Action); err != nil {
		return err
	}
	if p.SecretKey == "" {
		return invalid("secret_key", "required")
	}
	return at("filters", p.Filters.validate())
}

// RegisteredWebhook is the answer of register_webhook.
type RegisteredWebhook struct {
	// WebhookID is the new webhook's ID.
	WebhookID string `json:"webhook_id"`
}

// Register registers a webhook and returns its ID. Permission:
// webhooks--my:write.
//
// Register is never retried once the request may have reached the server
// (the webhook would be registered, and delivered, twice): such a failure
// matches chatsdk.ErrMayHaveBeenApplied, and List tells whether it exists.
func (s *WebhooksService) Register(ctx context.Context, params *RegisterWebhookParams, opts ...chatsdk.CallOption) (*RegisteredWebhook, error) {
	if err := params.Validate(); err != nil {
		return nil, withOperation(err, opRegisterWebhook)
	}
	var out RegisteredWebhook
	resp, err := s.client.do(ctx, opRegisterWebhook, params, &out, opts)
	if err != nil {
		return nil, err
	}
	if out.WebhookID == "" {
		return nil, errMissingField(opRegisterWebhook, resp, "webhook_id")
	}
	return &out, nil
}

// List returns the registered webhooks (get_webhooks_config, sent with the
// documented empty body {}). Permissions: webhooks--my:read for the caller's
// webhooks, webhooks--all:read for all. The API answers every webhook at once
// (there are no pages), so List returns a slice.
func (s *WebhooksService) List(ctx context.Context, opts ...chatsdk.CallOption) ([]Webhook, error) {
	var out struct {
		WebhooksConfig []Webhook `json:"webhooks_config"`
	}
	if _, err := s.client.do(ctx, opListWebhooks, struct{}{}, &out, opts); err != nil {
		return nil, err
	}
	return out.WebhooksConfig, nil
}

// Unregister unregisters the webhook webhookID. Permissions:
// webhooks--my:write for the caller's webhooks, webhooks--all:write for any.
//
// Unregister is retried after a failure; when an earlier attempt was applied
// but its answer was lost, the retry may fail because the webhook no longer
// exists.
func (s *WebhooksService) Unregister(ctx context.Context, webhookID string, opts ...chatsdk.CallOption) error {
	if err := requireID("webhook_id", webhookID); err != nil {
		return withOperation(err, opUnregisterWebhook)
	}
	_, err := s.client.do(ctx, opUnregisterWebhook, struct {
		WebhookID string `json:"webhook_id"`
	}{webhookID}, nil, opts)
	return err
}
