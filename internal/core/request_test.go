package core

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chatsdk-go/chatsdk"
	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// seenRequest is what a capturing server saw.
type seenRequest struct {
	Method   string
	Path     string
	RawQuery string
	Header   http.Header
	Body     []byte
}

// capturingServer answers 200 {"ok":true} and records every request.
func capturingServer(t *testing.T) (*httptest.Server, func() []seenRequest) {
	t.Helper()
	var mu sync.Mutex
	var seen []seenRequest
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		mu.Lock()
		seen = append(seen, seenRequest{r.Method, r.URL.EscapedPath(), r.URL.RawQuery, r.Header.Clone(), body})
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"ok":true}`)
	}))
	t.Cleanup(srv.Close)
	return srv, func() []seenRequest {
		mu.Lock()
		defer mu.Unlock()
		return append([]seenRequest(nil), seen...)
	}
}

type listParams struct {
	Page    int       `url:"page,omitempty"`
	Status  string    `url:"status,omitempty"`
	Online  *bool     `url:"online,omitempty"`
	IDs     []int     `url:"ids,comma,omitempty"`
	Skipped string    `url:"skipped,omitempty"`
	Since   time.Time `url:"since,omitempty"`
}

func TestRequestHeadersAndBody(t *testing.T) {
	srv, seen := capturingServer(t)
	c := newTestClient(t, srv.URL+"/api/v1/")
	var out struct{ OK bool }
	_, err := c.Do(ctxBG(), &Request{
		Operation:  "test.Things.Create",
		Method:     http.MethodPost,
		Route:      "/things/{thing_id}/items.json",
		PathParams: []any{"a/b"},
		Body:       map[string]any{"name": "x", "n": 1},
	}, &out)
	require.NoError(t, err)
	assert.True(t, out.OK)

	_, err = c.Do(ctxBG(), get("/things.json"), nil)
	require.NoError(t, err)

	reqs := seen()
	require.Len(t, reqs, 2)
	post, plain := reqs[0], reqs[1]
	assert.Equal(t, "POST", post.Method)
	assert.Equal(t, "/api/v1/things/a%2Fb/items.json", post.Path)
	assert.Equal(t, "Bearer "+testToken, post.Header.Get("Authorization"))
	assert.Equal(t, "chatsdk-go/"+chatsdk.Version, post.Header.Get("User-Agent"))
	assert.Equal(t, DefaultUserAgent, post.Header.Get("User-Agent"))
	assert.Equal(t, "application/json", post.Header.Get("Accept"))
	assert.Equal(t, "application/json", post.Header.Get("Content-Type"))
	assert.JSONEq(t, `{"name":"x","n":1}`, string(post.Body))

	assert.Equal(t, "GET", plain.Method)
	assert.Equal(t, "/api/v1/things.json", plain.Path)
	assert.Empty(t, plain.Header.Get("Content-Type"), "no body, no Content-Type")
	assert.Empty(t, plain.Body)
	assert.Empty(t, plain.RawQuery)
}

func TestBaseURLJoining(t *testing.T) {
	for _, tc := range []struct{ base, path, want string }{
		{"/api/v1", "/agents.json", "/api/v1/agents.json"},
		{"/api/v1/", "/agents.json", "/api/v1/agents.json"},
		{"/api/v1", "agents.json", "/api/v1/agents.json"},
		{"", "/agents.json", "/agents.json"},
		{"/", "/agents.json", "/agents.json"},
		{"/api/v1", "", "/api/v1"},
		{"/a%2Fb", "/x", "/a%2Fb/x"},
	} {
		srv, seen := capturingServer(t)
		c := newTestClient(t, srv.URL+tc.base)
		_, err := c.Do(ctxBG(), get(tc.path), nil)
		require.NoError(t, err, "%+v", tc)
		want := tc.want
		if want == "" {
			want = "/"
		}
		assert.Equal(t, want, seen()[0].Path, "base %q path %q", tc.base, tc.path)
	}
}

func TestQueryEncoding(t *testing.T) {
	srv, seen := capturingServer(t)
	c := newTestClient(t, srv.URL)
	f := false
	since := time.Date(2018, 6, 19, 8, 0, 0, 0, time.UTC)

	for _, q := range []any{
		&listParams{Page: 2, Status: "open & closed", Online: &f, IDs: []int{1, 2}, Since: since},
		listParams{Page: 2, Status: "open & closed", Online: &f, IDs: []int{1, 2}, Since: since},
		url.Values{"page": {"2"}, "status": {"open & closed"}, "online": {"false"}, "ids": {"1,2"}, "since": {"2018-06-19T08:00:00Z"}},
	} {
		_, err := c.Do(ctxBG(), &Request{Operation: "test.Things.List", Method: http.MethodGet, Path: "/things", Query: q}, nil)
		require.NoError(t, err)
	}
	// Empty query values and a nil struct pointer add no "?".
	_, err := c.Do(ctxBG(), &Request{Operation: "test.Things.List", Method: http.MethodGet, Path: "/things", Query: &listParams{}}, nil)
	require.NoError(t, err)
	_, err = c.Do(ctxBG(), &Request{Operation: "test.Things.List", Method: http.MethodGet, Path: "/things", Query: (*listParams)(nil)}, nil)
	require.NoError(t, err)
	_, err = c.Do(ctxBG(), &Request{Operation: "test.Things.List", Method: http.MethodGet, Path: "/things", Query: url.Values{}}, nil)
	require.NoError(t, err)
	// A next URL that has a query gets the extra parameters after "&".
	_, err = c.Do(ctxBG(), &Request{Operation: "test.Things.List", Method: http.MethodGet, URL: srv.URL + "/things?cursor=abc", Query: url.Values{"limit": {"5"}}}, nil)
	require.NoError(t, err)

	reqs := seen()
	require.Len(t, reqs, 7)
	for i := 0; i < 3; i++ {
		got, err := url.ParseQuery(reqs[i].RawQuery)
		require.NoError(t, err)
		assert.Equal(t, url.Values{"page": {"2"}, "status": {"open & closed"}, "online": {"false"}, "ids": {"1,2"}, "since": {"2018-06-19T08:00:00Z"}}, got, "query %d", i)
		assert.NotContains(t, reqs[i].RawQuery, "skipped")
	}
	for i := 3; i < 6; i++ {
		assert.Empty(t, reqs[i].RawQuery, "query %d", i)
	}
	assert.Equal(t, "cursor=abc&limit=5", reqs[6].RawQuery)

	_, err = c.Do(ctxBG(), &Request{Operation: "test.Things.List", Method: http.MethodGet, Path: "/things", Query: 42}, nil)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "test.Things.List: encoding query")
	assert.Len(t, seen(), 7, "nothing sent")
}

func TestAuthSchemeUserAgentAndHeaders(t *testing.T) {
	srv, seen := capturingServer(t)
	c := newTestClient(t, srv.URL, withAuthScheme("Token"), chatsdk.WithUserAgent("mybot/2.0 (+https://example.com)"),
		chatsdk.WithHeader("X-Tenant", "acme"), chatsdk.WithHeader("X-Multi", "1"), chatsdk.WithHeader("x-multi", "2"))

	_, err := c.Do(ctxBG(), get("/a"), nil,
		chatsdk.WithRequestHeader("X-Trace", "t1"), chatsdk.WithRequestHeader("X-Tenant", "other"), nil)
	require.NoError(t, err)
	_, err = c.Do(ctxBG(), get("/b"), nil)
	require.NoError(t, err)

	reqs := seen()
	require.Len(t, reqs, 2)
	first, second := reqs[0].Header, reqs[1].Header
	assert.Equal(t, "Token "+testToken, first.Get("Authorization"))
	assert.Equal(t, "mybot/2.0 (+https://example.com)", first.Get("User-Agent"))
	assert.Equal(t, []string{"other"}, first.Values("X-Tenant"), "the call's header replaces the client's")
	assert.Equal(t, "t1", first.Get("X-Trace"))
	assert.Equal(t, []string{"1", "2"}, first.Values("X-Multi"))

	assert.Equal(t, []string{"acme"}, second.Values("X-Tenant"), "call headers do not stick")
	assert.Empty(t, second.Get("X-Trace"))
	assert.Equal(t, "Token "+testToken, second.Get("Authorization"))
}

func TestCallHeaderDoesNotLeakIntoClientHeader(t *testing.T) {
	srv, seen := capturingServer(t)
	c := newTestClient(t, srv.URL, chatsdk.WithHeader("X-Tenant", "acme"))
	for i := 0; i < 3; i++ {
		_, err := c.Do(ctxBG(), get("/a"), nil, chatsdk.WithRequestHeader("X-Tenant", "call"), chatsdk.WithRequestHeader("X-Other", "o"))
		require.NoError(t, err)
	}
	_, err := c.Do(ctxBG(), get("/a"), nil)
	require.NoError(t, err)
	reqs := seen()
	assert.Equal(t, []string{"call"}, reqs[2].Header.Values("X-Tenant"))
	assert.Equal(t, []string{"acme"}, reqs[3].Header.Values("X-Tenant"))
	assert.Empty(t, reqs[3].Header.Values("X-Other"))
}

func TestWithTimeoutBoundsTheCall(t *testing.T) {
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(2 * time.Second):
		}
	})
	c := newTestClient(t, srv.URL)
	start := time.Now()
	_, err := c.Do(ctxBG(), get("/slow"), nil, chatsdk.WithTimeout(50*time.Millisecond))
	require.Error(t, err)
	assert.Less(t, time.Since(start), time.Second)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	var re *chatsdk.RequestError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, "test.Things.Get", re.Operation)
	assert.Equal(t, int32(1), srv.hits.Load(), "a call that ran out of time is not retried")
}

func TestOptionValidation(t *testing.T) {
	for name, opt := range map[string]chatsdk.Option{
		"empty base URL":          chatsdk.WithBaseURL(""),
		"relative base URL":       chatsdk.WithBaseURL("/api/v1"),
		"ftp base URL":            chatsdk.WithBaseURL("ftp://example.com"),
		"base URL without host":   chatsdk.WithBaseURL("https://"),
		"base URL with query":     chatsdk.WithBaseURL("https://example.com/api?x=1"),
		"base URL with fragment":  chatsdk.WithBaseURL("https://example.com/api#top"),
		"base URL with user":      chatsdk.WithBaseURL("https://user:pass@example.com/api"),
		"unparsable base URL":     chatsdk.WithBaseURL("http://[::1"),
		"nil http client":         chatsdk.WithHTTPClient(nil),
		"negative retries":        chatsdk.WithMaxRetries(-1),
		"too many retries":        chatsdk.WithMaxRetries(101),
		"zero wait min":           chatsdk.WithRetryWaitMin(0),
		"negative wait max":       chatsdk.WithRetryWaitMax(-time.Second),
		"empty user agent":        chatsdk.WithUserAgent(" "),
		"multi-line user agent":   chatsdk.WithUserAgent("a\r\nX-Evil: 1"),
		"empty header name":       chatsdk.WithHeader("", "v"),
		"header name with space":  chatsdk.WithHeader("X A", "v"),
		"header name with colon":  chatsdk.WithHeader("X:A", "v"),
		"header value with CRLF":  chatsdk.WithHeader("X-A", "v\r\nX-Evil: 1"),
		"header value with NUL":   chatsdk.WithHeader("X-A", "v\x00"),
		"authorization header":    chatsdk.WithHeader("Authorization", "Bearer other"),
		"authorization lowercase": chatsdk.WithHeader("authorization", "Bearer other"),
		"nil token source":        chatsdk.WithTokenSource(nil),
	} {
		_, err := NewClient(testDefaults("https://api.example.test"), testToken, opt)
		require.Error(t, err, name)
		assert.True(t, strings.HasPrefix(err.Error(), "test: chatsdk: "), "%s: %v", name, err)
	}

	// Valid options, and a nil option, are accepted.
	c, err := NewClient(testDefaults("https://api.example.test"), testToken, nil,
		chatsdk.WithBaseURL("http://127.0.0.1:8080/api/v1/"), chatsdk.WithHTTPClient(&http.Client{}), chatsdk.WithMaxRetries(0),
		chatsdk.WithMaxRetries(100), chatsdk.WithRetryWaitMin(time.Second), chatsdk.WithRetryWaitMax(time.Minute), chatsdk.WithLogger(nil),
		chatsdk.WithUserAgent("x/1"), chatsdk.WithHeader("X-A", "tab\tok"), withAuthScheme("Token"))
	require.NoError(t, err)
	assert.Equal(t, "http://127.0.0.1:8080/api/v1", c.BaseURL().String())
	c.BaseURL().Host = "evil.test"
	assert.Equal(t, "127.0.0.1:8080", c.BaseURL().Host, "BaseURL returns a copy")

	_, err = NewClient(testDefaults("not a url"), testToken)
	require.Error(t, err, "invalid default base URL")
}

func TestRetryWaitOptionsKeepMinBelowMax(t *testing.T) {
	var cfg Config
	cfg.RetryWaitMin, cfg.RetryWaitMax = DefaultRetryWaitMin, DefaultRetryWaitMax
	require.NoError(t, chatsdk.WithRetryWaitMax(100*time.Millisecond)(&cfg))
	assert.Equal(t, 100*time.Millisecond, cfg.RetryWaitMin)
	require.NoError(t, chatsdk.WithRetryWaitMin(time.Minute)(&cfg))
	assert.Equal(t, time.Minute, cfg.RetryWaitMax)
}

func TestTokenValidation(t *testing.T) {
	for _, tok := range []string{"", "two words", "tab\there", "new\nline", "nul\x00", " leading"} {
		_, err := NewClient(testDefaults("https://api.example.test"), tok)
		require.Error(t, err, "%q", tok)
		if tok != "" {
			assert.NotContains(t, err.Error(), tok)
		}
	}
	// With a token source the static token may be empty.
	_, err := NewClient(testDefaults("https://api.example.test"), "", chatsdk.WithTokenSource(func(context.Context) (string, error) { return "t", nil }))
	require.NoError(t, err)
}

func TestCallOptionValidationSendsNothing(t *testing.T) {
	mt := httpmock.NewMockTransport()
	c := newTestClient(t, "https://api.example.test", chatsdk.WithHTTPClient(&http.Client{Transport: mt}))
	for _, opt := range []chatsdk.CallOption{
		chatsdk.WithTimeout(0),
		chatsdk.WithTimeout(-time.Second),
		chatsdk.WithRequestHeader("Authorization", "Bearer other"),
		chatsdk.WithRequestHeader("X-A", "a\nb"),
		chatsdk.WithRequestHeader("", "v"),
	} {
		_, err := c.Do(ctxBG(), get("/a"), nil, opt)
		require.Error(t, err)
		assert.True(t, strings.HasPrefix(err.Error(), "test.Things.Get: chatsdk: "), err.Error())
	}
	assert.Zero(t, mt.GetTotalCallCount())
}

func TestTokenSourceIsAskedOncePerCall(t *testing.T) {
	var calls atomic.Int32
	var gotTokens []string
	var mu sync.Mutex
	n := 0
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		gotTokens = append(gotTokens, r.Header.Get("Authorization"))
		n++
		first := n == 1
		mu.Unlock()
		if first {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		_, _ = io.WriteString(w, `{}`)
	})
	ts := func(ctx context.Context) (string, error) {
		require.NotNil(t, ctx)
		return "rotating-" + strconv.Itoa(int(calls.Add(1))), nil
	}
	c := newTestClient(t, srv.URL, chatsdk.WithTokenSource(ts))
	_, err := c.Do(ctxBG(), get("/a"), nil)
	require.NoError(t, err)
	_, err = c.Do(ctxBG(), get("/a"), nil)
	require.NoError(t, err)
	assert.Equal(t, int32(2), calls.Load())
	assert.Equal(t, []string{"Bearer rotating-1", "Bearer rotating-1", "Bearer rotating-2"}, gotTokens,
		"a retry reuses its call's token; the next call asks again")
}

func TestTokenSourceErrors(t *testing.T) {
	errNoToken := errors.New("vault unavailable")
	for name, ts := range map[string]chatsdk.TokenSource{
		"error":        func(context.Context) (string, error) { return "", errNoToken },
		"empty":        func(context.Context) (string, error) { return "", nil },
		"white space":  func(context.Context) (string, error) { return "leaky secret", nil },
		"control char": func(context.Context) (string, error) { return "leaky\x01secret", nil },
	} {
		mt := httpmock.NewMockTransport()
		c := newTestClient(t, "https://api.example.test", chatsdk.WithTokenSource(ts), chatsdk.WithHTTPClient(&http.Client{Transport: mt}))
		_, err := c.Do(ctxBG(), get("/a"), nil)
		require.Error(t, err, name)
		var re *chatsdk.RequestError
		require.ErrorAs(t, err, &re, name)
		assert.Equal(t, "test.Things.Get", re.Operation)
		assert.Contains(t, err.Error(), "token source", name)
		assert.NotContains(t, err.Error(), "secret", name)
		assert.NotErrorIs(t, err, chatsdk.ErrMayHaveBeenApplied)
		if name == "error" {
			assert.ErrorIs(t, err, errNoToken)
		}
		assert.Zero(t, mt.GetTotalCallCount(), "%s: nothing sent", name)
	}
}

func TestBodyEncodingErrorSendsNothing(t *testing.T) {
	mt := httpmock.NewMockTransport()
	c := newTestClient(t, "https://api.example.test", chatsdk.WithHTTPClient(&http.Client{Transport: mt}))
	_, err := c.Do(ctxBG(), &Request{Operation: "test.Things.Create", Method: http.MethodPost, Path: "/a", Body: map[string]any{"c": make(chan int)}}, nil)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "test.Things.Create: encoding request body")
	assert.Zero(t, mt.GetTotalCallCount())
}

func TestResponseMetadataAndDecoding(t *testing.T) {
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Thing", "1")
		switch r.URL.Path {
		case "/created":
			w.WriteHeader(http.StatusCreated)
			_, _ = io.WriteString(w, `{"id":"7","extra":{"unknown":[1,2]}}`)
		case "/empty":
			w.WriteHeader(http.StatusNoContent)
		default:
			_, _ = io.WriteString(w, `{"id":"8"}`+"\n")
		}
	})
	c := newTestClient(t, srv.URL)
	var out struct{ ID string }
	resp, err := c.Do(ctxBG(), &Request{Operation: "test.Things.Create", Method: http.MethodPost, Path: "/created", Body: struct{}{}}, &out)
	require.NoError(t, err)
	assert.True(t, resp.Created())
	assert.Equal(t, http.StatusCreated, resp.StatusCode)
	assert.Equal(t, "1", resp.Header.Get("X-Thing"))
	assert.Equal(t, "7", out.ID, "unknown fields are ignored")

	resp, err = c.Do(ctxBG(), get("/ok"), &out)
	require.NoError(t, err)
	assert.False(t, resp.Created())
	assert.Equal(t, "8", out.ID)

	out.ID = "kept"
	resp, err = c.Do(ctxBG(), get("/empty"), &out)
	require.NoError(t, err)
	assert.Equal(t, http.StatusNoContent, resp.StatusCode)
	assert.Equal(t, "kept", out.ID, "an empty body leaves out untouched")

	resp, err = c.Do(ctxBG(), get("/ok"), nil)
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, resp.StatusCode)

	var nilResp *chatsdk.Response
	assert.False(t, nilResp.Created())
}

func TestNextURLMustShareOrigin(t *testing.T) {
	base := "https://api.example.test:443/api/v1"
	for _, next := range []string{
		"https://evil.test/api/v1/agents.json?page=2",
		"http://api.example.test/api/v1/agents.json?page=2",
		"https://api.example.test:8443/api/v1/agents.json?page=2",
		"https://user:pw@api.example.test/api/v1/agents.json",
		"//evil.test/agents.json",
		"/api/v1/agents.json?page=2",
		"agents.json",
		"javascript:alert(1)",
		"https://api.example.test\x00.evil.test/",
		"https://api.example.test.evil.test/api/v1",
	} {
		mt := httpmock.NewMockTransport()
		c := newTestClient(t, base, chatsdk.WithHTTPClient(&http.Client{Transport: mt}))
		_, err := c.Do(ctxBG(), &Request{Operation: "test.Things.List", Method: http.MethodGet, URL: next}, nil)
		require.ErrorIs(t, err, chatsdk.ErrUnsafeNextURL, next)
		assert.Contains(t, err.Error(), "test.Things.List")
		assert.Zero(t, mt.GetTotalCallCount(), "%s: nothing sent", next)
	}

	for _, next := range []string{
		"https://api.example.test/api/v1/agents.json?page=2",
		"https://API.Example.TEST:443/api/v1/agents.json?page=2",
		"HTTPS://api.example.test/other/path",
	} {
		mt := httpmock.NewMockTransport()
		mt.RegisterNoResponder(httpmock.NewStringResponder(200, `{}`))
		c := newTestClient(t, base, chatsdk.WithHTTPClient(&http.Client{Transport: mt}))
		_, err := c.Do(ctxBG(), &Request{Operation: "test.Things.List", Method: http.MethodGet, URL: next}, nil)
		require.NoError(t, err, next)
		assert.Equal(t, 1, mt.GetTotalCallCount(), next)
	}
}

func TestResponseBodyIsJSONDecodedIntoOut(t *testing.T) {
	mt := httpmock.NewMockTransport()
	mt.RegisterResponder("GET", "https://api.example.test/things/1", httpmock.NewStringResponder(200, `{"data":{"id":"1","tags":["a"]}}`))
	c := newTestClient(t, "https://api.example.test", chatsdk.WithHTTPClient(&http.Client{Transport: mt}))
	var out struct {
		Data struct {
			ID   string   `json:"id"`
			Tags []string `json:"tags"`
		} `json:"data"`
	}
	_, err := c.Do(ctxBG(), get("/things/1"), &out)
	require.NoError(t, err)
	assert.Equal(t, "1", out.Data.ID)
	assert.Equal(t, []string{"a"}, out.Data.Tags)
	var raw json.RawMessage
	_, err = c.Do(ctxBG(), get("/things/1"), &raw)
	require.NoError(t, err)
	assert.JSONEq(t, `{"data":{"id":"1","tags":["a"]}}`, string(raw))
}

func TestUserHTTPClientIsHonouredAndNotModified(t *testing.T) {
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow" {
			select {
			case <-r.Context().Done():
			case <-time.After(2 * time.Second):
			}
			return
		}
		_, _ = io.WriteString(w, `{}`)
	})
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	hc := &http.Client{Transport: tr, Timeout: 100 * time.Millisecond}
	c := newTestClient(t, srv.URL, chatsdk.WithHTTPClient(hc), chatsdk.WithMaxRetries(0))
	assert.Same(t, tr, hc.Transport, "the caller's client is not changed")

	_, err := c.Do(ctxBG(), get("/fast"), nil)
	require.NoError(t, err)
	start := time.Now()
	_, err = c.Do(ctxBG(), get("/slow"), nil)
	require.Error(t, err)
	assert.Less(t, time.Since(start), time.Second, "http.Client.Timeout applies")
	var re *chatsdk.RequestError
	require.ErrorAs(t, err, &re)
}

func TestTokenSourceGetsTheCallContext(t *testing.T) {
	type key struct{}
	srv := newCountingServer(t, statusSequence())
	var got any
	var deadline bool
	c := newTestClient(t, srv.URL, chatsdk.WithTokenSource(func(ctx context.Context) (string, error) {
		got = ctx.Value(key{})
		_, deadline = ctx.Deadline()
		return "tok", nil
	}))
	_, err := c.Do(context.WithValue(ctxBG(), key{}, "v"), get("/a"), nil, chatsdk.WithTimeout(time.Minute))
	require.NoError(t, err)
	assert.Equal(t, "v", got)
	assert.True(t, deadline, "WithTimeout bounds the token source too")
}
