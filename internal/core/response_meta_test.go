package core

import (
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chatsdk-go/chatsdk"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWithResponseIntoAfterRetry(t *testing.T) {
	var n atomic.Int32
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Request-Id", "req-"+r.URL.Path)
		w.Header().Set("X-RateLimit-Limit", "100")
		w.Header().Set("X-RateLimit-Remaining", "42")
		w.Header().Set("X-RateLimit-Reset", "30")
		if n.Add(1) == 1 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		_, _ = w.Write([]byte(`{"id":1}`))
	})
	c := newTestClient(t, srv.URL)
	var meta chatsdk.Response
	var out struct{ ID int }
	_, err := c.Do(ctxBG(), get("/x"), &out, chatsdk.WithResponseInto(&meta))
	require.NoError(t, err)
	require.Equal(t, 200, meta.StatusCode)
	require.Equal(t, 2, meta.Attempts)
	require.Equal(t, "req-/x", meta.RequestID)
	require.Equal(t, "42", meta.Header.Get("X-RateLimit-Remaining"))
	require.Positive(t, meta.TotalWait)
	require.True(t, meta.RateLimit.HasLimit && meta.RateLimit.HasRemaining && meta.RateLimit.HasReset)
	require.Equal(t, 100, meta.RateLimit.Limit)
	require.Equal(t, 42, meta.RateLimit.Remaining)
	require.WithinDuration(t, time.Now().Add(30*time.Second), meta.RateLimit.Reset, 5*time.Second)
}

func TestWithResponseIntoAPIError(t *testing.T) {
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Request-Id", "abc")
		w.Header().Set("RateLimit-Remaining", "0")
		w.Header().Set("Retry-After", "0")
		w.WriteHeader(http.StatusNotFound)
	})
	c := newTestClient(t, srv.URL)
	var meta chatsdk.Response
	_, err := c.Do(ctxBG(), get("/x"), nil, chatsdk.WithResponseInto(&meta))
	var apiErr *chatsdk.APIError
	require.ErrorAs(t, err, &apiErr)
	require.Equal(t, 404, meta.StatusCode)
	require.Equal(t, 1, meta.Attempts)
	require.Equal(t, "abc", meta.RequestID)
	require.True(t, meta.RateLimit.HasRemaining)
	require.Zero(t, meta.RateLimit.Remaining)
	require.False(t, meta.RateLimit.HasLimit)
}

func TestParseRateLimitUnixReset(t *testing.T) {
	h := http.Header{}
	h.Set("X-RateLimit-Reset", "1900000000")
	h.Set("RateLimit-Limit", "10, 10;w=1")
	rl := ParseRateLimit(h, time.Now())
	require.Equal(t, time.Unix(1900000000, 0), rl.Reset)
	require.Equal(t, 10, rl.Limit)
}

func TestWithResponseIntoNil(t *testing.T) {
	c := newTestClient(t, "http://127.0.0.1:1")
	_, err := c.Do(ctxBG(), get("/x"), nil, chatsdk.WithResponseInto(nil))
	require.Error(t, err)
}

// TestRateLimitHeaderNamesAreCanonical: ParseRateLimit indexes the header
// map with these names directly, as Header.Get would after canonicalizing.
func TestRateLimitHeaderNamesAreCanonical(t *testing.T) {
	for _, k := range []string{"X-Ratelimit-Limit", "Ratelimit-Limit", "X-Ratelimit-Remaining", "Ratelimit-Remaining", "X-Ratelimit-Reset", "Ratelimit-Reset"} {
		assert.Equal(t, http.CanonicalHeaderKey(k), k)
	}
	h := http.Header{}
	h.Set("x-ratelimit-remaining", "7")
	rl := ParseRateLimit(h, time.Now())
	assert.True(t, rl.HasRemaining)
	assert.Equal(t, 7, rl.Remaining)
}
