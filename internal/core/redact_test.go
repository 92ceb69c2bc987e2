package core

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/internal/lenient"
)

// echoServer echoes the Authorization header into everything it can: error
// bodies, the request ID header, and fields that fail to decode.
func echoServer(t *testing.T) *countingServer {
	return newCountingServer(t, func(w http.ResponseWriter, r *http.Request) {
		auth := r.Header.Get("Authorization")
		w.Header().Set("X-Request-Id", "req for "+auth)
		w.Header().Set("Content-Type", "application/json")
		echo, _ := json.Marshal(map[string]any{"error": map[string]string{"type": auth, "message": "bad token " + auth}})
		switch r.URL.Path {
		case "/ok":
			_, _ = io.WriteString(w, `{"id":"1"}`)
		case "/unauthorized":
			w.WriteHeader(http.StatusUnauthorized)
			_, _ = w.Write(echo)
		case "/plain":
			w.WriteHeader(http.StatusForbidden)
			_, _ = io.WriteString(w, "you sent "+auth)
		case "/detail":
			w.WriteHeader(http.StatusBadRequest)
			_, _ = io.WriteString(w, `{"detail":"token `+auth+` is not valid", "token":"`+auth+`"}`)
		case "/unavailable":
			w.WriteHeader(http.StatusServiceUnavailable)
			_, _ = w.Write(echo)
		case "/decode":
			_, _ = io.WriteString(w, `{"id":"`+auth+`"}`)
		case "/hangup":
			hangUpAfterReading(t)(w, r)
		}
	})
}

func TestTokenNeverInErrorsOrLogs(t *testing.T) {
	srv := echoServer(t)
	var logs syncBuffer
	c := newTestClient(t, srv.URL, chatsdk.WithLogger(debugLogger(&logs)), chatsdk.WithMaxRetries(2))
	closed := newTestClient(t, "http://"+closedPort(t), chatsdk.WithLogger(debugLogger(&logs)), chatsdk.WithMaxRetries(1))

	var errs []error
	do := func(c *Client, r *Request, out any) {
		_, err := c.Do(ctxBG(), r, out)
		errs = append(errs, err)
	}
	var ok struct{ ID string }
	do(c, get("/ok"), &ok)
	require.NoError(t, errs[0])
	do(c, get("/unauthorized"), nil)
	do(c, get("/plain"), nil)
	do(c, get("/detail"), nil)
	do(c, get("/unavailable"), nil)
	do(c, post("/unavailable"), nil)
	do(c, post("/hangup"), nil)
	var decoded struct {
		ID lenient.Int `json:"id"`
	}
	do(c, get("/decode"), &decoded)
	do(closed, get("/a"), nil)
	do(closed, post("/a"), nil)

	for i, err := range errs[1:] {
		require.Error(t, err, "call %d", i+1)
		assert.NotContains(t, err.Error(), testToken, "call %d", i+1)
		var apiErr *chatsdk.APIError
		if errors.As(err, &apiErr) {
			assert.NotContains(t, string(apiErr.Body), testToken, "call %d: raw body", i+1)
			assert.NotContains(t, apiErr.Message, testToken)
			assert.NotContains(t, apiErr.Type, testToken)
			assert.NotContains(t, apiErr.RequestID, testToken)
		}
	}
	var apiErr *chatsdk.APIError
	require.ErrorAs(t, errs[1], &apiErr)
	assert.Equal(t, "bad token Bearer [REDACTED]", apiErr.Message, "the echo is kept, the token is not")

	out := logs.String()
	assert.NotEmpty(t, out)
	assert.Contains(t, out, `"msg":"chatsdk retry"`)
	assert.Contains(t, out, `"msg":"chatsdk attempt"`)
	assert.NotContains(t, out, "retrying request", "go-retryablehttp's own lines (full URLs) stay out")
	assert.Equal(t, len(errs), strings.Count(out, `"msg":"chatsdk call"`), "one outcome line per call")
	assert.Contains(t, out, `"operation":"test.Things.Get","method":"GET","path":"/unavailable","attempts":3,"duration":`)
	assert.Contains(t, out, `"path":"/unauthorized","attempts":1,"duration":`)
	assert.Contains(t, out, `"status":401,"error_type":"Bearer [REDACTED]"`)
	assert.Contains(t, out, `"field":"id"`)
	assert.NotContains(t, out, "bad token", "no body content in logs")
	assert.NotContains(t, out, "you sent")
	assert.NotContains(t, out, testToken)
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		assert.True(t, json.Valid([]byte(line)), line)
	}
}
