package core

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/chatsdk-go/chatsdk"
	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRouteKeepsEachArgumentOneSegment(t *testing.T) {
	for _, id := range []string{"a/b", "..", ".", "x?y", "x#y", "50%", "a b", "../agents"} {
		_, p := Route("/agents/{agent_id}.json", id)
		c, err := NewClient(Defaults{API: "test", BaseURL: "https://api.example.test/api/v1", AuthScheme: "Bearer"}, "tok",
			chatsdk.WithHTTPClient(&http.Client{Transport: mockEcho(t)}))
		require.NoError(t, err)
		var got struct{ Path string }
		_, err = c.Do(context.Background(), &Request{Operation: "test", Method: http.MethodGet, Path: p}, &got)
		require.NoError(t, err)
		assert.Equal(t, "/api/v1"+p, got.Path, "id %q", id)
	}
}

// mockEcho answers every request with its escaped path.
func mockEcho(t *testing.T) *httpmock.MockTransport {
	t.Helper()
	mt := httpmock.NewMockTransport()
	mt.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
		return httpmock.NewJsonResponse(200, map[string]string{"Path": r.URL.EscapedPath()})
	})
	return mt
}

type agentID string

func (a agentID) String() string { return "agent-" + string(a) }

// routePath is the path Route builds from template and args.
func routePath(template string, args ...any) string {
	_, p := Route(template, args...)
	return p
}

func TestRouteArgumentKinds(t *testing.T) {
	assert.Equal(t, "/agents/4.json", routePath("/agents/{agent_id}.json", 4))
	assert.Equal(t, "/agents/4.json", routePath("/agents/{agent_id}.json", int64(4)))
	assert.Equal(t, "/agents/4.json", routePath("/agents/{agent_id}.json", uint(4)))
	assert.Equal(t, "/agents/agent-x%2Fy.json", routePath("/agents/{agent_id}.json", agentID("x/y")), "Stringer values are escaped too")
	assert.Equal(t, "/users/a%2Fb/chats/..%2F..", routePath("/users/{user_id}/chats/{chat_id}", "a/b", "../.."))
	assert.Equal(t, "/tags/%2E", routePath("/tags/{tag_name}", "."))
	assert.Equal(t, "/static", routePath("/static"))
}

func TestPathSegment(t *testing.T) {
	for in, want := range map[string]string{
		"plain":     "plain",
		"a/b":       "a%2Fb",
		"..":        "%2E%2E",
		".":         "%2E",
		"...":       "...",
		"x?y":       "x%3Fy",
		"x#y":       "x%23y",
		"50%":       "50%25",
		"a b":       "a%20b",
		"%2F":       "%252F",
		"ä":         "%C3%A4",
		"a;b=c":     "a%3Bb=c",
		"tag+name":  "tag+name",
		"":          "",
		"\\evil":    "%5Cevil",
		"..%2Fetc":  "..%252Fetc",
		"a\x00b\nc": "a%00b%0Ac",
	} {
		got := PathSegment(in)
		assert.Equal(t, want, got, "%q", in)
		back, err := url.PathUnescape(got)
		require.NoError(t, err)
		if in != "." && in != ".." {
			assert.Equal(t, in, back, "%q round-trips", in)
		}
		assert.NotContains(t, got, "/")
		assert.NotContains(t, got, "?")
		assert.NotContains(t, got, "#")
	}
}

func TestRouteOverHTTPServerSeesOneSegment(t *testing.T) {
	ids := []string{"a/b", "..", ".", "x?y", "x#y", "50%", "a b", "../agents", "%2e%2e", "a%2Fb"}
	seen := make(chan []string, len(ids))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen <- strings.Split(strings.TrimPrefix(r.URL.EscapedPath(), "/api/v1/"), "/")
		_, _ = io.WriteString(w, `{}`)
	}))
	defer srv.Close()
	c := newTestClient(t, srv.URL+"/api/v1")
	for _, id := range ids {
		_, err := c.Do(context.Background(), &Request{Operation: "test", Method: http.MethodGet, Route: "/agents/{agent_id}/groups.json", PathParams: []any{id}}, nil)
		require.NoError(t, err, "%q", id)
		segs := <-seen
		require.Len(t, segs, 3, "%q: %v", id, segs)
		assert.Equal(t, "agents", segs[0])
		assert.Equal(t, "groups.json", segs[2])
		got, err := url.PathUnescape(segs[1])
		require.NoError(t, err)
		if id == "." || id == ".." {
			assert.Equal(t, strings.Repeat(".", len(id)), got)
		} else {
			assert.Equal(t, id, got)
		}
	}
}

// TestRouteMatchesFmt: each parameter becomes PathSegment(fmt.Sprint(arg)).
func TestRouteMatchesFmt(t *testing.T) {
	for _, tc := range []struct {
		template, format string
		args             []any
	}{
		{"/agents/{agent_id}.json", "/agents/%s.json", []any{"a/b"}},
		{"/agents/{agent_id}/groups/{group_id}", "/agents/%s/groups/%s", []any{4, "x y"}},
		{"/100%/{id}", "/100%%/%s", []any{"50%"}},
		{"/static", "/static", nil},
		{"/{a}{b}", "/%s%s", []any{"..", "."}},
	} {
		escaped := make([]any, len(tc.args))
		for i, a := range tc.args {
			escaped[i] = PathSegment(fmt.Sprint(a))
		}
		assert.Equal(t, fmt.Sprintf(tc.format, escaped...), routePath(tc.template, tc.args...), "%q %v", tc.template, tc.args)
	}
}
