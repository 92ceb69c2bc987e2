package core

import (
	"context"
	"crypto/tls"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chatsdk-go/chatsdk"
	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// statusSequence answers the given statuses in order, then 200 {}.
func statusSequence(statuses ...int) http.HandlerFunc {
	var mu sync.Mutex
	i := 0
	return func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		mu.Lock()
		code := http.StatusOK
		if i < len(statuses) {
			code = statuses[i]
		}
		i++
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(code)
		if code == http.StatusOK {
			_, _ = io.WriteString(w, `{"ok":true}`)
			return
		}
		_, _ = io.WriteString(w, `{"error":{"type":"unavailable","message":"try later"}}`)
	}
}

func post(path string) *Request {
	return &Request{Operation: "test.Messages.Send", Method: http.MethodPost, Path: path, Body: map[string]string{"text": "hi"}}
}

func TestGetRetriedUntilSuccess(t *testing.T) {
	srv := newCountingServer(t, statusSequence(503, 503))
	c := newTestClient(t, srv.URL)
	var out struct{ OK bool }
	_, err := c.Do(ctxBG(), get("/a"), &out)
	require.NoError(t, err)
	assert.True(t, out.OK)
	assert.Equal(t, int32(3), srv.hits.Load())
}

func TestRetryableStatusesForReplaySafeMethods(t *testing.T) {
	for _, method := range []string{http.MethodGet, http.MethodPut, http.MethodDelete, http.MethodHead, http.MethodOptions} {
		for _, code := range []int{408, 429, 500, 502, 503, 504} {
			srv := newCountingServer(t, statusSequence(code, code))
			c := newTestClient(t, srv.URL)
			_, err := c.Do(ctxBG(), &Request{Operation: "test.Things.Op", Method: method, Path: "/a"}, nil)
			require.NoError(t, err, "%s %d", method, code)
			assert.Equal(t, int32(3), srv.hits.Load(), "%s %d", method, code)
		}
	}
}

func TestNonRetryableStatusesAreNotRetried(t *testing.T) {
	for _, code := range []int{400, 401, 403, 404, 409, 422, 501, 505} {
		srv := newCountingServer(t, statusSequence(code))
		c := newTestClient(t, srv.URL)
		_, err := c.Do(ctxBG(), get("/a"), nil)
		var apiErr *chatsdk.APIError
		require.ErrorAs(t, err, &apiErr, "%d", code)
		assert.Equal(t, code, apiErr.StatusCode)
		assert.False(t, apiErr.MayHaveBeenApplied)
		assert.Equal(t, int32(1), srv.hits.Load(), "%d", code)
	}
}

func TestFinalRetryableAnswerBecomesAPIError(t *testing.T) {
	srv := newCountingServer(t, statusSequence(503, 503, 503, 503, 503))
	c := newTestClient(t, srv.URL, chatsdk.WithMaxRetries(2))
	_, err := c.Do(ctxBG(), get("/a"), nil)
	var apiErr *chatsdk.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusServiceUnavailable, apiErr.StatusCode)
	assert.Equal(t, "unavailable", apiErr.Type)
	assert.Equal(t, "try later", apiErr.Message)
	assert.False(t, apiErr.MayHaveBeenApplied)
	assert.ErrorIs(t, err, chatsdk.ErrServer)
	assert.NotErrorIs(t, err, chatsdk.ErrMayHaveBeenApplied)
	assert.Equal(t, int32(3), srv.hits.Load())
}

func TestMaxRetriesZeroSendsOnce(t *testing.T) {
	srv := newCountingServer(t, statusSequence(503, 503))
	c := newTestClient(t, srv.URL, chatsdk.WithMaxRetries(0))
	_, err := c.Do(ctxBG(), get("/a"), nil)
	assert.ErrorIs(t, err, chatsdk.ErrServer)
	assert.Equal(t, int32(1), srv.hits.Load())
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 11, 21, 5, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		value string
		want  time.Duration
	}{
		{"", 0},
		{"0", 0},
		{"2", 2 * time.Second},
		{" 2 ", 2 * time.Second},
		{"120", 2 * time.Minute},
		{"-1", 0},
		{"+5", 0},
		{"1.5", 0},
		{"soon", 0},
		{"99999999999999999999999", maxRetryAfter},
		{"31536001", maxRetryAfter},
		{now.Add(3 * time.Second).Format(http.TimeFormat), 3 * time.Second},
		{now.Add(90 * time.Second).Format(time.RFC850), 90 * time.Second},
		{now.Add(10 * time.Second).Format(time.ANSIC), 10 * time.Second},
		{now.Add(-time.Hour).Format(http.TimeFormat), 0},
		{"Fri, 31 Dec 9999 23:59:59 GMT", maxRetryAfter},
	} {
		h := http.Header{}
		if tc.value != "" {
			h.Set("Retry-After", tc.value)
		}
		assert.Equal(t, tc.want, ParseRetryAfter(h, now), "%q", tc.value)
	}
}

func TestBackoffHonoursRetryAfter(t *testing.T) {
	resp := func(v string) *http.Response {
		return &http.Response{StatusCode: 503, Header: http.Header{"Retry-After": {v}}}
	}
	assert.Equal(t, 2*time.Second, Backoff(10*time.Millisecond, 30*time.Second, 0, resp("2")))
	assert.Equal(t, 2*time.Second, Backoff(10*time.Millisecond, 30*time.Second, 5, resp("2")))

	date := time.Now().Add(3 * time.Second).UTC().Format(http.TimeFormat)
	d := Backoff(10*time.Millisecond, 30*time.Second, 0, resp(date))
	assert.Greater(t, d, 1*time.Second, "HTTP-date %s", date)
	assert.LessOrEqual(t, d, 3*time.Second, "HTTP-date %s", date)

	assert.Equal(t, 5*time.Second, Backoff(10*time.Millisecond, 5*time.Second, 0, resp("120")), "capped by the maximum")
}

func TestBackoffIsExponentialWithJitter(t *testing.T) {
	min, max := 100*time.Millisecond, 2*time.Second
	for attempt, want := range []time.Duration{100, 200, 400, 800, 1600, 2000, 2000} {
		want *= time.Millisecond
		if want > max {
			want = max
		}
		seen := map[time.Duration]bool{}
		for i := 0; i < 50; i++ {
			for _, resp := range []*http.Response{nil, {StatusCode: 503, Header: http.Header{}}, {Header: http.Header{"Retry-After": {"junk"}}}} {
				d := Backoff(min, max, attempt, resp)
				require.GreaterOrEqual(t, d, want/2, "attempt %d", attempt)
				require.LessOrEqual(t, d, want, "attempt %d", attempt)
				seen[d] = true
			}
		}
		assert.Greater(t, len(seen), 1, "attempt %d: jitter", attempt)
	}
	assert.LessOrEqual(t, Backoff(time.Second, time.Hour, 200, nil), time.Hour, "no overflow")
	assert.Positive(t, Backoff(time.Second, time.Hour, 200, nil))
}

func TestRetryAfterIsWaitedEndToEnd(t *testing.T) {
	var mu sync.Mutex
	var at []time.Time
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		at = append(at, time.Now())
		first := len(at) == 1
		mu.Unlock()
		if first {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		_, _ = io.WriteString(w, `{}`)
	})
	c := newTestClient(t, srv.URL, chatsdk.WithRetryWaitMax(2*time.Second))
	// Record the wait the client chose and skip it instead of sleeping.
	var waits []time.Duration
	backoff := c.retry.Backoff
	c.retry.Backoff = func(min, max time.Duration, attempt int, resp *http.Response) time.Duration {
		waits = append(waits, backoff(min, max, attempt, resp))
		return 0
	}
	_, err := c.Do(ctxBG(), get("/a"), nil)
	require.NoError(t, err)
	require.Len(t, at, 2)
	assert.Equal(t, []time.Duration{time.Second}, waits, "the retry waits the Retry-After of the 429")
}

func TestRetryAfterAboveMaximumGivesUpAtOnce(t *testing.T) {
	for _, code := range []int{http.StatusTooManyRequests, http.StatusServiceUnavailable} {
		srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Retry-After", "120")
			w.WriteHeader(code)
		})
		c := newTestClient(t, srv.URL, chatsdk.WithRetryWaitMax(time.Second))
		start := time.Now()
		_, err := c.Do(ctxBG(), get("/a"), nil)
		assert.Less(t, time.Since(start), 500*time.Millisecond, "no sleep")
		require.ErrorIs(t, err, chatsdk.ErrRateLimited, "%d", code)
		var apiErr *chatsdk.APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, 120*time.Second, apiErr.RetryAfter)
		assert.True(t, apiErr.RetryAfterTooLong)
		assert.Contains(t, err.Error(), "retry after 2m0s, longer than the maximum wait")
		assert.Equal(t, int32(1), srv.hits.Load())
	}
}

func TestPostAnswered503IsSentOnce(t *testing.T) {
	for _, code := range []int{408, 500, 502, 503, 504} {
		srv := newCountingServer(t, statusSequence(code, code))
		c := newTestClient(t, srv.URL)
		_, err := c.Do(ctxBG(), post("/messages"), nil)
		require.ErrorIs(t, err, chatsdk.ErrMayHaveBeenApplied, "%d", code)
		assert.Contains(t, err.Error(), "may have been applied")
		var apiErr *chatsdk.APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, code, apiErr.StatusCode)
		assert.True(t, apiErr.MayHaveBeenApplied)
		assert.Equal(t, int32(1), srv.hits.Load(), "%d: exactly one receipt", code)
	}
}

func TestPatchIsNotRetried(t *testing.T) {
	srv := newCountingServer(t, statusSequence(503, 503))
	c := newTestClient(t, srv.URL)
	_, err := c.Do(ctxBG(), &Request{Operation: "test.Things.Update", Method: http.MethodPatch, Path: "/a", Body: map[string]int{"a": 1}}, nil)
	require.ErrorIs(t, err, chatsdk.ErrMayHaveBeenApplied)
	assert.Equal(t, int32(1), srv.hits.Load())
}

func TestPostAnswered503WithLongRetryAfterMayHaveBeenApplied(t *testing.T) {
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "3600")
		w.WriteHeader(http.StatusServiceUnavailable)
	})
	c := newTestClient(t, srv.URL)
	_, err := c.Do(ctxBG(), post("/messages"), nil)
	assert.ErrorIs(t, err, chatsdk.ErrMayHaveBeenApplied)
	assert.ErrorIs(t, err, chatsdk.ErrRateLimited)
	assert.Equal(t, int32(1), srv.hits.Load())
}

func TestPost429IsRefusedNotApplied(t *testing.T) {
	srv := newCountingServer(t, statusSequence(429, 429))
	c := newTestClient(t, srv.URL)
	_, err := c.Do(ctxBG(), post("/messages"), nil)
	require.ErrorIs(t, err, chatsdk.ErrRateLimited)
	assert.NotErrorIs(t, err, chatsdk.ErrMayHaveBeenApplied)
	assert.NotContains(t, err.Error(), "may have been applied")
	assert.Equal(t, int32(1), srv.hits.Load())
}

// hangUpAfterReading reads the whole request, then drops the connection
// without answering.
func hangUpAfterReading(t *testing.T) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		conn, _, err := w.(http.Hijacker).Hijack()
		if !assert.NoError(t, err) {
			return
		}
		_ = conn.Close()
	}
}

func TestPostWhoseConnectionDropsIsSentOnce(t *testing.T) {
	srv := newCountingServer(t, hangUpAfterReading(t))
	c := newTestClient(t, srv.URL)
	_, err := c.Do(ctxBG(), post("/messages"), nil)
	require.ErrorIs(t, err, chatsdk.ErrMayHaveBeenApplied)
	assert.Contains(t, err.Error(), "may have been applied")
	var re *chatsdk.RequestError
	require.ErrorAs(t, err, &re)
	assert.True(t, re.MayHaveBeenApplied)
	assert.Equal(t, "test.Messages.Send", re.Operation)
	assert.Equal(t, int32(1), srv.hits.Load(), "exactly one receipt")
}

func TestPutWhoseConnectionDropsIsRetried(t *testing.T) {
	var n atomic.Int32
	drop := hangUpAfterReading(t)
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 1 {
			drop(w, r)
			return
		}
		_, _ = io.WriteString(w, `{}`)
	})
	c := newTestClient(t, srv.URL)
	_, err := c.Do(ctxBG(), &Request{Operation: "test.Things.Put", Method: http.MethodPut, Path: "/a", Body: map[string]int{"a": 1}}, nil)
	require.NoError(t, err)
	assert.Equal(t, int32(2), srv.hits.Load())
}

// dialCounter is a transport that counts the connections it dials.
func dialCounter(dials *atomic.Int32) *http.Transport {
	return &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		dials.Add(1)
		return (&net.Dialer{}).DialContext(ctx, network, addr)
	}}
}

func closedPort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	require.NoError(t, ln.Close())
	return addr
}

func TestPostThatNeverConnectedIsRetried(t *testing.T) {
	var dials atomic.Int32
	c := newTestClient(t, "http://"+closedPort(t), chatsdk.WithMaxRetries(2), chatsdk.WithHTTPClient(&http.Client{Transport: dialCounter(&dials)}))
	_, err := c.Do(ctxBG(), post("/messages"), nil)
	require.Error(t, err)
	assert.Equal(t, int32(3), dials.Load(), "refused connections never reached the server: retried")
	var re *chatsdk.RequestError
	require.ErrorAs(t, err, &re)
	assert.False(t, re.MayHaveBeenApplied)
	assert.NotErrorIs(t, err, chatsdk.ErrMayHaveBeenApplied)
	assert.NotContains(t, err.Error(), "may have been applied")
}

func TestGetThatNeverConnectedIsRetried(t *testing.T) {
	var dials atomic.Int32
	c := newTestClient(t, "http://"+closedPort(t), chatsdk.WithMaxRetries(2), chatsdk.WithHTTPClient(&http.Client{Transport: dialCounter(&dials)}))
	_, err := c.Do(ctxBG(), get("/a"), nil)
	require.Error(t, err)
	assert.Equal(t, int32(3), dials.Load())
	assert.NotErrorIs(t, err, chatsdk.ErrMayHaveBeenApplied)
}

func TestCustomTransportErrorsAreTreatedAsMaybeSent(t *testing.T) {
	// A RoundTripper that reports no httptrace events cannot prove that a
	// failed request never reached the server.
	mt := httpmock.NewMockTransport()
	mt.RegisterNoResponder(httpmock.NewErrorResponder(errors.New("connection reset by peer")))
	c := newTestClient(t, "https://api.example.test", chatsdk.WithMaxRetries(2), chatsdk.WithHTTPClient(&http.Client{Transport: mt}))

	_, err := c.Do(ctxBG(), post("/messages"), nil)
	require.ErrorIs(t, err, chatsdk.ErrMayHaveBeenApplied)
	assert.Equal(t, 1, mt.GetTotalCallCount())

	_, err = c.Do(ctxBG(), get("/a"), nil)
	require.Error(t, err)
	assert.NotErrorIs(t, err, chatsdk.ErrMayHaveBeenApplied)
	assert.Equal(t, 1+3, mt.GetTotalCallCount(), "a GET is retried")
}

func TestReplaySafeOverride(t *testing.T) {
	yes, no := true, false
	srv := newCountingServer(t, statusSequence(503, 503))
	c := newTestClient(t, srv.URL)
	r := post("/rpc/list_things")
	r.ReplaySafe = &yes
	_, err := c.Do(ctxBG(), r, nil)
	require.NoError(t, err)
	assert.Equal(t, int32(3), srv.hits.Load(), "an RPC read sent as POST is retried")

	srv = newCountingServer(t, statusSequence(503, 503))
	c = newTestClient(t, srv.URL)
	g := get("/a")
	g.ReplaySafe = &no
	_, err = c.Do(ctxBG(), g, nil)
	require.ErrorIs(t, err, chatsdk.ErrMayHaveBeenApplied)
	assert.Equal(t, int32(1), srv.hits.Load())
}

func TestCancelDuringBackoffReturnsPromptly(t *testing.T) {
	srv := newCountingServer(t, statusSequence(503, 503, 503))
	c := newTestClient(t, srv.URL, chatsdk.WithRetryWaitMin(10*time.Second), chatsdk.WithRetryWaitMax(20*time.Second))
	ctx, cancel := context.WithCancel(ctxBG())
	time.AfterFunc(100*time.Millisecond, cancel)
	start := time.Now()
	_, err := c.Do(ctx, get("/a"), nil)
	assert.Less(t, time.Since(start), 2*time.Second)
	require.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, int32(1), srv.hits.Load())
}

func TestCancelledContextSendsNothing(t *testing.T) {
	srv := newCountingServer(t, statusSequence())
	c := newTestClient(t, srv.URL)
	ctx, cancel := context.WithCancel(ctxBG())
	cancel()
	_, err := c.Do(ctx, get("/a"), nil)
	require.ErrorIs(t, err, context.Canceled)
	assert.Zero(t, srv.hits.Load())
}

func TestPostCancelledAfterSendingMayHaveBeenApplied(t *testing.T) {
	received := make(chan struct{})
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		close(received)
		<-r.Context().Done()
	})
	c := newTestClient(t, srv.URL)
	ctx, cancel := context.WithCancel(ctxBG())
	go func() {
		<-received
		cancel()
	}()
	_, err := c.Do(ctx, post("/messages"), nil)
	require.ErrorIs(t, err, context.Canceled)
	assert.ErrorIs(t, err, chatsdk.ErrMayHaveBeenApplied)
	assert.Equal(t, int32(1), srv.hits.Load())
}

func TestCertificateErrorsAreNotRetried(t *testing.T) {
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	srv.Config.ErrorLog = quietLog()
	srv.StartTLS()
	defer srv.Close()
	var dials atomic.Int32
	tr := dialCounter(&dials)
	tr.TLSClientConfig = &tls.Config{MinVersion: tls.VersionTLS12}
	c := newTestClient(t, srv.URL, chatsdk.WithHTTPClient(&http.Client{Transport: tr}))
	_, err := c.Do(ctxBG(), get("/a"), nil)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "certificate", err.Error())
	assert.Equal(t, int32(1), dials.Load())
}
