package core

import (
	"bytes"
	"context"
	"io"
	"log"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chatsdk-go/chatsdk"
	"github.com/stretchr/testify/require"
)

const testToken = "s3cr3t-T0KEN-value.abc"

func testDefaults(baseURL string) Defaults {
	return Defaults{API: "test", BaseURL: baseURL, AuthScheme: "Bearer"}
}

// fastRetries keeps retry waits in the millisecond range.
var fastRetries = []chatsdk.Option{chatsdk.WithRetryWaitMin(time.Millisecond), chatsdk.WithRetryWaitMax(5 * time.Millisecond)}

// newTestClient returns a client for baseURL with fast retries and opts.
func newTestClient(t *testing.T, baseURL string, opts ...chatsdk.Option) *Client {
	t.Helper()
	c, err := NewClient(testDefaults(baseURL), testToken, append(append([]chatsdk.Option{}, fastRetries...), opts...)...)
	require.NoError(t, err)
	return c
}

// countingServer runs handler and counts the requests it received.
type countingServer struct {
	*httptest.Server
	hits atomic.Int32
	// conns counts the connections the server accepted.
	conns atomic.Int32
}

func newCountingServer(t *testing.T, handler http.HandlerFunc) *countingServer {
	t.Helper()
	cs := &countingServer{}
	cs.Server = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cs.hits.Add(1)
		handler(w, r)
	}))
	cs.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			cs.conns.Add(1)
		}
	}
	cs.Start()
	t.Cleanup(cs.Close)
	return cs
}

// syncBuffer is a bytes.Buffer that a logger may write from any goroutine.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func debugLogger(w *syncBuffer) *slog.Logger {
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

func get(path string) *Request {
	return &Request{Operation: "test.Things.Get", Method: http.MethodGet, Path: path}
}

func ctxBG() context.Context { return context.Background() }

// quietLog discards the http.Server's own error log (TLS handshake noise).
func quietLog() *log.Logger { return log.New(io.Discard, "", 0) }

// readBody is readBodyInto with a release func for the pooled buffer.
func readBody(body io.Reader, n, limit int64) (data []byte, release func(), err error) {
	data, buf, err := readBodyInto(body, n, limit, new(io.LimitedReader))
	if buf != nil {
		release = func() { putBuffer(buf) }
	}
	return data, release, err
}

// decodeBody reads body (bounded by MaxResponseBody) and decodes it as Do
// does.
func decodeBody(body io.Reader, out any) error {
	data, release, err := readBody(body, -1, MaxResponseBody)
	if release != nil {
		defer release()
	}
	if err != nil {
		return err
	}
	return decodeData(data, out)
}

// withAuthScheme sets the Authorization scheme, as an API package's
// defaults (or giosg.WithOAuthToken) do.
func withAuthScheme(scheme string) chatsdk.Option {
	return func(c *Config) error {
		c.AuthScheme = scheme
		return nil
	}
}
