package core

import (
	"bytes"
	"io"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/chatsdk-go/chatsdk"
)

// jsonTransport answers every request with a small JSON object, after
// reading the request body as a transport does.
type jsonTransport struct{}

func (jsonTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		_, _ = io.Copy(io.Discard, req.Body)
		_ = req.Body.Close()
	}
	body := []byte(`{"id":"a"}`)
	return &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(bytes.NewReader(body)), ContentLength: int64(len(body)), Request: req}, nil
}

// callAllocs is the allocations of one call of c: a GET with a route, or a
// POST with a body, decoding the answer.
func callAllocs(t *testing.T, c *Client, method string) float64 {
	t.Helper()
	r := &Request{Operation: "test.Things.Get", Method: method, Route: "/things/{id}", PathParams: []any{"a"}}
	if method == http.MethodPost {
		r.Body = map[string]string{"a": "b"}
	}
	var out struct{ ID string }
	return testing.AllocsPerRun(200, func() {
		if _, err := c.Do(ctxBG(), r, &out); err != nil {
			t.Fatal(err)
		}
	})
}

// TestFeaturesOffCostNoAllocations: a client whose retry budget is off, or
// whose middleware list is empty, allocates per call exactly what the
// default client does (GET and POST, answer decoded).
func TestFeaturesOffCostNoAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts are not exact under the race detector")
	}
	hc := &http.Client{Transport: jsonTransport{}}
	plain := newTestClient(t, "http://api.example", chatsdk.WithHTTPClient(hc))
	for name, c := range map[string]*Client{
		"without retry budget": newTestClient(t, "http://api.example", chatsdk.WithHTTPClient(hc), chatsdk.WithoutRetryBudget()),
		"empty middleware":     newTestClient(t, "http://api.example", chatsdk.WithHTTPClient(hc), chatsdk.WithMiddleware()),
	} {
		for _, m := range []string{http.MethodGet, http.MethodPost} {
			assert.Equal(t, callAllocs(t, plain, m), callAllocs(t, c, m), "%s %s", name, m)
		}
	}
	t.Logf("GET %v, POST %v allocations", callAllocs(t, plain, http.MethodGet), callAllocs(t, plain, http.MethodPost))
}

// readCountingBody is a body that counts its reads and whether it was
// closed.
type readCountingBody struct {
	r      *bytes.Reader
	reads  int
	closed bool
}

func (b *readCountingBody) Read(p []byte) (int, error) { b.reads++; return b.r.Read(p) }
func (b *readCountingBody) Close() error               { b.closed = true; return nil }

// bodyTransport answers every request with body.
type bodyTransport struct{ body *readCountingBody }

func (t bodyTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	return &http.Response{StatusCode: 200, Header: http.Header{}, Body: t.body, ContentLength: int64(t.body.r.Len()), Request: req}, nil
}

// TestBodyReadToItsEndIsNotDrained: a successful answer's body read up to
// its end is closed without another read to drain it; one left unread is
// drained.
func TestBodyReadToItsEndIsNotDrained(t *testing.T) {
	for _, decode := range []bool{true, false} {
		body := &readCountingBody{r: bytes.NewReader([]byte(`{"id":"a"}`))}
		c := newTestClient(t, "http://api.example", chatsdk.WithHTTPClient(&http.Client{Transport: bodyTransport{body}}))
		var out any
		if decode {
			out = new(struct{ ID string })
		}
		_, err := c.Do(ctxBG(), get("/x"), out)
		assert.NoError(t, err)
		assert.True(t, body.closed)
		assert.Equal(t, 2, body.reads, "decode=%v: the data, then the end", decode)
	}
}
