package webhook

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/chatsdk-go/chatsdk/chatio"
)

// BenchmarkHandler measures a full verified delivery through the Handler;
// the Baseline variant decodes the same body into map[string]any with
// encoding/json, as a hand-written receiver might.
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
		b.Run(string(action)+"/Baseline", func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				r := newRequest(context.Background(), body)
				var v map[string]any
				var buf bytes.Buffer
				if _, err := buf.ReadFrom(r.Body); err != nil {
					b.Fatal(err)
				}
				if err := json.Unmarshal(buf.Bytes(), &v); err != nil || v["secret_key"] != testSecret {
					b.Fatal(err)
				}
			}
		})
	}
}
