package chatio_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/jarcoal/httpmock"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/chatio"
	"github.com/chatsdk-go/chatsdk/internal/testkit"
)

// idCase calls one method that takes a string ID. chat.io is RPC-style: the
// ID travels in the JSON body under field, and the path is the action's.
type idCase struct {
	method string // "Service.Method"
	action string // last path segment
	field  string // body field holding the ID
	call   func(ctx context.Context, c *chatio.Client, id string) error
}

var idCases = []idCase{
	{"BotAgents.Update", "update_bot_agent", "id", func(ctx context.Context, c *chatio.Client, id string) error {
		return c.BotAgents.Update(ctx, id, nil)
	}},
	{"BotAgents.Remove", "remove_bot_agent", "bot_agent_id", func(ctx context.Context, c *chatio.Client, id string) error {
		return c.BotAgents.Remove(ctx, id)
	}},
	{"BotAgents.Get", "get_bot_agent_details", "bot_agent_id", func(ctx context.Context, c *chatio.Client, id string) error {
		_, err := c.BotAgents.Get(ctx, id)
		return err
	}},
	{"Webhooks.Unregister", "unregister_webhook", "webhook_id", func(ctx context.Context, c *chatio.Client, id string) error {
		return c.Webhooks.Unregister(ctx, id)
	}},
}

// TestIDCasesCoverEveryStringArgument fails when a service method takes a
// string argument that idCases does not list.
func TestIDCasesCoverEveryStringArgument(t *testing.T) {
	listed := map[string]bool{}
	for _, tc := range idCases {
		listed[tc.method] = true
	}
	for name, takesString := range testkit.ServiceMethods(t, chatio.Client{}) {
		if takesString != listed[name] {
			t.Errorf("%s: takes a string argument %v, listed in idCases %v", name, takesString, listed[name])
		}
	}
}

// TestIDsTravelInTheBodyNotThePath sends IDs with "/", "?", "#" and "%": the
// path stays the action's, nothing reaches the query, and the body carries
// the ID unchanged.
func TestIDsTravelInTheBodyNotThePath(t *testing.T) {
	const id = "a/b?leak=1#frag%"
	for _, tc := range idCases {
		t.Run(tc.method, func(t *testing.T) {
			var (
				mu    sync.Mutex
				paths []string
				query []string
				body  []byte
			)
			mt := httpmock.NewMockTransport()
			mt.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
				b, _ := io.ReadAll(r.Body)
				mu.Lock()
				paths = append(paths, r.URL.EscapedPath())
				query = append(query, r.URL.RawQuery)
				body = b
				mu.Unlock()
				resp := httpmock.NewStringResponse(http.StatusOK, `{}`)
				resp.Header.Set("Content-Type", "application/json")
				return resp, nil
			})
			c, err := chatio.NewClient("tok", chatsdk.WithBaseURL("https://api.test"),
				chatsdk.WithHTTPClient(&http.Client{Transport: mt}), chatsdk.WithMaxRetries(0))
			if err != nil {
				t.Fatal(err)
			}
			callErr := tc.call(context.Background(), c, id)

			mu.Lock()
			defer mu.Unlock()
			if len(paths) != 1 {
				t.Fatalf("sent %d requests, want 1 (call error: %v)", len(paths), callErr)
			}
			if !strings.HasSuffix(paths[0], "/"+tc.action) || strings.Contains(paths[0], "leak") || strings.Contains(paths[0], "a%2Fb") {
				t.Errorf("path %q, want the %s action path without the ID", paths[0], tc.action)
			}
			if query[0] != "" {
				t.Errorf("query %q, want none", query[0])
			}
			var sent map[string]any
			if err := json.Unmarshal(body, &sent); err != nil {
				t.Fatalf("body %s: %v", body, err)
			}
			if sent[tc.field] != id {
				t.Errorf("body field %s = %v, want %q (body %s)", tc.field, sent[tc.field], id, body)
			}
		})
	}
}
