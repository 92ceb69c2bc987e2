package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/chatsdk-go/chatsdk/chatio/webhook"
)

// runListen is "chatsdk chatio listen": a local chat.io webhook receiver
// that verifies each delivery with chatio/webhook, prints it, and can
// forward its raw body.
func runListen(ctx context.Context, args []string, o *outputConfig) error {
	fs := flag.NewFlagSet("chatio listen", flag.ContinueOnError)
	fs.SetOutput(o.stderr)
	secret := fs.String("secret-key", "", "the secret_key the webhooks were registered with (required)")
	webhookID := fs.String("webhook-id", "", "accept only this webhook_id (default: any)")
	addr := fs.String("addr", "127.0.0.1:8081", "address to listen on")
	forward := fs.String("forward-to", "", "also POST each verified body to this http or https URL")
	asJSON := fs.Bool("json", false, "print each delivery as one JSON line instead of a summary")
	if err := fs.Parse(args); err != nil {
		return parseErr(err)
	}
	if *secret == "" {
		return usagef("chatio listen: --secret-key is required")
	}
	if *forward != "" {
		u, err := url.Parse(*forward)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return usagef("chatio listen: --forward-to must be an http or https URL")
		}
	}
	secrets := webhook.SecretFunc(func(_ context.Context, id string) (string, bool, error) {
		if *webhookID != "" && id != *webhookID {
			return "", false, nil
		}
		return *secret, true, nil
	})
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return usagef("chatio listen: --addr: %v", err)
	}
	var mu sync.Mutex // serializes the output lines
	fmt.Fprintf(o.stdout, "listening url=http://%s\n", ln.Addr())
	forwarder := &http.Client{Timeout: 10 * time.Second}
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(io.LimitReader(r.Body, webhook.DefaultMaxBodyBytes+1))
		if err != nil {
			http.Error(w, http.StatusText(http.StatusBadRequest), http.StatusBadRequest)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		wh, err := webhook.Parse(r, secrets)
		if err != nil {
			status := webhook.StatusCode(err)
			mu.Lock()
			fmt.Fprintf(o.stderr, "refused delivery: %d %s\n", status, http.StatusText(status))
			mu.Unlock()
			http.Error(w, http.StatusText(status), status)
			return
		}
		mu.Lock()
		printDelivery(o.stdout, wh, *asJSON)
		mu.Unlock()
		if *forward != "" {
			if err := forwardBody(r.Context(), forwarder, *forward, body); err != nil {
				mu.Lock()
				fmt.Fprintf(o.stderr, "forward: %v\n", err)
				mu.Unlock()
			}
		}
		w.WriteHeader(http.StatusOK)
	})
	srv := &http.Server{Handler: handler, ReadHeaderTimeout: 5 * time.Second}
	return serveUntilDone(ctx, srv, ln)
}

// printDelivery writes one line for wh: JSON {"webhook_id","action","data"}
// or a summary.
func printDelivery(w io.Writer, wh *webhook.Webhook, asJSON bool) {
	if asJSON {
		b, _ := json.Marshal(struct {
			WebhookID string          `json:"webhook_id"`
			Action    string          `json:"action"`
			Data      json.RawMessage `json:"data"`
		}{wh.ID, string(wh.Action), wh.Data})
		fmt.Fprintf(w, "%s\n", b)
		return
	}
	line := fmt.Sprintf("%s webhook=%s", wh.Action, wh.ID)
	var common struct {
		ChatID string `json:"chat_id"`
	}
	_ = json.Unmarshal(wh.Data, &common)
	if common.ChatID != "" {
		line += " chat=" + common.ChatID
	}
	if p, ok := wh.Payload.(*webhook.IncomingEvent); ok && p.Event != nil {
		line += " event=" + string(p.Event.Base().Type)
		if m, ok := p.Event.(*webhook.Message); ok {
			line += fmt.Sprintf(" text=%q", m.Text)
		}
	}
	fmt.Fprintln(w, line)
}

func forwardBody(ctx context.Context, hc *http.Client, to string, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, to, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20))
	if resp.StatusCode >= 300 {
		return fmt.Errorf("%s answered %s", to, resp.Status)
	}
	return nil
}
