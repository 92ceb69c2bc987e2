package webhook

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/chatsdk-go/chatsdk/chatio"
)

type panicValue struct{ reason string }

func TestHandlerPanicIs500AndLogged(t *testing.T) {
	var logs bytes.Buffer
	h := newTestHandler(t, WithLogger(slog.New(slog.NewJSONHandler(&logs, nil))))
	h.OnThreadClosed(func(context.Context, *Webhook, *ThreadClosed) error {
		panic(panicValue{"nil map in the thread cache"})
	})
	srv := httptest.NewServer(h)
	defer srv.Close()

	resp, err := srv.Client().Post(srv.URL, "application/json",
		bytes.NewReader(body(t, testWebhookID, testSecret, chatio.ActionThreadClosed, threadClosedData)))
	require.NoError(t, err, "the connection was dropped instead of answering 500")
	defer resp.Body.Close()
	assert.Equal(t, http.StatusInternalServerError, resp.StatusCode)

	assert.Contains(t, logs.String(), `"msg":"chat.io webhook handler panicked"`)
	assert.Contains(t, logs.String(), `"webhook_id":"`+testWebhookID+`"`)
	assert.Contains(t, logs.String(), `"action":"thread_closed"`)
	assert.Contains(t, logs.String(), `"panic_type":"webhook.panicValue"`)
	assert.Contains(t, logs.String(), "nil map in the thread cache")
	assert.NotContains(t, logs.String(), testSecret)
	assert.NotContains(t, logs.String(), `"thread_id": "t1"`, "the body was logged")
	assert.NotContains(t, logs.String(), "chat.io webhook handler failed", "the panic was logged twice")
}

func TestHandlerPanicWithoutLoggerIs500(t *testing.T) {
	h := newTestHandler(t)
	h.OnThreadClosed(func(context.Context, *Webhook, *ThreadClosed) error { panic(errors.New("boom")) })
	w := serve(h, newRequest(context.Background(), body(t, testWebhookID, testSecret, chatio.ActionThreadClosed, threadClosedData)))
	assert.Equal(t, http.StatusInternalServerError, w.Code)
	assert.Equal(t, "Internal Server Error\n", w.Body.String())
}

func TestAbortHandlerPanicIsNotRecovered(t *testing.T) {
	h := newTestHandler(t)
	h.OnThreadClosed(func(context.Context, *Webhook, *ThreadClosed) error { panic(http.ErrAbortHandler) })
	assert.PanicsWithValue(t, http.ErrAbortHandler, func() {
		serve(h, newRequest(context.Background(), body(t, testWebhookID, testSecret, chatio.ActionThreadClosed, threadClosedData)))
	})
}

func TestTruncate(t *testing.T) {
	assert.Equal(t, "abc", truncate("abc", 3))
	assert.Equal(t, "ab…", truncate("abc", 2))
	assert.Equal(t, "…", truncate("é", 1), "a rune is not cut in half")
}
