// Command chatio-webhooks is a chat.io webhook receiver: it verifies each
// webhook's secret_key, decodes its data into the typed payload of its action
// and prints a line per webhook.
//
//	go run ./examples/chatio-webhooks
//
// Run bare, it needs no network and no secret: it starts the chatiotest fake
// of the chat.io Configuration API and a receiver on a loopback port,
// registers a webhook through the chatio client, has the fake deliver an
// incoming_event (and a forged one, which is refused), prints what the
// receiver got, and exits.
//
//	CHATIO_WEBHOOK_SECRETS='<webhook_id>=<secret_key>' go run ./examples/chatio-webhooks
//
// With CHATIO_WEBHOOK_SECRETS set it serves real deliveries until SIGINT or
// SIGTERM. It lists the webhooks to accept as comma-separated
// webhook_id=secret_key pairs: the webhook_id that webhooks/register_webhook
// returned and the secret_key registered with it. Flags (and the environment
// variables that set their defaults):
//
//	-addr      listen address (CHATIO_WEBHOOK_ADDR, default 127.0.0.1:8080)
//	-path      URL path of the receiver (CHATIO_WEBHOOK_PATH, default /chatio/webhooks)
//	-tls-cert  TLS certificate file (CHATIO_WEBHOOK_TLS_CERT)
//	-tls-key   TLS key file (CHATIO_WEBHOOK_TLS_KEY)
//
// chat.io sends the secret in the body, so expose the receiver over HTTPS
// only: give it a certificate, or put it behind a proxy that terminates TLS.
package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"os/signal"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/chatio"
	"github.com/chatsdk-go/chatsdk/chatio/chatiotest"
	"github.com/chatsdk-go/chatsdk/chatio/webhook"
)

// config is what the flags and the environment set.
type config struct {
	addr, path        string
	certFile, keyFile string
	// secrets is CHATIO_WEBHOOK_SECRETS; empty runs the offline demo.
	secrets string
}

func main() {
	var cfg config
	flag.StringVar(&cfg.addr, "addr", envOr("CHATIO_WEBHOOK_ADDR", "127.0.0.1:8080"), "listen address")
	flag.StringVar(&cfg.path, "path", envOr("CHATIO_WEBHOOK_PATH", "/chatio/webhooks"), "URL path of the receiver")
	flag.StringVar(&cfg.certFile, "tls-cert", os.Getenv("CHATIO_WEBHOOK_TLS_CERT"), "TLS certificate file (serve HTTPS)")
	flag.StringVar(&cfg.keyFile, "tls-key", os.Getenv("CHATIO_WEBHOOK_TLS_KEY"), "TLS key file")
	flag.Parse()
	cfg.secrets = os.Getenv("CHATIO_WEBHOOK_SECRETS")

	logger := slog.New(slog.NewTextHandler(os.Stderr, nil))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, cfg, logger, os.Stdout); err != nil {
		logger.Error("chatio-webhooks", slog.Any("error", err))
		os.Exit(1)
	}
}

// run serves real deliveries when cfg.secrets is set, and runs the offline
// demo otherwise.
func run(ctx context.Context, cfg config, logger *slog.Logger, out io.Writer) error {
	if strings.TrimSpace(cfg.secrets) == "" {
		return runOffline(ctx, cfg.path, logger, out)
	}
	return serve(ctx, cfg, logger, out)
}

// runOffline registers a webhook on the chatiotest fake and receives one
// delivery from it, all on loopback.
func runOffline(ctx context.Context, path string, logger *slog.Logger, out io.Writer) error {
	api := chatiotest.NewServer()
	defer api.Close()
	c, err := chatio.NewClient(api.Token, chatsdk.WithBaseURL(api.BaseURL))
	if err != nil {
		return err
	}
	fmt.Fprintln(out, "CHATIO_WEBHOOK_SECRETS is not set: offline demo against the chatiotest fake")

	// A webhook's ID exists only once it is registered, so the receiver
	// starts with an empty store and learns each secret after Register.
	secrets := webhook.NewSecretStore()
	h, err := newHandler(secrets, logger, out)
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.Handle(path, h)
	receiver := httptest.NewServer(mux)
	defer receiver.Close()

	secret, err := newSecret()
	if err != nil {
		return err
	}
	hook, err := c.Webhooks.Register(ctx, &chatio.RegisterWebhookParams{
		URL:         receiver.URL + path,
		Description: "chatio-webhooks offline demo",
		Action:      chatio.ActionIncomingEvent,
		SecretKey:   secret,
	})
	if err != nil {
		return fmt.Errorf("register webhook: %w", err)
	}
	if err := secrets.Set(hook.WebhookID, secret); err != nil {
		return err
	}
	fmt.Fprintf(out, "registered webhook %s for %s -> %s\n", hook.WebhookID, chatio.ActionIncomingEvent, receiver.URL+path)

	// The fake POSTs {"webhook_id", "secret_key", "action", "data"} as
	// chat.io does; the handler prints the line for it.
	incoming := webhook.IncomingEvent{
		ChatID: "85f3bfc9-06c1-434e-958b-2a5239b07de8",
		Event: &webhook.Message{
			EventBase: webhook.EventBase{
				ID:         "0affb00a-82d6-4e07-ae61-56ba5c36f743",
				Order:      1,
				AuthorID:   "b7eff798-f8df-4364-8059-649c35c9ed0c",
				Timestamp:  1473433500,
				Recipients: webhook.RecipientsAll,
			},
			Text: "Hello, is anyone there?",
		},
	}
	if err := api.Deliver(ctx, hook.WebhookID, incoming); err != nil {
		return fmt.Errorf("deliver: %w", err)
	}

	forged := chatiotest.Delivery{WebhookID: hook.WebhookID, SecretKey: "guessed", Action: chatio.ActionIncomingEvent, Data: incoming}
	var refused *chatiotest.DeliveryError
	if err := api.Send(ctx, receiver.URL+path, forged); !errors.As(err, &refused) {
		return fmt.Errorf("a webhook with a wrong secret_key was not refused: %w", err)
	}
	fmt.Fprintf(out, "a webhook with a wrong secret_key was refused: %d\n", refused.StatusCode)

	if err := c.Webhooks.Unregister(ctx, hook.WebhookID); err != nil {
		return fmt.Errorf("unregister webhook: %w", err)
	}
	secrets.Delete(hook.WebhookID)
	fmt.Fprintf(out, "unregistered webhook %s\n", hook.WebhookID)
	fmt.Fprintln(out, "to receive real webhooks, set CHATIO_WEBHOOK_SECRETS=<webhook_id>=<secret_key>")
	return nil
}

// serve receives real deliveries for the webhooks in cfg.secrets until ctx
// is cancelled.
func serve(ctx context.Context, cfg config, logger *slog.Logger, out io.Writer) error {
	pairs, err := parseSecrets(cfg.secrets)
	if err != nil {
		return err
	}
	secrets := webhook.NewSecretStore()
	for id, secret := range pairs {
		if err := secrets.Set(id, secret); err != nil {
			return err
		}
	}
	h, err := newHandler(secrets, logger, out)
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.Handle(cfg.path, h)
	srv := &http.Server{
		Addr:              cfg.addr,
		Handler:           mux,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	served := make(chan error, 1)
	go func() {
		if cfg.certFile != "" || cfg.keyFile != "" {
			served <- srv.ListenAndServeTLS(cfg.certFile, cfg.keyFile)
			return
		}
		served <- srv.ListenAndServe()
	}()
	logger.Info("receiving chat.io webhooks", slog.String("addr", cfg.addr), slog.String("path", cfg.path),
		slog.Bool("tls", cfg.certFile != ""), slog.Int("webhooks", secrets.Len()))

	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// parseSecrets reads "id=secret,id2=secret2".
func parseSecrets(s string) (map[string]string, error) {
	secrets := map[string]string{}
	for _, pair := range strings.Split(s, ",") {
		pair = strings.TrimSpace(pair)
		if pair == "" {
			continue
		}
		id, secret, ok := strings.Cut(pair, "=")
		id, secret = strings.TrimSpace(id), strings.TrimSpace(secret)
		if !ok || id == "" || secret == "" {
			return nil, fmt.Errorf("CHATIO_WEBHOOK_SECRETS: want webhook_id=secret_key pairs separated by commas, got an entry without both (for webhook %q)", id)
		}
		secrets[id] = secret
	}
	if len(secrets) == 0 {
		return nil, errors.New("CHATIO_WEBHOOK_SECRETS lists no webhook: set it to webhook_id=secret_key (comma-separated for several webhooks)")
	}
	return secrets, nil
}

// newHandler builds the receiver with a typed handler per action, each
// printing one line to out.
func newHandler(secrets webhook.SecretSource, logger *slog.Logger, out io.Writer) (*webhook.Handler, error) {
	h, err := webhook.NewHandler(secrets, webhook.WithLogger(logger))
	if err != nil {
		return nil, err
	}
	var mu sync.Mutex
	printf := func(format string, args ...any) error {
		mu.Lock()
		defer mu.Unlock()
		_, err := fmt.Fprintf(out, format+"\n", args...)
		return err
	}

	h.OnIncomingChatThread(func(_ context.Context, _ *webhook.Webhook, p *webhook.IncomingChatThread) error {
		return printf("incoming_chat_thread: chat %s, thread %s, %d users, %d events",
			p.Chat.ID, p.Chat.Thread.ID, len(p.Chat.Users), len(p.Chat.Thread.Events))
	})
	h.OnChatUsersUpdated(func(_ context.Context, _ *webhook.Webhook, p *webhook.ChatUsersUpdated) error {
		u := p.UpdatedUsers
		return printf("chat_users_updated: chat %s, customers +%d -%d, agents +%d -%d", p.ChatID,
			len(u.Customers.Added), len(u.Customers.RemovedIDs), len(u.Agents.Added), len(u.Agents.RemovedIDs))
	})
	h.OnIncomingEvent(func(_ context.Context, _ *webhook.Webhook, p *webhook.IncomingEvent) error {
		switch e := p.Event.(type) {
		case *webhook.Message:
			return printf("incoming_event: chat %s: message from %s: %q", p.ChatID, e.AuthorID, e.Text)
		case *webhook.File:
			return printf("incoming_event: chat %s: file %s (%s, %d bytes) from %s", p.ChatID, e.Name, e.ContentType, e.Size, e.AuthorID)
		case *webhook.FilledForm:
			return printf("incoming_event: chat %s: form with %d fields from %s", p.ChatID, len(e.Fields), e.AuthorID)
		default:
			return printf("incoming_event: chat %s: %s event %s", p.ChatID, e.Base().Type, e.Base().ID)
		}
	})
	h.OnLastSeenTimestampUpdated(func(_ context.Context, _ *webhook.Webhook, p *webhook.LastSeenTimestampUpdated) error {
		return printf("last_seen_timestamp_updated: chat %s, user %s, %s", p.ChatID, p.UserID, p.Timestamp.Time().Format(time.RFC3339))
	})
	h.OnThreadClosed(func(_ context.Context, _ *webhook.Webhook, p *webhook.ThreadClosed) error {
		by := p.UserID
		if by == "" {
			by = "the router"
		}
		return printf("thread_closed: chat %s, thread %s, by %s", p.ChatID, p.ThreadID, by)
	})
	h.OnChatScopesUpdated(func(_ context.Context, _ *webhook.Webhook, p *webhook.ChatScopesUpdated) error {
		return printf("chat_scopes_updated: chat %s, groups added %v, removed %v", p.ChatID, p.ScopesAdded.Groups, p.ScopesRemoved.Groups)
	})
	h.OnChatPropertiesUpdated(func(_ context.Context, _ *webhook.Webhook, p *webhook.ChatPropertiesUpdated) error {
		return printf("chat_properties_updated: chat %s, %s", p.ChatID, describe(p.Properties))
	})
	h.OnChatThreadPropertiesUpdated(func(_ context.Context, _ *webhook.Webhook, p *webhook.ChatThreadPropertiesUpdated) error {
		return printf("chat_thread_properties_updated: chat %s, thread %s, %s", p.ChatID, p.ThreadID, describe(p.Properties))
	})
	h.OnUnknownAction(func(_ context.Context, wh *webhook.Webhook) error {
		return printf("%s: not known to this SDK version, %d bytes of data", wh.Action, len(wh.Data))
	})
	return h, nil
}

// describe lists properties as namespace.name=value, sorted.
func describe(props webhook.Properties) string {
	var parts []string
	for ns, byName := range props {
		for name, v := range byName {
			parts = append(parts, ns+"."+name+"="+v.String())
		}
	}
	sort.Strings(parts)
	return strings.Join(parts, " ")
}

// newSecret returns a random secret_key.
func newSecret() (string, error) {
	b := make([]byte, 24)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return hex.EncodeToString(b), nil
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}
