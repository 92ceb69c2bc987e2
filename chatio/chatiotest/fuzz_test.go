package chatiotest_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chatsdk-go/chatsdk/chatio/chatiotest"
)

var endpoints = []string{
	"/agents/create_bot_agent", "/agents/update_bot_agent", "/agents/remove_bot_agent",
	"/agents/get_bot_agents", "/agents/get_bot_agent_details",
	"/webhooks/register_webhook", "/webhooks/get_webhooks_config", "/webhooks/unregister_webhook",
}

// FuzzServerRequests sends arbitrary bodies to every operation of the fake:
// each answer must be 200 with a JSON object or an error in the documented
// shape, never a panic.
func FuzzServerRequests(f *testing.F) {
	for i := range endpoints {
		f.Add(uint8(i), []byte(`{}`))
	}
	fixtures, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "chatio", "*.request.json"))
	for _, p := range fixtures {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		for i := range endpoints {
			f.Add(uint8(i), b)
		}
	}
	f.Add(uint8(0), []byte(`{"name":"a","status":"offline","webhooks":{"url":"http://x","secret_key":"k","actions":[{"name":"incoming_event","filters":{"chat_properties":{"a":{"b":{"values":[1,"x"]}}}}}]}}`))
	f.Add(uint8(5), []byte(`{"url":"http://x","action":"incoming_event","secret_key":"k","filters":{"event_properties":{"a":{"b":{"exists":false}}}}}`))
	srv := chatiotest.NewServer()
	defer srv.Close()
	handler := srv.Config.Handler
	f.Fuzz(func(t *testing.T, endpoint uint8, body []byte) {
		ep := endpoints[int(endpoint)%len(endpoints)]
		req := httptest.NewRequest(http.MethodPost, chatiotest.PathPrefix+ep, strings.NewReader(string(body)))
		req.Header.Set("Authorization", "Bearer "+srv.Token)
		rec := httptest.NewRecorder()
		handler.ServeHTTP(rec, req)
		var answer map[string]json.RawMessage
		if err := json.Unmarshal(rec.Body.Bytes(), &answer); err != nil {
			t.Fatalf("%s answered %d with non-object %q", ep, rec.Code, rec.Body.String())
		}
		if rec.Code == http.StatusOK {
			return
		}
		var e struct {
			Error struct {
				Type    string `json:"type"`
				Message string `json:"message"`
			} `json:"error"`
		}
		if json.Unmarshal(rec.Body.Bytes(), &e) != nil || e.Error.Type == "" || e.Error.Message == "" {
			t.Fatalf("%s answered %d without the documented error shape: %s", ep, rec.Code, rec.Body.String())
		}
	})
}
