package chatrhub

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"
)

// BenchmarkChatsGet measures one Get Chat through the client (request
// building, auth, retry wrapper, envelope and lenient decoding) against the
// loopback server; compare with BenchmarkChatsGetBaseline.
func BenchmarkChatsGet(b *testing.B) {
	rec := newRecorder(b, answerJSON(http.StatusOK, fixture(b, "chats_get.response.json")))
	c := rec.client(b)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := c.Chats.Get(ctx, 2); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkChatsGetBaseline is the same call written by hand with net/http
// and encoding/json into a plain struct.
func BenchmarkChatsGetBaseline(b *testing.B) {
	rec := newRecorder(b, answerJSON(http.StatusOK, fixture(b, "chats_get.response.json")))
	hc := &http.Client{}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		req, _ := http.NewRequest(http.MethodGet, rec.URL+"/api/v1/chats/2.json", nil)
		req.Header.Set("Authorization", "Bearer "+testToken)
		resp, err := hc.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		var doc struct {
			Data struct {
				Type       string         `json:"type"`
				ID         int64          `json:"id"`
				Attributes map[string]any `json:"attributes"`
			} `json:"data"`
		}
		err = json.NewDecoder(resp.Body).Decode(&doc)
		resp.Body.Close()
		if err != nil {
			b.Fatal(err)
		}
	}
}
