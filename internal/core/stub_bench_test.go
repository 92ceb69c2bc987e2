package core

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"testing"

	"github.com/chatsdk-go/chatsdk"
)

// stubBody is the request body of the stub benchmarks.
type stubBody struct {
	Name string `json:"name"`
}

// BenchmarkCoreDoStub: one POST call through Do on a transport that answers
// at once, so that the SDK's own work per call is most of the time.
func BenchmarkCoreDoStub(b *testing.B) {
	c, err := NewClient(Defaults{API: "bench", BaseURL: "http://api.example/v1", AuthScheme: "Bearer"}, "bench-token",
		chatsdk.WithHTTPClient(&http.Client{Transport: jsonTransport{}}))
	if err != nil {
		b.Fatal(err)
	}
	r := &Request{Operation: "bench.Things.Create", Method: http.MethodPost, Path: "/things/create", Body: &stubBody{Name: "x"}}
	ctx := context.Background()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		var out struct{ ID string }
		if _, err := c.Do(ctx, r, &out); err != nil || out.ID != "a" {
			b.Fatal(err)
		}
	}
}

// BenchmarkBaselineStub: the same call written by hand with net/http.
func BenchmarkBaselineStub(b *testing.B) {
	hc := &http.Client{Transport: jsonTransport{}}
	body := &stubBody{Name: "x"}
	ctx := context.Background()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		data, err := json.Marshal(body)
		if err != nil {
			b.Fatal(err)
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, "http://api.example/v1"+"/things/create", bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		req.Header.Set("Authorization", "Bearer bench-token")
		req.Header.Set("Accept", "application/json")
		req.Header.Set("User-Agent", DefaultUserAgent)
		req.Header.Set("Content-Type", "application/json")
		resp, err := hc.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		raw, err := io.ReadAll(resp.Body)
		_ = resp.Body.Close()
		var out struct{ ID string }
		if err != nil || json.Unmarshal(raw, &out) != nil || out.ID != "a" {
			b.Fatal(err)
		}
	}
}
