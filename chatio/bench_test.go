package chatio_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/chatio"
)

// benchServer answers every request with the documented
// get_bot_agent_details example.
func benchServer(b *testing.B) *httptest.Server {
	body, err := os.ReadFile(filepath.Join("..", "testdata", "chatio", "bot_agents_get.response.json"))
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(body)
	}))
	b.Cleanup(srv.Close)
	return srv
}

// BenchmarkBotAgentsGet measures BotAgents.Get through the SDK.
func BenchmarkBotAgentsGet(b *testing.B) {
	srv := benchServer(b)
	c, err := chatio.NewClient(testToken, chatsdk.WithBaseURL(srv.URL+"/configuration/v0.4"))
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := c.BotAgents.Get(ctx, "5c9871d5372c824cbf22d860a707a578"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBotAgentsGetBaseline is the same call written by hand with
// net/http and encoding/json, for comparison.
func BenchmarkBotAgentsGetBaseline(b *testing.B) {
	srv := benchServer(b)
	hc := &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}
	url := srv.URL + "/configuration/v0.4/agents/get_bot_agent_details"
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		body, _ := json.Marshal(map[string]string{"bot_agent_id": "5c9871d5372c824cbf22d860a707a578"})
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+testToken)
		req.Header.Set("Content-Type", "application/json")
		resp, err := hc.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		var out struct {
			BotAgent chatio.BotAgent `json:"bot_agent"`
		}
		err = json.NewDecoder(resp.Body).Decode(&out)
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if err != nil || resp.StatusCode != http.StatusOK {
			b.Fatal(err, resp.StatusCode)
		}
	}
}
