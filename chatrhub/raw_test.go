package chatrhub_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"testing"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/chatrhub"
	"github.com/chatsdk-go/chatsdk/chatrhub/chatrhubtest"
	"github.com/chatsdk-go/chatsdk/internal/testkit"
)

func TestRaw(t *testing.T) {
	srv := chatrhubtest.NewServer()
	defer srv.Close()
	c := testkit.ClientFor(t, chatrhub.NewClient, srv.Token, srv.BaseURL)
	var out struct {
		Data []json.RawMessage `json:"data"`
	}
	resp, err := c.Raw(context.Background(), http.MethodGet, "/agents.json", url.Values{"agent_username": {"unittest500"}}, nil, &out)
	if err != nil || resp.StatusCode != http.StatusOK || len(out.Data) != 1 {
		t.Fatalf("Raw: %v, %+v, %d agents", err, resp, len(out.Data))
	}
	_, err = c.Raw(context.Background(), http.MethodGet, "/agents/99999.json", nil, nil, nil)
	var apiErr *chatsdk.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusNotFound || !errors.Is(err, chatsdk.ErrNotFound) {
		t.Fatalf("Raw of an unknown agent: %v", err)
	}
}
