package giosgtest_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/chatsdk-go/chatsdk/giosg"
	"github.com/chatsdk-go/chatsdk/giosg/giosgtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rawPage is a list answer as sent.
type rawPage struct {
	Next     *string           `json:"next"`
	Previous *string           `json:"previous"`
	Results  []json.RawMessage `json:"results"`
}

// get sends an authorized GET to srv (path or absolute URL) and decodes the
// answer into out when it is non-nil. It returns the status.
func get(t testing.TB, srv *giosgtest.Server, pathOrURL string, out any) int {
	t.Helper()
	return send(t, srv, http.MethodGet, pathOrURL, "", out)
}

// send sends an authorized request with a JSON body ("" for none).
func send(t testing.TB, srv *giosgtest.Server, method, pathOrURL, body string, out any) int {
	t.Helper()
	u := pathOrURL
	if !strings.HasPrefix(u, "http") {
		u = srv.BaseURL + u
	}
	var rd *strings.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	var req *http.Request
	var err error
	if rd != nil {
		req, err = http.NewRequest(method, u, rd)
	} else {
		req, err = http.NewRequest(method, u, nil)
	}
	require.NoError(t, err)
	req.Header.Set("Authorization", "Token "+srv.Token)
	resp, err := srv.Client().Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	if out != nil {
		require.NoError(t, json.NewDecoder(resp.Body).Decode(out), "%s %s", method, u)
	}
	return resp.StatusCode
}

// TestTenThousandChatsOverHundredPages is the test: iterating
// 10,000 chats over 100 pages yields each exactly once.
func TestTenThousandChatsOverHundredPages(t *testing.T) {
	srv := giosgtest.NewServer(giosgtest.WithoutExamples(), giosgtest.WithPageSize(100))
	defer srv.Close()
	ids := srv.SeedChats(10000)
	c := newClient(t, srv)

	seen := make(map[string]int, len(ids))
	for ch, err := range c.Chats.List(context.Background(), giosg.UserChats(giosgtest.UserID), nil) {
		require.NoError(t, err)
		seen[ch.ID]++
	}
	require.Len(t, seen, 10000)
	for _, id := range ids {
		require.Equal(t, 1, seen[id], "chat %s", id)
	}
	assert.Equal(t, 100, srv.RequestCount("GET", "/api/v5/users/<user_id>/chats"), "pages fetched")
}

// TestNextStaysOnServer: next and previous are absolute URLs on BaseURL,
// whatever Host the request claims, and keep the other query parameters.
func TestNextStaysOnServer(t *testing.T) {
	srv := giosgtest.NewServer(giosgtest.WithPageSize(2))
	defer srv.Close()
	srv.SeedChats(7)
	base, err := url.Parse(srv.BaseURL)
	require.NoError(t, err)

	req, err := http.NewRequest(http.MethodGet, srv.BaseURL+"/api/v5/orgs/"+giosgtest.OrgID+"/owned_chats?is_ended=false", nil)
	require.NoError(t, err)
	req.Host = "evil.example.com"
	req.Header.Set("Authorization", "Token "+srv.Token)
	resp, err := srv.Client().Do(req)
	require.NoError(t, err)
	var p rawPage
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&p))
	resp.Body.Close()

	pages := 1
	for p.Next != nil {
		next, err := url.Parse(*p.Next)
		require.NoError(t, err)
		assert.Equal(t, base.Scheme, next.Scheme)
		assert.Equal(t, base.Host, next.Host)
		assert.Equal(t, "false", next.Query().Get("is_ended"), "filters are kept")
		assert.NotEmpty(t, next.Query().Get("cursor"))
		var q rawPage
		require.Equal(t, http.StatusOK, get(t, srv, *p.Next, &q))
		require.NotNil(t, q.Previous, "a later page links back")
		prev, err := url.Parse(*q.Previous)
		require.NoError(t, err)
		assert.Equal(t, base.Host, prev.Host)
		p = q
		pages++
	}
	assert.Equal(t, 6, pages, "4 open example chats in RoomID + 7 seeded = 11 open owned chats (EndedChatID filtered out) in pages of 2")
}

// TestPreviousLinks walks forward then back and sees the same pages.
func TestPreviousLinks(t *testing.T) {
	srv := giosgtest.NewServer(giosgtest.WithoutExamples(), giosgtest.WithPageSize(3))
	defer srv.Close()
	srv.SeedChats(8)
	first := "/api/v5/users/" + giosgtest.UserID + "/chats?ordering=created_at"
	var forward [][]json.RawMessage
	var last rawPage
	for u := first; ; {
		var p rawPage
		require.Equal(t, http.StatusOK, get(t, srv, u, &p))
		forward = append(forward, p.Results)
		last = p
		if p.Next == nil {
			break
		}
		u = *p.Next
	}
	require.Len(t, forward, 3)
	assert.Len(t, forward[2], 2)
	var p rawPage
	require.NotNil(t, last.Previous)
	require.Equal(t, http.StatusOK, get(t, srv, *last.Previous, &p))
	assert.Equal(t, forward[1], p.Results)
	require.NotNil(t, p.Previous)
	require.Equal(t, http.StatusOK, get(t, srv, *p.Previous, &p))
	assert.Equal(t, forward[0], p.Results)
	assert.Nil(t, p.Previous, "the first page has no previous")
}

// TestCursorSurvivesInserts: chats created during an iteration (newest
// first) do not make it repeat or skip any chat that existed.
func TestCursorSurvivesInserts(t *testing.T) {
	srv := giosgtest.NewServer(giosgtest.WithoutExamples(), giosgtest.WithPageSize(4))
	defer srv.Close()
	ids := srv.SeedChats(20)
	c := newClient(t, srv)
	seen := map[string]int{}
	n := 0
	for ch, err := range c.Chats.List(context.Background(), giosg.OrgOwnedChats(giosgtest.OrgID), nil) {
		require.NoError(t, err)
		seen[ch.ID]++
		if n++; n%4 == 0 {
			srv.AddPendingChat("a new chat during the iteration")
		}
	}
	for _, id := range ids {
		assert.Equal(t, 1, seen[id], id)
	}
	assert.Len(t, seen, 20, "chats newer than the first page are not listed")
}

func TestInvalidCursor(t *testing.T) {
	srv := giosgtest.NewServer()
	defer srv.Close()
	var e map[string]string
	assert.Equal(t, http.StatusNotFound, get(t, srv, "/api/v5/users/"+giosgtest.UserID+"/chats?cursor=bogus", &e))
	assert.Equal(t, "Invalid cursor", e["detail"])
}

func TestSmallDefaultPages(t *testing.T) {
	srv := giosgtest.NewServer()
	defer srv.Close()
	var p rawPage
	require.Equal(t, http.StatusOK, get(t, srv, "/api/v5/users/"+giosgtest.UserID+"/chats/"+giosgtest.ChatID+"/messages", &p))
	assert.Len(t, p.Results, giosgtest.DefaultPageSize)
	require.NotNil(t, p.Next)
	assert.True(t, strings.HasPrefix(*p.Next, srv.BaseURL+"/api/v5/users/"), *p.Next)
	assert.Nil(t, p.Previous)
}
