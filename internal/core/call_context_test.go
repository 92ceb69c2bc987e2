package core

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httptrace"
	"reflect"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/chatsdk-go/chatsdk"
)

type ctxKey struct{}

// TestCallStateIsTheRequestContext: the call state answers for itself and
// for its trace, and passes everything else to the caller's context.
func TestCallStateIsTheRequestContext(t *testing.T) {
	parent, cancel := context.WithTimeout(context.WithValue(context.Background(), ctxKey{}, "v"), time.Minute)
	st := &callState{}
	ctx := st.attach(parent)
	assert.Same(t, st, ctx, "no context value of its own")
	assert.Same(t, st, stateOf(ctx))
	assert.Same(t, &st.trace, httptrace.ContextClientTrace(ctx))
	assert.Equal(t, "v", ctx.Value(ctxKey{}))
	deadline, ok := ctx.Deadline()
	want, _ := parent.Deadline()
	assert.True(t, ok)
	assert.Equal(t, want, deadline)

	child, stop := context.WithCancel(ctx)
	defer stop()
	wrapped := context.WithValue(ctx, ctxKey{}, "w")
	assert.Same(t, st, stateOf(wrapped), "found through contexts built on it")
	require.NoError(t, ctx.Err())
	cancel()
	<-ctx.Done()
	<-child.Done()
	assert.ErrorIs(t, ctx.Err(), context.Canceled)
}

// TestCallStateComposesWithTheCallersTrace: a caller's httptrace hooks
// keep firing, and so do the call's own.
func TestCallStateComposesWithTheCallersTrace(t *testing.T) {
	var wrote atomic.Int32
	parent := httptrace.WithClientTrace(context.Background(), &httptrace.ClientTrace{WroteHeaders: func() { wrote.Add(1) }})
	st := &callState{}
	ctx := st.attach(parent)
	assert.Same(t, st, stateOf(ctx))
	trace := httptrace.ContextClientTrace(ctx)
	require.NotNil(t, trace)
	trace.WroteHeaders()
	assert.Equal(t, int32(1), wrote.Load(), "the caller's hook")
	assert.Equal(t, phaseWritten, st.phase.Load(), "the call's hook")

	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, `{"a":1}`) }))
	defer srv.Close()
	var out map[string]int
	_, err := newTestClient(t, srv.URL).Do(parent, get("/x"), &out)
	require.NoError(t, err)
	assert.Equal(t, int32(2), wrote.Load(), "the caller's hook saw the call")
}

// TestRetryResendsTheWholeBody: every attempt of a retried call carries
// the whole body, read from the start.
func TestRetryResendsTheWholeBody(t *testing.T) {
	var mu sync.Mutex
	var bodies []string
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		bodies = append(bodies, string(b))
		n := len(bodies)
		mu.Unlock()
		if n < 3 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		_, _ = io.WriteString(w, `{}`)
	})
	_, err := newTestClient(t, srv.URL).Do(ctxBG(), post("/send"), nil, chatsdk.WithRetryUnsafe())
	require.NoError(t, err)
	mu.Lock()
	defer mu.Unlock()
	require.Len(t, bodies, 3)
	for _, b := range bodies {
		assert.JSONEq(t, `{"text":"hi"}`, b)
	}
}

// bodyTypeTransport records the type of each request body it is given.
type bodyTypeTransport struct{ types []reflect.Type }

func (t *bodyTypeTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	t.types = append(t.types, reflect.TypeOf(req.Body))
	if req.GetBody != nil {
		b, err := req.GetBody()
		if err != nil {
			return nil, err
		}
		t.types = append(t.types, reflect.TypeOf(b))
	}
	return &http.Response{StatusCode: http.StatusOK, Header: http.Header{}, Body: http.NoBody, Request: req}, nil
}

// TestRequestBodyIsAnInMemoryReader: the body and GetBody's copies are
// io.NopCloser around a *bytes.Reader, which net/http recognizes as held in
// memory (it writes the header and the body in one go); any other type
// makes it flush the header on its own first.
func TestRequestBodyIsAnInMemoryReader(t *testing.T) {
	tr := &bodyTypeTransport{}
	c := newTestClient(t, "http://api.example", chatsdk.WithHTTPClient(&http.Client{Transport: tr}))
	_, err := c.Do(ctxBG(), post("/send"), nil)
	require.NoError(t, err)
	want := reflect.TypeOf(io.NopCloser(bytes.NewReader(nil)))
	require.Len(t, tr.types, 2)
	for _, got := range tr.types {
		assert.Equal(t, want, got)
	}
}
