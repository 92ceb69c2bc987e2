package webhook

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/chatsdk-go/chatsdk/chatio"
)

// body builds a webhook body.
func body(t testing.TB, webhookID, secret string, action chatio.WebhookAction, data string) []byte {
	t.Helper()
	b, err := json.Marshal(map[string]any{
		"webhook_id": webhookID, "secret_key": secret, "action": action, "data": json.RawMessage(data),
	})
	require.NoError(t, err)
	return b
}

const threadClosedData = `{"chat_id": "c1", "thread_id": "t1"}`

func TestWrongSecretIsRejected(t *testing.T) {
	cases := map[string][]byte{
		"wrong secret":          body(t, testWebhookID, "laudla991lamda0pnoaa1", chatio.ActionThreadClosed, threadClosedData),
		"secret prefix":         body(t, testWebhookID, testSecret[:10], chatio.ActionThreadClosed, threadClosedData),
		"secret with a suffix":  body(t, testWebhookID, testSecret+"x", chatio.ActionThreadClosed, threadClosedData),
		"empty secret":          body(t, testWebhookID, "", chatio.ActionThreadClosed, threadClosedData),
		"unknown webhook":       body(t, "other", testSecret, chatio.ActionThreadClosed, threadClosedData),
		"no webhook_id":         body(t, "", testSecret, chatio.ActionThreadClosed, threadClosedData),
		"no secret_key at all":  []byte(`{"webhook_id": "` + testWebhookID + `", "action": "thread_closed", "data": {}}`),
		"unknown action, wrong": body(t, testWebhookID, "nope", "something_new", `{}`),
	}
	for name, b := range cases {
		t.Run(name, func(t *testing.T) {
			h := newTestHandler(t)
			h.OnThreadClosed(func(context.Context, *Webhook, *ThreadClosed) error {
				t.Error("handler called for an unverified webhook")
				return nil
			})
			h.OnUnknownAction(func(context.Context, *Webhook) error {
				t.Error("fallback called for an unverified webhook")
				return nil
			})
			w := serve(h, newRequest(context.Background(), b))
			assert.Equal(t, http.StatusUnauthorized, w.Code)
			assert.NotContains(t, w.Body.String(), testSecret)

			_, err := Parse(newRequest(context.Background(), b), testSecrets)
			require.ErrorIs(t, err, ErrUnauthorized)
			assert.NotContains(t, err.Error(), testSecret)
		})
	}
}

func TestRightSecretIsAccepted(t *testing.T) {
	h := newTestHandler(t)
	var got *ThreadClosed
	h.OnThreadClosed(func(_ context.Context, _ *Webhook, p *ThreadClosed) error {
		got = p
		return nil
	})
	w := serve(h, newRequest(context.Background(), body(t, testWebhookID, testSecret, chatio.ActionThreadClosed, threadClosedData)))
	assert.Equal(t, http.StatusOK, w.Code)
	assert.Equal(t, &ThreadClosed{ChatID: "c1", ThreadID: "t1"}, got)
}

func TestSecretsEqualComparesDigestsThenBytes(t *testing.T) {
	assert.True(t, secretsEqual("laudla991lamda0pnoaa0", "laudla991lamda0pnoaa0"))
	assert.False(t, secretsEqual("laudla991lamda0pnoaa0", "laudla991lamda0pnoaa1"), "same length, last byte differs")
	assert.False(t, secretsEqual("Xaudla991lamda0pnoaa0", "laudla991lamda0pnoaa0"), "same length, first byte differs")
	assert.False(t, secretsEqual("laudla991lamda0pnoaa", "laudla991lamda0pnoaa0"), "prefix")
	assert.False(t, secretsEqual("laudla991lamda0pnoaa00", "laudla991lamda0pnoaa0"), "longer")
	assert.False(t, secretsEqual("", "laudla991lamda0pnoaa0"), "empty")
	assert.ErrorIs(t, newSecretDigests(Secrets{"w": "laudla991lamda0pnoaa0"}).verify("w", "laudla991lamda0pnoaa1"), ErrUnauthorized, "stored digest, last byte differs")
	assert.NoError(t, newSecretDigests(Secrets{"w": "laudla991lamda0pnoaa0"}).verify("w", "laudla991lamda0pnoaa0"))
	allocs := testing.AllocsPerRun(100, func() { secretsEqual("a", "a much longer secret") })
	assert.Zero(t, allocs)
}

// countingReader yields size bytes of a JSON-looking body and counts how
// many were read.
type countingReader struct {
	size int64
	read atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	left := c.size - c.read.Load()
	if left <= 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > left {
		p = p[:left]
	}
	for i := range p {
		p[i] = ' '
	}
	if c.read.Load() == 0 {
		p[0] = '{'
	}
	c.read.Add(int64(len(p)))
	return len(p), nil
}

func TestOversizedBodyIsRefusedWithoutReadingIt(t *testing.T) {
	const fiveMiB = 5 << 20
	t.Run("unknown length", func(t *testing.T) {
		h := newTestHandler(t)
		src := &countingReader{size: fiveMiB}
		r := httptest.NewRequest(http.MethodPost, "/", io.NopCloser(src))
		r.ContentLength = -1
		r.Header.Set("Content-Type", "application/json")
		w := serve(h, r)
		assert.Equal(t, http.StatusRequestEntityTooLarge, w.Code)
		assert.LessOrEqual(t, src.read.Load(), int64(DefaultMaxBodyBytes+64<<10), "read far more than the limit")
		assert.Less(t, src.read.Load(), int64(fiveMiB))
	})
	t.Run("Content-Length over the limit", func(t *testing.T) {
		h := newTestHandler(t)
		src := &countingReader{size: fiveMiB}
		r := httptest.NewRequest(http.MethodPost, "/", io.NopCloser(src))
		r.ContentLength = fiveMiB
		w := serve(h, r)
		assert.Equal(t, http.StatusRequestEntityTooLarge, w.Code)
		assert.Zero(t, src.read.Load())
	})
	t.Run("Parse alone", func(t *testing.T) {
		src := &countingReader{size: fiveMiB}
		r := httptest.NewRequest(http.MethodPost, "/", io.NopCloser(src))
		r.ContentLength = -1
		_, err := Parse(r, testSecrets)
		require.ErrorIs(t, err, ErrBodyTooLarge)
		assert.Equal(t, int64(DefaultMaxBodyBytes+1), src.read.Load())
	})
	t.Run("custom limit", func(t *testing.T) {
		b := body(t, testWebhookID, testSecret, chatio.ActionThreadClosed, threadClosedData)
		h := newTestHandler(t, WithMaxBodyBytes(int64(len(b))))
		assert.Equal(t, http.StatusOK, serve(h, newRequest(context.Background(), b)).Code)
		h = newTestHandler(t, WithMaxBodyBytes(int64(len(b)-1)))
		assert.Equal(t, http.StatusRequestEntityTooLarge, serve(h, newRequest(context.Background(), b)).Code)
	})
	t.Run("through a server", func(t *testing.T) {
		srv := httptest.NewServer(newTestHandler(t))
		defer srv.Close()
		resp, err := http.Post(srv.URL, "application/json", strings.NewReader("{"+strings.Repeat(" ", 2<<20)+"}"))
		require.NoError(t, err)
		defer resp.Body.Close()
		assert.Equal(t, http.StatusRequestEntityTooLarge, resp.StatusCode)
	})
}

func TestUnknownActionReachesTheFallback(t *testing.T) {
	h := newTestHandler(t)
	data := `{"author_id": "jack@gmail.com", "content": {"example": {"nested": "json"}}}`
	var got *Webhook
	h.OnUnknownAction(func(_ context.Context, wh *Webhook) error {
		got = wh
		return nil
	})
	w := serve(h, newRequest(context.Background(), body(t, testWebhookID, testSecret, "incoming_multicast", data)))
	assert.Equal(t, http.StatusOK, w.Code)
	require.NotNil(t, got)
	assert.Equal(t, testWebhookID, got.ID)
	assert.Equal(t, chatio.WebhookAction("incoming_multicast"), got.Action)
	assert.JSONEq(t, data, string(got.Data))
	assert.Nil(t, got.Payload)

	t.Run("default ignores it", func(t *testing.T) {
		h := newTestHandler(t)
		w := serve(h, newRequest(context.Background(), body(t, testWebhookID, testSecret, "incoming_multicast", `[1, 2]`)))
		assert.Equal(t, http.StatusOK, w.Code)
	})
	t.Run("fallback error", func(t *testing.T) {
		h := newTestHandler(t)
		h.OnUnknownAction(func(context.Context, *Webhook) error { return errors.New("no") })
		w := serve(h, newRequest(context.Background(), body(t, testWebhookID, testSecret, "incoming_multicast", `{}`)))
		assert.Equal(t, http.StatusInternalServerError, w.Code)
	})
	t.Run("known action without handler is not sent to the fallback", func(t *testing.T) {
		h := newTestHandler(t)
		h.OnUnknownAction(func(context.Context, *Webhook) error {
			t.Error("fallback called for a known action")
			return nil
		})
		w := serve(h, newRequest(context.Background(), body(t, testWebhookID, testSecret, chatio.ActionThreadClosed, threadClosedData)))
		assert.Equal(t, http.StatusOK, w.Code)
	})
}

func TestMalformedBodiesAre400(t *testing.T) {
	cases := map[string]string{
		"not JSON":            `{"webhook_id": `,
		"empty":               ``,
		"array":               `[]`,
		"null":                `null`,
		"trailing garbage":    string(body(t, testWebhookID, testSecret, chatio.ActionThreadClosed, threadClosedData)) + "x",
		"wrong envelope type": `{"webhook_id": 5}`,
		"no action":           string(body(t, testWebhookID, testSecret, "", `{}`)),
		"data not an object":  string(body(t, testWebhookID, testSecret, chatio.ActionThreadClosed, `"x"`)),
		"data null":           string(body(t, testWebhookID, testSecret, chatio.ActionThreadClosed, `null`)),
		"no data":             `{"webhook_id": "` + testWebhookID + `", "secret_key": "` + testSecret + `", "action": "thread_closed"}`,
		"wrong field type":    string(body(t, testWebhookID, testSecret, chatio.ActionLastSeenTimestampUpdated, `{"timestamp": "soon"}`)),
		"event missing":       string(body(t, testWebhookID, testSecret, chatio.ActionIncomingEvent, `{"chat_id": "c"}`)),
		"bad user list":       string(body(t, testWebhookID, testSecret, chatio.ActionIncomingChatThread, `{"chat": {"users": {}}}`)),
		"bad event in thread": string(body(t, testWebhookID, testSecret, chatio.ActionIncomingChatThread, `{"chat": {"thread": {"events": [{"type": "message", "text": 1}]}}}`)),
	}
	for name, b := range cases {
		t.Run(name, func(t *testing.T) {
			h := newTestHandler(t)
			w := serve(h, newRequest(context.Background(), []byte(b)))
			assert.Equal(t, http.StatusBadRequest, w.Code)
			_, err := Parse(newRequest(context.Background(), []byte(b)), testSecrets)
			assert.ErrorIs(t, err, ErrMalformed)
		})
	}
}

func TestOnlyPOSTIsAccepted(t *testing.T) {
	for _, method := range []string{http.MethodGet, http.MethodHead, http.MethodPut, http.MethodDelete, http.MethodOptions} {
		h := newTestHandler(t)
		w := serve(h, httptest.NewRequest(method, "/", nil))
		assert.Equal(t, http.StatusMethodNotAllowed, w.Code, method)
		assert.Equal(t, http.MethodPost, w.Header().Get("Allow"), method)
	}
}

func TestContentType(t *testing.T) {
	b := body(t, testWebhookID, testSecret, chatio.ActionThreadClosed, threadClosedData)
	for ct, want := range map[string]int{
		"application/json":                  http.StatusOK,
		"application/json; charset=utf-8":   http.StatusOK,
		"Application/JSON":                  http.StatusOK,
		"application/vnd.chatio+json":       http.StatusOK,
		"":                                  http.StatusOK,
		"text/plain":                        http.StatusUnsupportedMediaType,
		"application/x-www-form-urlencoded": http.StatusOK,
		"application/x-www-form-urlencoded; charset=utf-8": http.StatusOK,
		"multipart/form-data; boundary=x":                  http.StatusUnsupportedMediaType,
		"application/json; =":                              http.StatusUnsupportedMediaType,
	} {
		r := newRequest(context.Background(), b)
		r.Header.Set("Content-Type", ct)
		if ct == "" {
			r.Header.Del("Content-Type")
		}
		assert.Equal(t, want, serve(newTestHandler(t), r).Code, ct)
	}
}

// TestFormContentTypeWithJSONBody: the docs' curl examples (curl -d '{...}')
// send JSON labelled application/x-www-form-urlencoded; such a body is a
// webhook, while a real form-encoded body is refused with 415.
func TestFormContentTypeWithJSONBody(t *testing.T) {
	h := newTestHandler(t)
	var called int
	h.OnThreadClosed(func(context.Context, *Webhook, *ThreadClosed) error {
		called++
		return nil
	})
	r := newRequest(context.Background(), body(t, testWebhookID, testSecret, chatio.ActionThreadClosed, threadClosedData))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	assert.Equal(t, http.StatusOK, serve(h, r).Code)
	assert.Equal(t, 1, called)

	form := "webhook_id=" + testWebhookID + "&secret_key=" + testSecret + "&action=thread_closed"
	r = newRequest(context.Background(), []byte(form))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	_, err := Parse(r, testSecrets)
	require.ErrorIs(t, err, ErrUnsupportedMediaType)
	r = newRequest(context.Background(), []byte(form))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	assert.Equal(t, http.StatusUnsupportedMediaType, serve(h, r).Code)

	r = newRequest(context.Background(), body(t, testWebhookID, "wrong", chatio.ActionThreadClosed, threadClosedData))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	assert.Equal(t, http.StatusUnauthorized, serve(h, r).Code, "the secret is still checked")
	assert.Equal(t, 1, called)
}

type ctxKey struct{}

func TestHandlerErrorIs500WithoutDetails(t *testing.T) {
	var logs bytes.Buffer
	h := newTestHandler(t, WithLogger(slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))))
	ctx := context.WithValue(context.Background(), ctxKey{}, "request-scoped")
	r := newRequest(ctx, body(t, testWebhookID, testSecret, chatio.ActionThreadClosed, threadClosedData))
	h.OnThreadClosed(func(got context.Context, _ *Webhook, _ *ThreadClosed) error {
		assert.Equal(t, "request-scoped", got.Value(ctxKey{}), "the handler did not get the request's context")
		assert.Equal(t, r.Context(), got)
		return errors.New("database is down at 10.0.0.7")
	})
	w := serve(h, r)
	assert.Equal(t, http.StatusInternalServerError, w.Code)
	assert.NotContains(t, w.Body.String(), "database")
	assert.Contains(t, logs.String(), "database is down")
	assert.Contains(t, logs.String(), testWebhookID)
	assert.NotContains(t, logs.String(), testSecret)
}

func TestLogsNeverHoldTheSecret(t *testing.T) {
	var logs bytes.Buffer
	h := newTestHandler(t, WithLogger(slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))))
	sent := "the-wrong-secret-sent"
	for _, b := range [][]byte{
		body(t, testWebhookID, sent, chatio.ActionThreadClosed, threadClosedData),
		body(t, "unknown", sent, chatio.ActionThreadClosed, threadClosedData),
		body(t, testWebhookID, testSecret, chatio.ActionThreadClosed, `{"chat_id": 1}`),
	} {
		serve(h, newRequest(context.Background(), b))
	}
	assert.NotEmpty(t, logs.String())
	assert.NotContains(t, logs.String(), sent)
	assert.NotContains(t, logs.String(), testSecret)
}

func TestNewHandlerRefusesBadConfiguration(t *testing.T) {
	for name, src := range map[string]SecretSource{
		"nil":              nil,
		"empty Secrets":    Secrets{},
		"nil Secrets":      Secrets(nil),
		"empty secret":     Secrets{"a": "s", "b": ""},
		"nil SecretFunc":   SecretFunc(nil),
		"nil map in iface": (Secrets)(nil),
	} {
		_, err := NewHandler(src)
		require.ErrorIs(t, err, ErrMisconfigured, name)
	}
	_, err := NewHandler(testSecrets, WithMaxBodyBytes(0))
	require.ErrorIs(t, err, ErrMisconfigured)
	_, err = NewHandler(testSecrets, WithMaxBodyBytes(-1))
	assert.ErrorIs(t, err, ErrMisconfigured)
}

func TestSecretsAreCopied(t *testing.T) {
	secrets := Secrets{testWebhookID: testSecret}
	h, err := NewHandler(secrets)
	require.NoError(t, err)
	secrets[testWebhookID] = ""
	secrets["new"] = "x"
	b := body(t, testWebhookID, testSecret, chatio.ActionThreadClosed, threadClosedData)
	assert.Equal(t, http.StatusOK, serve(h, newRequest(context.Background(), b)).Code)
	b = body(t, "new", "x", chatio.ActionThreadClosed, threadClosedData)
	assert.Equal(t, http.StatusUnauthorized, serve(h, newRequest(context.Background(), b)).Code)
}

func TestSecretFunc(t *testing.T) {
	b := body(t, "w1", "s1", chatio.ActionThreadClosed, threadClosedData)
	cases := []struct {
		name   string
		fn     SecretFunc
		status int
	}{
		{"match", func(context.Context, string) (string, bool, error) { return "s1", true, nil }, http.StatusOK},
		{"mismatch", func(context.Context, string) (string, bool, error) { return "s2", true, nil }, http.StatusUnauthorized},
		{"unknown", func(context.Context, string) (string, bool, error) { return "", false, nil }, http.StatusUnauthorized},
		{"empty secret is refused, not verification off", func(context.Context, string) (string, bool, error) { return "", true, nil }, http.StatusInternalServerError},
		{"lookup error", func(context.Context, string) (string, bool, error) { return "", false, errors.New("vault sealed") }, http.StatusInternalServerError},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var gotID string
			var gotCtx context.Context
			fn := func(ctx context.Context, id string) (string, bool, error) {
				gotID, gotCtx = id, ctx
				return c.fn(ctx, id)
			}
			h, err := NewHandler(SecretFunc(fn))
			require.NoError(t, err)
			ctx := context.WithValue(context.Background(), ctxKey{}, "v")
			w := serve(h, newRequest(ctx, b))
			assert.Equal(t, c.status, w.Code)
			assert.Equal(t, "w1", gotID)
			assert.Equal(t, "v", gotCtx.Value(ctxKey{}))
			assert.NotContains(t, w.Body.String(), "vault")
		})
	}
	t.Run("empty secret never matches an empty secret_key", func(t *testing.T) {
		empty := SecretFunc(func(context.Context, string) (string, bool, error) { return "", true, nil })
		_, err := Parse(newRequest(context.Background(), body(t, "w1", "", chatio.ActionThreadClosed, threadClosedData)), empty)
		require.ErrorIs(t, err, ErrMisconfigured)
		_, err = Parse(newRequest(context.Background(), body(t, "w1", "", chatio.ActionThreadClosed, threadClosedData)), Secrets{"w1": ""})
		assert.ErrorIs(t, err, ErrMisconfigured)
	})
}

func TestParse(t *testing.T) {
	wh, err := Parse(newRequest(context.Background(), fixture(t, chatio.ActionIncomingEvent)), testSecrets)
	require.NoError(t, err)
	assert.Equal(t, testWebhookID, wh.ID)
	assert.Equal(t, chatio.ActionIncomingEvent, wh.Action)
	p, ok := wh.Payload.(*IncomingEvent)
	require.True(t, ok, "payload is %T", wh.Payload)
	assert.Equal(t, "hello there", p.Event.(*Message).Text)

	_, err = Parse(newRequest(context.Background(), fixture(t, chatio.ActionIncomingEvent)), nil)
	require.ErrorIs(t, err, ErrMisconfigured)
	_, err = Parse(newRequest(context.Background(), fixture(t, chatio.ActionIncomingEvent)), SecretFunc(nil))
	require.ErrorIs(t, err, ErrMisconfigured, "a typed nil SecretFunc is a configuration error, not a panic")
	_, err = Parse(newRequest(context.Background(), fixture(t, chatio.ActionIncomingEvent)), testSecrets, WithMaxBodyBytes(0))
	require.ErrorIs(t, err, ErrMisconfigured)
	_, err = Parse(httptest.NewRequest(http.MethodGet, "/", nil), testSecrets)
	assert.ErrorIs(t, err, ErrMethodNotAllowed)
}

func TestStatusCode(t *testing.T) {
	for err, want := range map[error]int{
		nil:                     200,
		ErrMethodNotAllowed:     405,
		ErrUnsupportedMediaType: 415,
		ErrBodyTooLarge:         413,
		ErrMalformed:            400,
		ErrUnauthorized:         401,
		ErrMisconfigured:        500,
		ErrSecretLookup:         500,
		errors.New("other"):     500,
	} {
		assert.Equal(t, want, StatusCode(err), "%v", err)
	}
}

func TestHandlersCanBeReplacedAndRemoved(t *testing.T) {
	h := newTestHandler(t)
	b := body(t, testWebhookID, testSecret, chatio.ActionThreadClosed, threadClosedData)
	h.OnThreadClosed(func(context.Context, *Webhook, *ThreadClosed) error { return errors.New("first") })
	assert.Equal(t, http.StatusInternalServerError, serve(h, newRequest(context.Background(), b)).Code)
	h.OnThreadClosed(func(context.Context, *Webhook, *ThreadClosed) error { return nil })
	assert.Equal(t, http.StatusOK, serve(h, newRequest(context.Background(), b)).Code)
	h.OnThreadClosed(func(context.Context, *Webhook, *ThreadClosed) error { return errors.New("again") })
	h.OnThreadClosed(nil)
	assert.Equal(t, http.StatusOK, serve(h, newRequest(context.Background(), b)).Code)
}

func TestConcurrentRequestsAndRegistration(t *testing.T) {
	srv := httptest.NewServer(newTestHandler(t))
	defer srv.Close()
	h := srv.Config.Handler.(*Handler)
	var calls atomic.Int64
	done := make(chan struct{})
	go func() {
		defer close(done)
		for range 50 {
			h.OnIncomingEvent(func(context.Context, *Webhook, *IncomingEvent) error {
				calls.Add(1)
				return nil
			})
		}
	}()
	b := fixture(t, chatio.ActionIncomingEvent)
	errs := make(chan error, 20)
	for range 20 {
		go func() {
			resp, err := http.Post(srv.URL, "application/json", bytes.NewReader(b))
			if err == nil {
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					err = errors.New(resp.Status)
				}
			}
			errs <- err
		}()
	}
	for range 20 {
		assert.NoError(t, <-errs)
	}
	<-done
}

func TestSecretFuncCanAcceptAnyWebhookID(t *testing.T) {
	botSecret := "bot-agent-secret"
	h, err := NewHandler(SecretFunc(func(context.Context, string) (string, bool, error) { return botSecret, true, nil }))
	require.NoError(t, err)
	for _, id := range []string{"", "whatever"} {
		assert.Equal(t, http.StatusOK, serve(h, newRequest(context.Background(), body(t, id, botSecret, chatio.ActionThreadClosed, threadClosedData))).Code, id)
		assert.Equal(t, http.StatusUnauthorized, serve(h, newRequest(context.Background(), body(t, id, "nope", chatio.ActionThreadClosed, threadClosedData))).Code, id)
	}
}
