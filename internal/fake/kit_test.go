package fake_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/chatsdk-go/chatsdk/internal/fake"
)

var clock = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

func newKit(t *testing.T, cfg fake.Config) (*fake.Kit, *httptest.Server) {
	t.Helper()
	cfg.Token = "tok"
	cfg.Prefix = "/api"
	cfg.Now = func() time.Time { return clock }
	cfg.ErrorBody = func(status int, message string) any {
		return map[string]any{"status": status, "message": message}
	}
	k := fake.New(cfg)
	srv := httptest.NewServer(k.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		fake.WriteJSON(w, http.StatusOK, map[string]string{"echo": string(b)})
	})))
	t.Cleanup(srv.Close)
	return k, srv
}

func do(t *testing.T, srv *httptest.Server, method, path, auth, body string) (int, string, http.Header) {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL+path, strings.NewReader(body))
	require.NoError(t, err)
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	req.Header.Set("X-Test", "1")
	resp, err := srv.Client().Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(b), resp.Header
}

func TestTokenCheck(t *testing.T) {
	_, srv := newKit(t, fake.Config{Schemes: []string{"Token", "Bearer"}, Challenge: `Token realm="x"`, MissingToken: "none", InvalidToken: "bad"})
	for _, auth := range []string{"Token tok", "bearer tok", "TOKEN tok"} {
		status, _, _ := do(t, srv, "GET", "/api/x", auth, "")
		assert.Equal(t, http.StatusOK, status, auth)
	}
	status, body, h := do(t, srv, "GET", "/api/x", "", "")
	assert.Equal(t, http.StatusUnauthorized, status)
	assert.JSONEq(t, `{"status": 401, "message": "none"}`, body)
	assert.Equal(t, `Token realm="x"`, h.Get("WWW-Authenticate"))
	for _, auth := range []string{"Token other", "Basic tok", "Token", "tok"} {
		status, body, _ = do(t, srv, "GET", "/api/x", auth, "")
		assert.Equal(t, http.StatusUnauthorized, status, auth)
		assert.JSONEq(t, `{"status": 401, "message": "bad"}`, body, auth)
	}
}

func TestFailNextMatchesMethodAndPath(t *testing.T) {
	k, srv := newKit(t, fake.Config{Schemes: []string{"Bearer"}})
	k.FailNext(fake.Failure{Method: "POST", Path: "/agents/{agent_id}.json", Status: 503, Times: 2})
	k.FailNext(fake.Failure{Path: "/chats/<chat_id>/*", Status: 418, Body: []byte("teapot")})

	status, _, _ := do(t, srv, "GET", "/api/agents/4.json", "Bearer tok", "")
	assert.Equal(t, http.StatusOK, status, "another method")
	status, _, _ = do(t, srv, "POST", "/api/agents/4/x.json", "Bearer tok", "")
	assert.Equal(t, http.StatusOK, status, "a placeholder is one segment")
	status, body, h := do(t, srv, "POST", "/api/agents/4.json", "Bearer tok", "")
	assert.Equal(t, http.StatusServiceUnavailable, status)
	assert.JSONEq(t, `{"status": 503, "message": "`+fake.InjectedMessage+`"}`, body)
	assert.Equal(t, "0", h.Get("Retry-After"))
	status, _, _ = do(t, srv, "POST", "/api/agents/5.json", "", "")
	assert.Equal(t, http.StatusUnauthorized, status, "the token is checked first and uses no failure")
	status, _, _ = do(t, srv, "POST", "/api/agents/5.json", "Bearer tok", "")
	assert.Equal(t, http.StatusServiceUnavailable, status)
	status, _, _ = do(t, srv, "POST", "/api/agents/5.json", "Bearer tok", "")
	assert.Equal(t, http.StatusOK, status, "Times used up")

	status, body, _ = do(t, srv, "DELETE", "/api/chats/7/tags", "Bearer tok", "")
	assert.Equal(t, http.StatusTeapot, status)
	assert.Equal(t, "teapot", body, "Body is sent as is")
	status, _, _ = do(t, srv, "DELETE", "/api/chats/7/tags", "Bearer tok", "")
	assert.Equal(t, http.StatusOK, status, "Times 0 means once")

	k.FailNext(fake.Failure{Status: 500, Times: 3})
	k.ClearFailures()
	status, _, _ = do(t, srv, "GET", "/api/x", "Bearer tok", "")
	assert.Equal(t, http.StatusOK, status)
}

func TestRequestsAreRecorded(t *testing.T) {
	k, srv := newKit(t, fake.Config{Schemes: []string{"Bearer"}})
	do(t, srv, "POST", "/api/agents/4.json?a=1&a=2", "Bearer tok", `{"x":1}`)
	do(t, srv, "GET", "/api/agents.json", "", "")
	reqs := k.Requests()
	require.Len(t, reqs, 2)
	r := reqs[0]
	assert.Equal(t, "POST", r.Method)
	assert.Equal(t, "/agents/4.json", r.Path, "below the prefix")
	assert.Equal(t, []string{"1", "2"}, r.Query["a"])
	assert.Equal(t, "1", r.Header.Get("X-Test"))
	assert.Empty(t, r.Header.Values("Authorization"), "the token is not recorded")
	assert.Equal(t, `{"x":1}`, string(r.Body))
	assert.Equal(t, clock, r.Time)
	assert.Equal(t, http.StatusOK, r.Status)
	assert.Equal(t, http.StatusUnauthorized, reqs[1].Status, "rejected requests are recorded")

	reqs[0].Body[0] = 'X'
	reqs[0].Query.Set("a", "changed")
	assert.Equal(t, `{"x":1}`, string(k.Requests()[0].Body), "Requests returns copies")
	assert.Equal(t, "1", k.Requests()[0].Query.Get("a"))

	assert.Equal(t, 1, k.RequestCount("POST", "/agents/{agent_id}.json"))
	assert.Equal(t, 1, k.RequestCount("get", ""))
	assert.Equal(t, 2, k.RequestCount("", ""))
	assert.Equal(t, 0, k.RequestCount("", "/agents"))
}

func TestBodyLimit(t *testing.T) {
	k, srv := newKit(t, fake.Config{Schemes: []string{"Bearer"}, MaxBody: 8})
	assert.Equal(t, int64(8), k.MaxBody())
	status, body, _ := do(t, srv, "POST", "/api/x", "Bearer tok", "12345678")
	assert.Equal(t, http.StatusOK, status)
	assert.JSONEq(t, `{"echo": "12345678"}`, body, "the handler reads the buffered body")
	status, body, _ = do(t, srv, "POST", "/api/x", "Bearer tok", "123456789")
	assert.Equal(t, http.StatusRequestEntityTooLarge, status)
	assert.Contains(t, body, "too large")
	assert.Equal(t, fake.DefaultMaxBody, int(fake.New(fake.Config{}).MaxBody()))
}

func TestBeforeAuthAnswersFirst(t *testing.T) {
	_, srv := newKit(t, fake.Config{Schemes: []string{"Bearer"}, BeforeAuth: func(w http.ResponseWriter, r *http.Request) bool {
		if r.URL.Path == "/api/unknown" {
			fake.WriteJSON(w, http.StatusNotFound, map[string]string{"detail": "Not found."})
			return false
		}
		return true
	}})
	status, _, _ := do(t, srv, "GET", "/api/unknown", "", "")
	assert.Equal(t, http.StatusNotFound, status)
	status, _, _ = do(t, srv, "GET", "/api/known", "", "")
	assert.Equal(t, http.StatusUnauthorized, status)
}

func TestWriteJSON(t *testing.T) {
	rec := httptest.NewRecorder()
	fake.WriteJSON(rec, http.StatusCreated, map[string]int{"a": 1})
	assert.Equal(t, http.StatusCreated, rec.Code)
	assert.Equal(t, "application/json", rec.Header().Get("Content-Type"))
	assert.JSONEq(t, `{"a": 1}`, rec.Body.String())

	rec = httptest.NewRecorder()
	fake.WriteJSON(rec, http.StatusNoContent, map[string]int{"a": 1})
	assert.Equal(t, http.StatusNoContent, rec.Code)
	assert.Empty(t, rec.Body.String())

	rec = httptest.NewRecorder()
	fake.WriteJSON(rec, http.StatusOK, func() {})
	assert.Equal(t, http.StatusInternalServerError, rec.Code)
}

func TestRouter(t *testing.T) {
	rt := fake.NewRouter("/api/v1")
	var got string
	h := func(name string) fake.HandlerFunc {
		return func(_ http.ResponseWriter, _ *http.Request, p fake.Params) { got = name + " " + p["agent_id"] }
	}
	rt.Handle("GET", "/agents/{agent_id}.json", h("get"))
	rt.Handle("PATCH", "/agents/{agent_id}.json", h("patch"))
	rt.Handle("POST", "/agents/invite.json", h("invite"))
	rt.Handle("GET", "/agents/invite.json", h("literal"))

	lookup := func(method, target string) (int, []string) {
		r := httptest.NewRequest(method, target, nil)
		hf, p, status, allow := rt.Lookup(r)
		got = ""
		if hf != nil {
			hf(nil, r, p)
		}
		return status, allow
	}
	status, _ := lookup("GET", "/api/v1/agents/4.json")
	assert.Equal(t, 0, status)
	assert.Equal(t, "get 4", got)
	lookup("GET", "/api/v1/agents/invite.json")
	assert.Equal(t, "literal ", got, "a literal segment beats a capture")
	lookup("GET", "/api/v1/agents/a%2Fb.json")
	assert.Equal(t, "get a/b", got, "an escaped slash stays in its segment")
	status, allow := lookup("DELETE", "/api/v1/agents/4.json")
	assert.Equal(t, http.StatusMethodNotAllowed, status)
	assert.ElementsMatch(t, []string{"GET", "PATCH"}, allow)
	for _, target := range []string{"/api/v1/agents/4", "/api/v1/agents/4.json/x", "/api/v2/agents/4.json", "/api/v1"} {
		status, _ = lookup("GET", target)
		assert.Equal(t, http.StatusNotFound, status, target)
	}
}
