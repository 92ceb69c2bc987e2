package webhook

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/chatsdk-go/chatsdk/chatio"
	"github.com/chatsdk-go/chatsdk/internal/testkit"
)

const (
	testWebhookID = "pqi8oasdjahuakndw9nsad9na"
	testSecret    = "laudla991lamda0pnoaa0"
)

var testSecrets = Secrets{testWebhookID: testSecret}

// fixture reads testdata/chatio/webhooks/<action>.json, the documented
// example of the action.
func fixture(t testing.TB, action chatio.WebhookAction) []byte {
	t.Helper()
	return testkit.Fixture(t, "chatio", "webhooks/"+string(action)+".json")
}

func newRequest(ctx context.Context, body []byte) *http.Request {
	r := httptest.NewRequest(http.MethodPost, "/webhooks", bytes.NewReader(body)).WithContext(ctx)
	r.Header.Set("Content-Type", "application/json")
	return r
}

func serve(h http.Handler, r *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func newTestHandler(t testing.TB, opts ...Option) *Handler {
	t.Helper()
	h, err := NewHandler(testSecrets, opts...)
	require.NoError(t, err)
	return h
}
