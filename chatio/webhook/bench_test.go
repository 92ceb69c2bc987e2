package webhook

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/chatsdk-go/chatsdk/chatio"
)

// BenchmarkHandler measures a full verified delivery through the Handler;
// internal/bench compares every documented delivery with a hand-written
// receiver doing the same checks.
func BenchmarkHandler(b *testing.B) {
	for _, action := range []chatio.WebhookAction{chatio.ActionIncomingEvent, chatio.ActionIncomingChatThread} {
		body := fixture(b, action)
		b.Run(string(action), func(b *testing.B) {
			h := newTestHandler(b)
			h.OnIncomingEvent(func(context.Context, *Webhook, *IncomingEvent) error { return nil })
			h.OnIncomingChatThread(func(context.Context, *Webhook, *IncomingChatThread) error { return nil })
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				w := httptest.NewRecorder()
				h.ServeHTTP(w, newRequest(context.Background(), body))
				if w.Code != http.StatusOK {
					b.Fatal(w.Code)
				}
			}
		})
	}
}
