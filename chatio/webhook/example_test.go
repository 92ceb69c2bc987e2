package webhook_test

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"

	"github.com/chatsdk-go/chatsdk/chatio/webhook"
)

func ExampleHandler() {
	// The webhook_id that webhooks/register_webhook returned, and the
	// secret_key registered with it.
	h, err := webhook.NewHandler(webhook.Secrets{"pqi8oasdjahuakndw9nsad9na": "laudla991lamda0pnoaa0"})
	if err != nil {
		log.Fatal(err)
	}
	h.OnIncomingEvent(func(ctx context.Context, wh *webhook.Webhook, p *webhook.IncomingEvent) error {
		switch e := p.Event.(type) {
		case *webhook.Message:
			fmt.Printf("chat %s: %s says %q\n", p.ChatID, e.AuthorID, e.Text)
		default:
			fmt.Printf("chat %s: %s event\n", p.ChatID, e.Base().Type)
		}
		return nil
	})
	h.OnThreadClosed(func(ctx context.Context, wh *webhook.Webhook, p *webhook.ThreadClosed) error {
		fmt.Printf("thread %s closed\n", p.ThreadID)
		return nil
	})

	// In a program: http.Handle("/chatio/webhooks", h) behind HTTPS.
	srv := httptest.NewServer(h)
	defer srv.Close()
	body, err := os.ReadFile(filepath.Join("..", "..", "testdata", "chatio", "webhooks", "incoming_event.json"))
	if err != nil {
		log.Fatal(err)
	}
	resp, err := http.Post(srv.URL, "application/json", strings.NewReader(string(body)))
	if err != nil {
		log.Fatal(err)
	}
	resp.Body.Close()
	fmt.Println(resp.Status)
	// Output:
	// chat 85f3bfc9-06c1-434e-958b-2a5239b07de8: b7eff798-f8df-4364-8059-649c35c9ed0c says "hello there"
	// 200 OK
}

func ExampleParse() {
	secrets := webhook.SecretFunc(func(ctx context.Context, webhookID string) (string, bool, error) {
		// Look the secret up where it is kept; false for an unknown webhook.
		if webhookID != "pqi8oasdjahuakndw9nsad9na" {
			return "", false, nil
		}
		return "laudla991lamda0pnoaa0", true, nil
	})
	mux := http.NewServeMux()
	mux.HandleFunc("POST /chatio/webhooks", func(w http.ResponseWriter, r *http.Request) {
		wh, err := webhook.Parse(r, secrets)
		if err != nil {
			http.Error(w, http.StatusText(webhook.StatusCode(err)), webhook.StatusCode(err))
			return
		}
		if p, ok := wh.Payload.(*webhook.ChatPropertiesUpdated); ok {
			if score, ok := p.Properties.Get("rating", "score"); ok {
				fmt.Printf("chat %s rated %s\n", p.ChatID, score)
			}
		}
	})

	srv := httptest.NewServer(mux)
	defer srv.Close()
	body, err := os.ReadFile(filepath.Join("..", "..", "testdata", "chatio", "webhooks", "chat_properties_updated.json"))
	if err != nil {
		log.Fatal(err)
	}
	resp, err := http.Post(srv.URL+"/chatio/webhooks", "application/json", strings.NewReader(string(body)))
	if err != nil {
		log.Fatal(err)
	}
	resp.Body.Close()
	fmt.Println(resp.Status)
	// Output:
	// chat 123-123-123-123 rated 1
	// 200 OK
}

func ExampleSecretStore() {
	// The receiver starts before any webhook exists: its secrets are set
	// once webhooks/register_webhook has returned each webhook's ID.
	secrets := webhook.NewSecretStore()
	h, err := webhook.NewHandler(secrets)
	if err != nil {
		log.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	deliver := func() string {
		resp, err := http.Post(srv.URL, "application/json", strings.NewReader(
			`{"webhook_id": "pqi8oasdjahuakndw9nsad9na", "secret_key": "laudla991lamda0pnoaa0", "action": "thread_closed", "data": {"chat_id": "c1", "thread_id": "t1"}}`))
		if err != nil {
			log.Fatal(err)
		}
		resp.Body.Close()
		return resp.Status
	}

	fmt.Println("before Set:", deliver())
	// After c.Webhooks.Register(ctx, &chatio.RegisterWebhookParams{..., SecretKey: secret}):
	if err := secrets.Set("pqi8oasdjahuakndw9nsad9na", "laudla991lamda0pnoaa0"); err != nil {
		log.Fatal(err)
	}
	fmt.Println("after Set:", deliver())
	// After c.Webhooks.Unregister(ctx, webhookID):
	secrets.Delete("pqi8oasdjahuakndw9nsad9na")
	fmt.Println("after Delete:", deliver())
	// Output:
	// before Set: 401 Unauthorized
	// after Set: 200 OK
	// after Delete: 401 Unauthorized
}
