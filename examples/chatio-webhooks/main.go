// Command chatio-webhooks is a chat.io webhook receiver: it verifies each
// webhook's secret_key, decodes its data into the typed payload of its action
// and prints a line per webhook.
//
//	CHATIO_WEBHOOK_SECRETS='<webhook_id>=<secret_key>' go run ./examples/chatio-webhooks
//
// Flags (and the environment variables that set their defaults):
//
//	-addr      listen address (CHATIO_WEBHOOK_ADDR, default 127.0.0.1:8080)
//	-path      URL path of the receiver (CHATIO_WEBHOOK_PATH, default /chatio/webhooks)
//	-tls-cert  TLS certificate file (CHATIO_WEBHOOK_TLS_CERT)
//	-tls-key   TLS key file (CHATIO_WEBHOOK_TLS_KEY)
//
// CHATIO_WEBHOOK_SECRETS lists the webhooks to accept as comma-separated
// webhook_id=secret_key pairs: the webhook_id that webhooks/register_webhook
// returned and the secret_key registered with it. chat.io sends the secret in
// the body, so expose the receiver over HTTPS only: give it a certificate, or
// put it behind a proxy that terminates TLS. It stops gracefully on SIGINT or
// SIGTERM.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/chatsdk-go/chatsdk/chatio/webhook"
)

func main() {
	addr := flag.String("addr", envOr("CHATIO_WEBHOOK_ADDR", "127.0.0.1:8080"), "listen address")
	path := flag.String("path", envOr("CHATIO_WEBHOOK_PATH", "/chatio/webhooks"), "URL path of the receiver")
	certFile := flag.String("tls-cert", os.Getenv("CHATIO_WEBHOOK_TLS_CERT"), "TLS certificate file (serve HTTPS)")
	keyFile := flag.String("tls-key", os.Getenv("CHATIO_WEBHOOK_TLS_KEY"), "TLS key file")
	flag.Parse()

	logger := slog.New(slog.NewTextHandler(os.Stderr, nil))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, *addr, *path, *certFile, *keyFile, logger); err != nil {
		logger.Error("chatio-webhooks", slog.Any("error", err))
		os.Exit(1)
	}
}

func run(ctx context.Context, addr, path, certFile, keyFile string, logger *slog.Logger) error {
	secrets, err := parseSecrets(os.Getenv("CHATIO_WEBHOOK_SECRETS"))
	if err != nil {
		return err
	}
	h, err := newHandler(secrets, logger, os.Stdout)
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.Handle(path, h)
	srv := &http.Server{
		Addr:              addr,
		Handler:           mux,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	served := make(chan error, 1)
	go func() {
		if certFile != "" || keyFile != "" {
			served <- srv.ListenAndServeTLS(certFile, keyFile)
			return
		}
		served <- srv.ListenAndServe()
	}()
	logger.Info("receiving chat.io webhooks", slog.String("addr", addr), slog.String("path", path),
		slog.Bool("tls", certFile != ""), slog.Int("webhooks", len(secrets)))

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
func parseSecrets(s string) (webhook.Secrets, error) {
	secrets := webhook.Secrets{}
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
		return nil, errors.New("CHATIO_WEBHOOK_SECRETS is empty: set it to webhook_id=secret_key (comma-separated for several webhooks)")
	}
	return secrets, nil
}

// newHandler builds the receiver with a typed handler per action, each
// printing one line to out.
func newHandler(secrets webhook.Secrets, logger *slog.Logger, out io.Writer) (*webhook.Handler, error) {
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

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}
