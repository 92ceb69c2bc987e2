package chatiotest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/chatsdk-go/chatsdk/chatio"
)

// Delivery is the body of a chat.io webhook as the fake POSTs it.
type Delivery struct {
	// WebhookID is the ID of the registered webhook being delivered.
	WebhookID string `json:"webhook_id"`
	// SecretKey is the secret registered with the webhook; the receiver
	// checks it, since chat.io sends no signature header.
	SecretKey string `json:"secret_key"`
	// Action is the registered action that triggered the webhook
	// (e.g. incoming_chat_thread).
	Action chatio.WebhookAction `json:"action"`
	// Data is the Agent API push payload of the action. A json.RawMessage
	// or []byte is sent as it is (it must be valid JSON); nil sends {}.
	Data any `json:"data"`
}

// DeliveryError is a delivery that the receiver answered with a status
// outside 2xx.
type DeliveryError struct {
	// URL is the receiver URL the webhook was POSTed to.
	URL string
	// WebhookID is the ID of the webhook that was delivered.
	WebhookID string
	// StatusCode is the receiver's HTTP status code.
	StatusCode int
	// Body is the start of the receiver's answer (at most 4 KiB).
	Body []byte
}

// Error names the webhook, the receiver URL and the status it answered.
func (e *DeliveryError) Error() string {
	return fmt.Sprintf("chatiotest: delivering webhook %q to %s: receiver answered %d %s",
		e.WebhookID, e.URL, e.StatusCode, http.StatusText(e.StatusCode))
}

// ErrUnknownWebhook is returned by Deliver for a webhook ID that is not
// registered.
var ErrUnknownWebhook = errors.New("chatiotest: unknown webhook")

// Deliver POSTs a webhook for the registered webhook webhookID to its URL,
// as chat.io would: {"webhook_id", "secret_key", "action", "data"} with the
// registered secret and action. data is the push payload of the action (see
// Delivery.Data), for instance a webhook.IncomingEvent built by hand: the
// webhook package's events and users encode their own "type", so
// &webhook.Message{Text: "hi"} arrives as a message. It returns a
// *DeliveryError when the receiver answers outside 2xx (a receiver that
// refuses the webhook or whose handler failed), so a test cannot miss it.
func (s *Server) Deliver(ctx context.Context, webhookID string, data any) error {
	s.mu.Lock()
	h, ok := s.hooks[webhookID]
	var url string
	var d Delivery
	if ok {
		url = h.URL
		d = Delivery{WebhookID: h.WebhookID, SecretKey: h.SecretKey, Action: h.Action, Data: data}
	}
	s.mu.Unlock()
	if !ok {
		return fmt.Errorf("%w %q", ErrUnknownWebhook, webhookID)
	}
	return s.Send(ctx, url, d)
}

// DeliverAction delivers data to every webhook registered for action, in
// registration order, and returns how many receivers answered 2xx together
// with the errors of the others. Filters are not evaluated, and the webhooks
// configured inside bot agents are not delivered to (the documentation does
// not say which webhook_id they carry).
func (s *Server) DeliverAction(ctx context.Context, action chatio.WebhookAction, data any) (int, error) {
	s.mu.Lock()
	var targets []*chatio.Webhook
	for _, id := range s.hookOrder {
		if h := s.hooks[id]; h.Action == action {
			cp := *h
			targets = append(targets, &cp)
		}
	}
	s.mu.Unlock()
	delivered := 0
	var errs []error
	for _, h := range targets {
		err := s.Send(ctx, h.URL, Delivery{WebhookID: h.WebhookID, SecretKey: h.SecretKey, Action: h.Action, Data: data})
		if err != nil {
			errs = append(errs, err)
			continue
		}
		delivered++
	}
	return delivered, errors.Join(errs...)
}

// Send POSTs d to url as a webhook. Use it for deliveries that chat.io would
// not make, such as a wrong secret or an unknown action, to test how a
// receiver refuses them.
func (s *Server) Send(ctx context.Context, url string, d Delivery) error {
	switch v := d.Data.(type) {
	case nil:
		d.Data = json.RawMessage("{}")
	case []byte:
		d.Data = json.RawMessage(v)
	}
	body, err := json.Marshal(d)
	if err != nil {
		return fmt.Errorf("chatiotest: encoding webhook %q: %w", d.WebhookID, err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("chatiotest: webhook %q: %w", d.WebhookID, err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "chatiotest")
	resp, err := s.delivery.Do(req)
	if err != nil {
		return fmt.Errorf("chatiotest: delivering webhook %q: %w", d.WebhookID, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 4<<10))
		return &DeliveryError{URL: url, WebhookID: d.WebhookID, StatusCode: resp.StatusCode, Body: b}
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	return nil
}
