package chatiotest

import (
	"crypto/rand"
	"strings"

	"github.com/chatsdk-go/chatsdk/chatio"
)

func (s *Server) registerWebhook(body []byte) (any, *apiError) {
	var p chatio.RegisterWebhookParams
	if e := decode(body, &p); e != nil {
		return nil, e
	}
	if err := p.Validate(); err != nil {
		return nil, validation(err)
	}
	hook := clone(chatio.Webhook{
		URL:         p.URL,
		Description: p.Description,
		Action:      p.Action,
		SecretKey:   p.SecretKey,
		Filters:     p.Filters,
	})
	s.mu.Lock()
	defer s.mu.Unlock()
	hook.WebhookID = newWebhookID()
	s.hooks[hook.WebhookID] = &hook
	s.hookOrder = append(s.hookOrder, hook.WebhookID)
	return chatio.RegisteredWebhook{WebhookID: hook.WebhookID}, nil
}

func (s *Server) listWebhooks(body []byte) (any, *apiError) {
	if e := decode(body, &struct{}{}); e != nil {
		return nil, e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]chatio.Webhook, 0, len(s.hookOrder))
	for _, id := range s.hookOrder {
		out = append(out, clone(*s.hooks[id]))
	}
	return map[string]any{"webhooks_config": out}, nil
}

func (s *Server) unregisterWebhook(body []byte) (any, *apiError) {
	var p struct {
		WebhookID string `json:"webhook_id"`
	}
	if e := decode(body, &p); e != nil {
		return nil, e
	}
	if strings.TrimSpace(p.WebhookID) == "" {
		return nil, errValidation("webhook_id: required")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.hooks[p.WebhookID]; !ok {
		return nil, errNotFound("webhook %q not found", p.WebhookID)
	}
	delete(s.hooks, p.WebhookID)
	s.hookOrder = remove(s.hookOrder, p.WebhookID)
	return struct{}{}, nil
}

// newWebhookID returns 25 random lowercase letters and digits, the shape of
// the documented webhook IDs.
func newWebhookID() string {
	const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
	b := make([]byte, 25)
	_, _ = rand.Read(b)
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return string(b)
}
