package webhook

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"sync"
	"unicode/utf8"

	"github.com/chatsdk-go/chatsdk/chatio"
)

// HandlerFunc handles a webhook of any action; wh.Payload is nil for an
// unknown action, and wh.Data holds the raw payload.
type HandlerFunc func(ctx context.Context, wh *Webhook) error

// Handler is an http.Handler that receives chat.io webhooks: it verifies each
// one with Parse and calls the handler registered for its action with the
// request's context. Register handlers with the On* methods; they may be
// registered and replaced while the Handler serves. A known action with no
// handler is answered 200 and dropped; an unknown action goes to the
// OnUnknownAction handler (by default also 200 and dropped).
//
// A handler that returns an error makes the answer 500 (the error goes to the
// logger, not to the caller); chat.io may then deliver the webhook again, so
// handlers should be idempotent. A handler that panics is answered 500 too:
// the Handler recovers the panic and logs the webhook_id, the action, the
// panic value's type and message and the stack (never the body or the
// secret). A panic with http.ErrAbortHandler is not recovered, so that it
// still aborts the response as net/http documents.
//
// Requests that are not webhooks are refused before any handler runs: 405
// (with "Allow: POST") to any method but POST, 415 to a Content-Type that is
// neither JSON nor a form-encoded JSON body (see Parse), 413 to a body over
// the limit, 400 to a body that is not a valid webhook, 401 to an unknown
// webhook_id or a wrong secret_key, and 500 when the secrets cannot be
// looked up.
type Handler struct {
	cfg     config
	secrets SecretSource

	mu       sync.RWMutex
	handlers map[chatio.WebhookAction]HandlerFunc
	fallback HandlerFunc
}

// NewHandler returns a Handler that verifies webhooks against secrets. It
// fails with ErrMisconfigured for a nil source, an empty Secrets, a Secrets
// with an empty secret, or an invalid option.
func NewHandler(secrets SecretSource, opts ...Option) (*Handler, error) {
	src, err := checkSource(secrets)
	if err != nil {
		return nil, err
	}
	cfg, err := newConfig(opts)
	if err != nil {
		return nil, err
	}
	return &Handler{cfg: cfg, secrets: src, handlers: make(map[chatio.WebhookAction]HandlerFunc)}, nil
}

// OnIncomingChatThread registers fn for incoming_chat_thread; nil removes it.
func (h *Handler) OnIncomingChatThread(fn func(ctx context.Context, wh *Webhook, p *IncomingChatThread) error) {
	on(h, chatio.ActionIncomingChatThread, fn)
}

// OnChatUsersUpdated registers fn for chat_users_updated; nil removes it.
func (h *Handler) OnChatUsersUpdated(fn func(ctx context.Context, wh *Webhook, p *ChatUsersUpdated) error) {
	on(h, chatio.ActionChatUsersUpdated, fn)
}

// OnIncomingEvent registers fn for incoming_event; nil removes it.
func (h *Handler) OnIncomingEvent(fn func(ctx context.Context, wh *Webhook, p *IncomingEvent) error) {
	on(h, chatio.ActionIncomingEvent, fn)
}

// OnLastSeenTimestampUpdated registers fn for last_seen_timestamp_updated;
// nil removes it.
func (h *Handler) OnLastSeenTimestampUpdated(fn func(ctx context.Context, wh *Webhook, p *LastSeenTimestampUpdated) error) {
	on(h, chatio.ActionLastSeenTimestampUpdated, fn)
}

// OnThreadClosed registers fn for thread_closed; nil removes it.
func (h *Handler) OnThreadClosed(fn func(ctx context.Context, wh *Webhook, p *ThreadClosed) error) {
	on(h, chatio.ActionThreadClosed, fn)
}

// OnChatScopesUpdated registers fn for chat_scopes_updated; nil removes it.
func (h *Handler) OnChatScopesUpdated(fn func(ctx context.Context, wh *Webhook, p *ChatScopesUpdated) error) {
	on(h, chatio.ActionChatScopesUpdated, fn)
}

// OnChatPropertiesUpdated registers fn for chat_properties_updated; nil
// removes it.
func (h *Handler) OnChatPropertiesUpdated(fn func(ctx context.Context, wh *Webhook, p *ChatPropertiesUpdated) error) {
	on(h, chatio.ActionChatPropertiesUpdated, fn)
}

// OnChatThreadPropertiesUpdated registers fn for
// chat_thread_properties_updated; nil removes it.
func (h *Handler) OnChatThreadPropertiesUpdated(fn func(ctx context.Context, wh *Webhook, p *ChatThreadPropertiesUpdated) error) {
	on(h, chatio.ActionChatThreadPropertiesUpdated, fn)
}

// OnUnknownAction registers fn for actions this package does not know; it
// gets the raw payload in wh.Data. nil restores the default: answer 200 and
// drop the webhook.
func (h *Handler) OnUnknownAction(fn HandlerFunc) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.fallback = fn
}

func on[P any](h *Handler, action chatio.WebhookAction, fn func(context.Context, *Webhook, *P) error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if fn == nil {
		delete(h.handlers, action)
		return
	}
	h.handlers[action] = func(ctx context.Context, wh *Webhook) error {
		p, ok := wh.Payload.(*P)
		if !ok {
			return fmt.Errorf("webhook: %s: payload is %T, not %T", action, wh.Payload, p)
		}
		return fn(ctx, wh, p)
	}
}

// Dispatch calls the handler registered for wh.Action (the OnUnknownAction
// handler for an unknown action) and returns its error; it returns nil when
// no handler is registered. ServeHTTP uses it after Parse.
func (h *Handler) Dispatch(ctx context.Context, wh *Webhook) error {
	h.mu.RLock()
	fn, known := h.handlers[wh.Action]
	if _, decoded := payloadDecoders[wh.Action]; !decoded {
		fn, known = h.fallback, h.fallback != nil
	}
	h.mu.RUnlock()
	if !known {
		return nil
	}
	return fn(ctx, wh)
}

// ServeHTTP implements http.Handler.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Body != nil {
		r.Body = http.MaxBytesReader(w, r.Body, h.cfg.maxBodyBytes)
	}
	wh, err := parse(r, h.secrets, h.cfg.maxBodyBytes)
	if err != nil {
		status := StatusCode(err)
		level := slog.LevelWarn
		if status == http.StatusInternalServerError {
			level = slog.LevelError
		}
		h.log(r.Context(), level, "chat.io webhook refused", slog.Int("status", status), slog.Any("error", err))
		if status == http.StatusMethodNotAllowed {
			w.Header().Set("Allow", http.MethodPost)
		}
		http.Error(w, http.StatusText(status), status)
		return
	}
	if err := h.dispatchOnce(r.Context(), wh); err != nil {
		if !errors.Is(err, errHandlerPanicked) {
			h.log(r.Context(), slog.LevelError, "chat.io webhook handler failed",
				slog.String("webhook_id", wh.ID), slog.String("action", string(wh.Action)), slog.Any("error", err))
		}
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	if h.cfg.logger != nil {
		h.log(r.Context(), slog.LevelDebug, "chat.io webhook handled",
			slog.String("webhook_id", wh.ID), slog.String("action", string(wh.Action)))
	}
	w.WriteHeader(http.StatusOK)
}

// dispatchRecovering calls Dispatch and turns a panic in the handler into a
// 500 and an error log, instead of net/http dropping the connection.
func (h *Handler) dispatchRecovering(ctx context.Context, wh *Webhook) (err error) {
	defer func() {
		switch v := recover(); v {
		case nil:
			return
		case http.ErrAbortHandler:
			panic(v)
		default:
			h.log(ctx, slog.LevelError, "chat.io webhook handler panicked",
				slog.String("webhook_id", wh.ID), slog.String("action", string(wh.Action)),
				slog.String("panic_type", fmt.Sprintf("%T", v)), slog.String("panic", truncate(fmt.Sprint(v), 1024)),
				slog.String("stack", string(debug.Stack())))
			err = errHandlerPanicked
		}
	}()
	return h.Dispatch(ctx, wh)
}

var errHandlerPanicked = errors.New("webhook: handler panicked")

// truncate cuts s to at most n bytes, on a rune boundary.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

func (h *Handler) log(ctx context.Context, level slog.Level, msg string, attrs ...slog.Attr) {
	if h.cfg.logger != nil {
		h.cfg.logger.LogAttrs(ctx, level, msg, attrs...)
	}
}
