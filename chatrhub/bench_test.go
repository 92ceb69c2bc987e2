package chatrhub

import (
	"context"
	"net/http"
	"testing"
)

// BenchmarkChatsGet measures one Get Chat through the client (request
// building, auth, retry wrapper, envelope and lenient decoding) against the
// loopback server; internal/bench compares it with a hand-written baseline.
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
