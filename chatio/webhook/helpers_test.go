package webhook

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/chatsdk-go/chatsdk/chatio"
)

const (
	testWebhookID = "pqi8oasdjahuakndw9nsad9na"
	testSecret    = "laudla991lamda0pnoaa0"
)

var testSecrets = Secrets{testWebhookID: testSecret}

func fixture(t testing.TB, action chatio.WebhookAction) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "chatio", "webhooks", string(action)+".json"))
	require.NoError(t, err)
	return b
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
