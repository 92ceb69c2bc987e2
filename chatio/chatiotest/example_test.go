package chatiotest_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/chatio"
	"github.com/chatsdk-go/chatsdk/chatio/chatiotest"
)

// An integration registers its webhook through the client, and the fake
// delivers an incoming_event to it as chat.io would.
func ExampleServer_Deliver() {
	ctx := context.Background()
	receiver := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var hook struct {
			WebhookID string          `json:"webhook_id"`
			SecretKey string          `json:"secret_key"`
			Action    string          `json:"action"`
			Data      json.RawMessage `json:"data"`
		}
		if err := json.NewDecoder(r.Body).Decode(&hook); err != nil || hook.SecretKey != "s3cret" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		fmt.Println("received", hook.Action, string(hook.Data))
	}))
	defer receiver.Close()

	srv := chatiotest.NewServer()
	defer srv.Close()
	c, err := chatio.NewClient(srv.Token, chatsdk.WithBaseURL(srv.BaseURL))
	if err != nil {
		log.Fatal(err)
	}
	hook, err := c.Webhooks.Register(ctx, &chatio.RegisterWebhookParams{
		URL: receiver.URL, Action: chatio.ActionIncomingEvent, SecretKey: "s3cret",
	})
	if err != nil {
		log.Fatal(err)
	}
	err = srv.Deliver(ctx, hook.WebhookID, json.RawMessage(`{"chat_id":"c1","event":{"type":"message","text":"hi"}}`))
	fmt.Println("delivery error:", err)
	// Output:
	// received incoming_event {"chat_id":"c1","event":{"type":"message","text":"hi"}}
	// delivery error: <nil>
}
