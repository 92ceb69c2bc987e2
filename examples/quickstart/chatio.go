package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http/httptest"
	"os"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/chatio"
	"github.com/chatsdk-go/chatsdk/chatio/chatiotest"
	"github.com/chatsdk-go/chatsdk/chatio/webhook"
)

// runChatio creates a bot agent and a webhook on the embedded chat.io fake,
// receives an incoming_event through a webhook.Handler, then cleans up. With
// CHATIO_TOKEN set it only lists the bot agents and webhooks of the real API
// (or of CHATIO_BASE_URL).
func runChatio(ctx context.Context, w io.Writer) error {
	if token := os.Getenv("CHATIO_TOKEN"); token != "" {
		return runChatioReadOnly(ctx, w, token, os.Getenv("CHATIO_BASE_URL"))
	}
	return runChatioOffline(ctx, w)
}

func runChatioOffline(ctx context.Context, w io.Writer) error {
	api := chatiotest.NewServer()
	defer api.Close()
	c, err := chatio.NewClient(api.Token, chatsdk.WithBaseURL(api.BaseURL))
	if err != nil {
		return err
	}

	bot, err := c.BotAgents.Create(ctx, &chatio.CreateBotAgentParams{
		Name:   "Quickstart bot",
		Status: chatio.StatusAcceptingChats,
		Groups: []chatio.Group{{ID: 0, Priority: chatio.PriorityFirst}},
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "created bot agent %s\n", bot.BotAgentID)

	// The receiver: an ordinary http.Handler that verifies each webhook's
	// secret_key and hands typed payloads to the handlers. It starts with an
	// empty SecretStore, since a webhook's ID is known only once it is
	// registered.
	secrets := webhook.NewSecretStore()
	receiver, err := webhook.NewHandler(secrets)
	if err != nil {
		return err
	}
	received := make(chan string, 10)
	receiver.OnIncomingEvent(func(ctx context.Context, wh *webhook.Webhook, p *webhook.IncomingEvent) error {
		var line string
		switch e := p.Event.(type) {
		case *webhook.Message:
			line = fmt.Sprintf("chat %s: message from %s: %q", p.ChatID, e.AuthorID, e.Text)
		default:
			line = fmt.Sprintf("chat %s: %s event", p.ChatID, e.Base().Type)
		}
		select {
		case received <- line:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	})
	receiverServer := httptest.NewServer(receiver)
	defer receiverServer.Close()

	secret, err := chatioNewSecret()
	if err != nil {
		return err
	}
	hook, err := c.Webhooks.Register(ctx, &chatio.RegisterWebhookParams{
		URL:         receiverServer.URL + "/chatio/webhooks",
		Description: "quickstart receiver",
		Action:      chatio.ActionIncomingEvent,
		SecretKey:   secret,
	})
	if err != nil {
		return err
	}
	if err := secrets.Set(hook.WebhookID, secret); err != nil {
		return err
	}
	fmt.Fprintf(w, "registered webhook %s for %s\n", hook.WebhookID, chatio.ActionIncomingEvent)

	if err := chatioList(ctx, w, c); err != nil {
		return err
	}

	// The fake POSTs {"webhook_id", "secret_key", "action", "data"} to the
	// receiver, as chat.io does when a message arrives in a chat.
	incoming := json.RawMessage(`{
		"chat_id": "85f3bfc9-06c1-434e-958b-2a5239b07de8",
		"event": {
			"id": "0affb00a-82d6-4e07-ae61-56ba5c36f743",
			"order": 1,
			"type": "message",
			"author_id": "b7eff798-f8df-4364-8059-649c35c9ed0c",
			"timestamp": 1473433500,
			"text": "Hello, is anyone there?",
			"recipients": "all"
		}
	}`)
	if err := api.Deliver(ctx, hook.WebhookID, incoming); err != nil {
		return err
	}
	fmt.Fprintf(w, "receiver got incoming_event: %s\n", <-received)
	forged := chatiotest.Delivery{WebhookID: hook.WebhookID, SecretKey: "guessed", Action: chatio.ActionIncomingEvent, Data: incoming}
	var refused *chatiotest.DeliveryError
	if err := api.Send(ctx, receiverServer.URL+"/chatio/webhooks", forged); !errors.As(err, &refused) {
		return fmt.Errorf("a webhook with a wrong secret_key was not refused: %w", err)
	}
	fmt.Fprintf(w, "a webhook with a wrong secret_key was refused: %d\n", refused.StatusCode)

	if err := c.Webhooks.Unregister(ctx, hook.WebhookID); err != nil {
		return err
	}
	secrets.Delete(hook.WebhookID)
	fmt.Fprintf(w, "unregistered webhook %s\n", hook.WebhookID)
	if err := c.BotAgents.Remove(ctx, bot.BotAgentID); err != nil {
		return err
	}
	fmt.Fprintf(w, "removed bot agent %s\n", bot.BotAgentID)
	return chatioList(ctx, w, c)
}

// runChatioReadOnly lists the bot agents and webhooks of a real account.
func runChatioReadOnly(ctx context.Context, w io.Writer, token, baseURL string) error {
	var opts []chatsdk.Option
	if baseURL != "" {
		opts = append(opts, chatsdk.WithBaseURL(baseURL))
	}
	c, err := chatio.NewClient(token, opts...)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "CHATIO_TOKEN is set: read-only calls against the API")
	return chatioList(ctx, w, c)
}

// chatioList prints the bot agents and webhooks (never the secret keys).
func chatioList(ctx context.Context, w io.Writer, c *chatio.Client) error {
	bots, err := c.BotAgents.List(ctx, nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "bot agents: %d\n", len(bots))
	for _, b := range bots {
		fmt.Fprintf(w, "  %s %q (%s)\n", b.ID, b.Name, b.Status)
	}
	hooks, err := c.Webhooks.List(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "webhooks: %d\n", len(hooks))
	for _, h := range hooks {
		fmt.Fprintf(w, "  %s %s -> %s\n", h.WebhookID, h.Action, h.URL)
	}
	return nil
}

// chatioNewSecret returns a random secret_key.
func chatioNewSecret() (string, error) {
	b := make([]byte, 24)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return hex.EncodeToString(b), nil
}
