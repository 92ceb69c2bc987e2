package giosg_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/giosg"
)

// benchServer serves pages of 100 chats, 10 pages per list.
func benchServer(b *testing.B) *httptest.Server {
	b.Helper()
	page := decodeFixture[giosg.Page[giosg.Chat]](b, "chats_list.response.json")
	chats := make([]giosg.Chat, 100)
	for i := range chats {
		chats[i] = page.Results[i%len(page.Results)]
	}
	bodies := make([][]byte, 10)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var n int
		_, _ = fmt.Sscan(r.URL.Query().Get("cursor"), &n)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(bodies[n])
	}))
	for n := range bodies {
		next := any(nil)
		if n+1 < len(bodies) {
			next = fmt.Sprintf("%s/api/v5/orgs/o/owned_chats?cursor=%d", srv.URL, n+1)
		}
		bodies[n], _ = json.Marshal(map[string]any{"next": next, "previous": nil, "results": chats})
	}
	b.Cleanup(srv.Close)
	return srv
}

// BenchmarkListChats iterates 1,000 chats over 10 pages with the SDK.
func BenchmarkListChats(b *testing.B) {
	srv := benchServer(b)
	c, err := giosg.NewClient("tok", chatsdk.WithBaseURL(srv.URL))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		n := 0
		for _, err := range c.Chats.List(context.Background(), giosg.OrgOwnedChats("o"), nil) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != 1000 {
			b.Fatal(n)
		}
	}
}

// BenchmarkListChatsBaseline is the same walk written by hand with net/http
// and encoding/json, for comparison.
func BenchmarkListChatsBaseline(b *testing.B) {
	srv := benchServer(b)
	hc := &http.Client{}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		n := 0
		next := srv.URL + "/api/v5/orgs/o/owned_chats"
		for next != "" {
			req, _ := http.NewRequest(http.MethodGet, next, nil)
			req.Header.Set("Authorization", "Token tok")
			resp, err := hc.Do(req)
			if err != nil {
				b.Fatal(err)
			}
			var page giosg.Page[giosg.Chat]
			err = json.NewDecoder(resp.Body).Decode(&page)
			resp.Body.Close()
			if err != nil {
				b.Fatal(err)
			}
			n += len(page.Results)
			next = page.Next
		}
		if n != 1000 {
			b.Fatal(n)
		}
	}
}
