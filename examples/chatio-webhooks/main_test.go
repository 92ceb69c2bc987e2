package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/chatsdk-go/chatsdk/chatio"
	"github.com/chatsdk-go/chatsdk/chatio/webhook"
)

func TestHandlerPrintsEveryAction(t *testing.T) {
	var out bytes.Buffer
	h, err := newHandler(webhook.Secrets{"pqi8oasdjahuakndw9nsad9na": "laudla991lamda0pnoaa0"}, slog.New(slog.NewTextHandler(io.Discard, nil)), &out)
	require.NoError(t, err)
	for _, action := range chatio.WebhookActions() {
		body, err := os.ReadFile(filepath.Join("..", "..", "testdata", "chatio", "webhooks", string(action)+".json"))
		require.NoError(t, err)
		w := httptest.NewRecorder()
		r := httptest.NewRequest(http.MethodPost, "/chatio/webhooks", bytes.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
		h.ServeHTTP(w, r)
		assert.Equal(t, http.StatusOK, w.Code, action)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodPost, "/", strings.NewReader(
		`{"webhook_id": "pqi8oasdjahuakndw9nsad9na", "secret_key": "laudla991lamda0pnoaa0", "action": "customer_banned", "data": {"ban": {"days": 5}}}`)))
	assert.Equal(t, http.StatusOK, w.Code)
	w = httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodPost, "/", strings.NewReader(
		`{"webhook_id": "pqi8oasdjahuakndw9nsad9na", "secret_key": "wrong", "action": "thread_closed", "data": {}}`)))
	assert.Equal(t, http.StatusUnauthorized, w.Code)

	assert.Equal(t, `incoming_chat_thread: chat a0c22fdd-fb71-40b5-bfc6-a8a0bc3117f5, thread a0c22fdd-fb71-40b5-bfc6-a8a0bc3117f5, 2 users, 6 events
chat_users_updated: chat a0c22fdd-fb71-40b5-bfc6-a8a0bc3117f5, customers +1 -0, agents +1 -1
incoming_event: chat 85f3bfc9-06c1-434e-958b-2a5239b07de8: message from b7eff798-f8df-4364-8059-649c35c9ed0c: "hello there"
last_seen_timestamp_updated: chat 123-123-123-123, user 75a90b82-e6a4-4ded-b3eb-cb531741ee0d, 1973-11-29T21:33:09Z
thread_closed: chat a0c22fdd-fb71-40b5-bfc6-a8a0bc3117f5, thread b0c22fdd-fb71-40b5-bfc6-a8a0bc3117f6, by 75a90b82-e6a4-4ded-b3eb-cb531741ee0d
chat_scopes_updated: chat a0c22fdd-fb71-40b5-bfc6-a8a0bc3117f5, groups added [1 2], removed [3]
chat_properties_updated: chat 123-123-123-123, rating.comment=Very good, veeeery good rating.score=1
chat_thread_properties_updated: chat 123-123-123-123, thread E2WDHA8A, rating.comment=Very good, veeeery good rating.value=1
customer_banned: not known to this SDK version, 20 bytes of data
`, out.String())
}

func TestParseSecrets(t *testing.T) {
	s, err := parseSecrets(" a=1, b = two ,")
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"a": "1", "b": "two"}, s)
	for _, bad := range []string{"", " , ", "a", "a=", "=s", "a=1,b"} {
		_, err := parseSecrets(bad)
		assert.Error(t, err, "%q", bad)
	}
}

func discard() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// runWithin runs run with a deadline and fails the test, instead of hanging
// it, when run does not return in time.
func runWithin(t *testing.T, ctx context.Context, cfg config, out io.Writer, cancel func()) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- run(ctx, cfg, discard(), out) }()
	if cancel != nil {
		cancel()
	}
	select {
	case err := <-done:
		return err
	case <-time.After(20 * time.Second):
		t.Fatal("run did not return")
		return nil
	}
}

func TestRunOfflineByDefault(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var out bytes.Buffer
	require.NoError(t, runWithin(t, ctx, config{path: "/chatio/webhooks"}, &out, nil))
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	require.Len(t, lines, 6, out.String())
	assert.Equal(t, "CHATIO_WEBHOOK_SECRETS is not set: offline demo against the chatiotest fake", lines[0])
	assert.Regexp(t, `^registered webhook [a-z0-9]{25} for incoming_event -> http://127\.0\.0\.1:\d+/chatio/webhooks$`, lines[1])
	assert.Equal(t, `incoming_event: chat 85f3bfc9-06c1-434e-958b-2a5239b07de8: message from b7eff798-f8df-4364-8059-649c35c9ed0c: "Hello, is anyone there?"`, lines[2])
	assert.Equal(t, "a webhook with a wrong secret_key was refused: 401", lines[3])
	assert.Regexp(t, `^unregistered webhook [a-z0-9]{25}$`, lines[4])
	assert.Contains(t, lines[5], "CHATIO_WEBHOOK_SECRETS=")
}

func TestRunServesWhenConfiguredAndStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cfg := config{addr: "127.0.0.1:0", path: "/chatio/webhooks", secrets: "w=s"}
	var out bytes.Buffer
	require.NoError(t, runWithin(t, ctx, cfg, &out, func() {
		time.Sleep(20 * time.Millisecond)
		cancel()
	}))
	assert.NotContains(t, out.String(), "offline demo")
}

func TestRunRefusesSecretsWithoutWebhooks(t *testing.T) {
	err := runWithin(t, context.Background(), config{addr: "127.0.0.1:0", path: "/", secrets: " , "}, io.Discard, nil)
	assert.ErrorContains(t, err, "CHATIO_WEBHOOK_SECRETS")
}
