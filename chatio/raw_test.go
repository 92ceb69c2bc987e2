package chatio_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"testing"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/chatio"
	"github.com/chatsdk-go/chatsdk/chatio/chatiotest"
	"github.com/chatsdk-go/chatsdk/internal/testkit"
)

func TestRaw(t *testing.T) {
	srv := chatiotest.NewServer()
	defer srv.Close()
	c := testkit.ClientFor(t, chatio.NewClient, srv.Token, srv.BaseURL)
	var created chatio.CreatedBotAgent
	body := json.RawMessage(`{"name":"Raw","status":"accepting chats"}`)
	if _, err := c.Raw(context.Background(), http.MethodPost, "/agents/create_bot_agent", nil, body, &created); err != nil || created.BotAgentID == "" {
		t.Fatalf("Raw: %v, %+v", err, created)
	}
	if n := len(srv.BotAgents()); n != 1 {
		t.Fatalf("%d bot agents after one create", n)
	}
	_, err := c.Raw(context.Background(), http.MethodPost, "/agents/get_bot_agent_details", nil, map[string]string{"bot_agent_id": "nope"}, nil)
	var apiErr *chatsdk.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusNotFound {
		t.Fatalf("Raw of an unknown bot agent: %v", err)
	}
}
