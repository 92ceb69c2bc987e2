package giosg_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/giosg"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// countingServer answers with handler and counts the requests its handler
// saw and the connections it accepted.
type countingServer struct {
	*httptest.Server
	requests atomic.Int64
	conns    atomic.Int64
}

func newCountingServer(t *testing.T, handler func(s *countingServer, w http.ResponseWriter, r *http.Request)) *countingServer {
	t.Helper()
	s := &countingServer{}
	s.Server = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.requests.Add(1)
		handler(s, w, r)
	}))
	s.Config.ConnState = func(_ net.Conn, st http.ConnState) {
		if st == http.StateNew {
			s.conns.Add(1)
		}
	}
	s.Start()
	t.Cleanup(s.Close)
	return s
}

func writePage(t *testing.T, w http.ResponseWriter, next string, tags ...string) {
	page := map[string]any{"next": nil, "previous": nil, "results": []map[string]any{}}
	if next != "" {
		page["next"] = next
	}
	results := []map[string]any{}
	for _, name := range tags {
		results = append(results, map[string]any{"name": name, "created_at": "2016-09-01T11:31:36.042Z"})
	}
	page["results"] = results
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(page); err != nil {
		t.Error(err)
	}
}

var userScope = giosg.UserChats(userID)

// pageCap caps the walks of these tests, so that a regression that loops
// ends with ErrPageLimit instead of hanging.
var pageCap = &giosg.ListOptions{MaxPages: 10}

// pagingCtx ends with the test or after 10 seconds, whichever is first.
func pagingCtx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// collect ranges over seq and returns the tag names before the first error.
func collect(seq func(func(giosg.ChatTag, error) bool)) ([]string, error) {
	var names []string
	for tag, err := range seq {
		if err != nil {
			return names, err
		}
		names = append(names, tag.Name)
	}
	return names, nil
}

// TestNextURLOnAnotherOriginIsNeverRequested points next at another host,
// another scheme and another port: the iterator yields the first page, then
// stops with ErrUnsafeNextURL without sending anything there.
func TestNextURLOnAnotherOriginIsNeverRequested(t *testing.T) {
	other := newCountingServer(t, func(_ *countingServer, w http.ResponseWriter, _ *http.Request) { writePage(t, w, "", "evil") })
	var next string
	base := newCountingServer(t, func(_ *countingServer, w http.ResponseWriter, _ *http.Request) { writePage(t, w, next, "Lead") })
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(base.URL, "http://"))
	path := "/api/v5/users/" + userID + "/chats/" + chatID + "/tags?cursor=2"
	for _, tc := range []struct{ name, next string }{
		// localhost reaches the same listener as 127.0.0.1: only the
		// base server's counters can tell whether it was requested.
		{"another host", "http://localhost:" + port + path},
		{"another scheme", "https://127.0.0.1:" + port + path},
		{"another port", other.URL + path},
		{"relative", path},
		{"user info", "http://user@127.0.0.1:" + port + path},
	} {
		t.Run(tc.name, func(t *testing.T) {
			next = tc.next
			base.requests.Store(0)
			conns := base.conns.Load()
			c := newTestClient(t, base.URL)
			names, err := collect(c.Tags.List(pagingCtx(t), userScope, chatID, nil))
			assert.Equal(t, []string{"Lead"}, names)
			require.ErrorIs(t, err, chatsdk.ErrUnsafeNextURL)
			assert.EqualValues(t, 1, base.requests.Load(), "only the first page was requested")
			assert.Equal(t, conns+1, base.conns.Load(), "no second connection to the base server")
			assert.EqualValues(t, 0, other.requests.Load())
			assert.EqualValues(t, 0, other.conns.Load())

			// The page-level call returns the next URL, and refuses to fetch it.
			p, err := c.Tags.ListPage(pagingCtx(t), userScope, chatID, nil)
			require.NoError(t, err)
			assert.Equal(t, tc.next, p.Next)
			_, err = c.Tags.ListPage(pagingCtx(t), userScope, chatID, &giosg.ListOptions{PageURL: p.Next})
			require.ErrorIs(t, err, chatsdk.ErrUnsafeNextURL)
			assert.EqualValues(t, 2, base.requests.Load())
			assert.EqualValues(t, 0, other.requests.Load())
		})
	}
}

// pagedServer serves tag pages by cursor: pages[cursor] is (items, next
// cursor); an empty next ends the list.
func pagedServer(t *testing.T, pages map[string]struct {
	items []string
	next  string
}) *countingServer {
	return newCountingServer(t, func(s *countingServer, w http.ResponseWriter, r *http.Request) {
		p, ok := pages[r.URL.Query().Get("cursor")]
		if !ok {
			http.NotFound(w, r)
			return
		}
		next := ""
		if p.next != "" {
			next = s.URL + r.URL.Path + "?cursor=" + p.next
		}
		writePage(t, w, next, p.items...)
	})
}

type pageSpec = struct {
	items []string
	next  string
}

func TestRepeatedNextEndsWithError(t *testing.T) {
	srv := pagedServer(t, map[string]pageSpec{
		"":  {[]string{"a"}, "2"},
		"2": {[]string{"b"}, "3"},
		"3": {[]string{"c"}, "2"},
	})
	c := newTestClient(t, srv.URL)
	names, err := collect(c.Tags.List(pagingCtx(t), userScope, chatID, pageCap))
	assert.Equal(t, []string{"a", "b", "c"}, names)
	require.ErrorIs(t, err, chatsdk.ErrRepeatedCursor)
	assert.EqualValues(t, 3, srv.requests.Load())
}

// TestNextPointingAtFirstPage covers the documented invitation and
// conversation starter examples, whose next is the list's own URL: the page
// is yielded once, then the iterator stops without fetching it again.
func TestNextPointingAtFirstPage(t *testing.T) {
	srv := newCountingServer(t, func(s *countingServer, w http.ResponseWriter, r *http.Request) {
		writePage(t, w, s.URL+r.URL.Path, "Lead")
	})
	c := newTestClient(t, srv.URL)
	names, err := collect(c.Tags.List(pagingCtx(t), userScope, chatID, pageCap))
	assert.Equal(t, []string{"Lead"}, names)
	require.ErrorIs(t, err, chatsdk.ErrRepeatedCursor)
	assert.EqualValues(t, 1, srv.requests.Load())
}

func TestEmptyPageWithNextContinues(t *testing.T) {
	srv := pagedServer(t, map[string]pageSpec{
		"":  {nil, "2"},
		"2": {nil, "3"},
		"3": {[]string{"a", "b"}, ""},
	})
	c := newTestClient(t, srv.URL)
	names, err := collect(c.Tags.List(pagingCtx(t), userScope, chatID, pageCap))
	require.NoError(t, err)
	assert.Equal(t, []string{"a", "b"}, names)
	assert.EqualValues(t, 3, srv.requests.Load())
}

func TestPageCap(t *testing.T) {
	srv := pagedServer(t, map[string]pageSpec{
		"":  {[]string{"a"}, "2"},
		"2": {[]string{"b"}, "3"},
		"3": {[]string{"c"}, ""},
	})
	c := newTestClient(t, srv.URL)
	names, err := collect(c.Tags.List(pagingCtx(t), userScope, chatID, &giosg.ListOptions{MaxPages: 2}))
	assert.Equal(t, []string{"a", "b"}, names)
	require.ErrorIs(t, err, chatsdk.ErrPageLimit)
	assert.EqualValues(t, 2, srv.requests.Load())

	// A cap that is not reached changes nothing.
	names, err = collect(c.Tags.List(pagingCtx(t), userScope, chatID, &giosg.ListOptions{MaxPages: 3}))
	require.NoError(t, err)
	assert.Equal(t, []string{"a", "b", "c"}, names)
}

// TestPageURLResumes starts an iterator from a page's next URL, and fetches
// a page by its next URL without sending the filters again.
func TestPageURLResumes(t *testing.T) {
	var queries []string
	var mu sync.Mutex
	srv := newCountingServer(t, func(s *countingServer, w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		queries = append(queries, r.URL.RawQuery)
		mu.Unlock()
		if r.URL.Query().Get("cursor") == "" {
			writePage(t, w, s.URL+r.URL.Path+"?cursor=2&is_ended=false", "a")
			return
		}
		writePage(t, w, "", "b")
	})
	c := newTestClient(t, srv.URL)
	ctx := pagingCtx(t)
	params := &giosg.ChatListParams{IsEnded: chatsdk.Ptr(false), ListOptions: *pageCap}
	first, err := c.Chats.ListPage(ctx, userScope, params)
	require.NoError(t, err)
	params.PageURL = first.Next
	second, err := c.Chats.ListPage(ctx, userScope, params)
	require.NoError(t, err)
	assert.Empty(t, second.Next)
	var ids []string
	for chat, err := range c.Chats.List(ctx, userScope, params) {
		require.NoError(t, err)
		ids = append(ids, chat.ID)
	}
	assert.Len(t, ids, 1)
	assert.Equal(t, []string{"is_ended=false", "cursor=2&is_ended=false", "cursor=2&is_ended=false"}, queries)
}

func TestCancelStopsIteration(t *testing.T) {
	t.Run("between items", func(t *testing.T) {
		srv := newCountingServer(t, func(s *countingServer, w http.ResponseWriter, r *http.Request) {
			n, _ := strconv.Atoi(r.URL.Query().Get("cursor"))
			writePage(t, w, fmt.Sprintf("%s%s?cursor=%d", s.URL, r.URL.Path, n+1), "a", "b", "c")
		})
		c := newTestClient(t, srv.URL)
		ctx, cancel := context.WithCancel(pagingCtx(t))
		defer cancel()
		seen := 0
		var last error
		for _, err := range c.Tags.List(ctx, userScope, chatID, pageCap) {
			if err != nil {
				last = err
				break
			}
			seen++
			if seen == 2 {
				cancel()
			}
		}
		assert.Equal(t, 2, seen, "no item after the cancel")
		require.ErrorIs(t, last, context.Canceled)
		assert.EqualValues(t, 1, srv.requests.Load())
	})
	t.Run("during a page fetch", func(t *testing.T) {
		release := make(chan struct{})
		defer close(release)
		srv := newCountingServer(t, func(s *countingServer, w http.ResponseWriter, r *http.Request) {
			if r.URL.Query().Get("cursor") == "" {
				writePage(t, w, s.URL+r.URL.Path+"?cursor=2", "a")
				return
			}
			select { // a slow page: block until the test ends
			case <-release:
			case <-r.Context().Done():
			}
		})
		c := newTestClient(t, srv.URL)
		ctx, cancel := context.WithCancel(pagingCtx(t))
		defer cancel()
		var last error
		done := make(chan struct{})
		go func() {
			defer close(done)
			for _, err := range c.Tags.List(ctx, userScope, chatID, pageCap) {
				if err != nil {
					last = err
					return
				}
				// Cancel while the next page is being fetched.
				time.AfterFunc(20*time.Millisecond, cancel)
			}
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatal("iteration did not stop after the context was cancelled")
		}
		require.ErrorIs(t, last, context.Canceled)
	})
}

// TestManyPagesEachItemOnce iterates 10,000 chats over 100 pages.
func TestManyPagesEachItemOnce(t *testing.T) {
	const pages, perPage = 100, 100
	srv := newCountingServer(t, func(s *countingServer, w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.URL.Query().Get("cursor"))
		results := make([]map[string]any, perPage)
		for i := range results {
			results[i] = map[string]any{"id": strconv.Itoa(n*perPage + i), "created_at": "2015-02-13T11:31:36.042"}
		}
		page := map[string]any{"next": nil, "previous": nil, "results": results}
		if n+1 < pages {
			page["next"] = fmt.Sprintf("%s%s?cursor=%d", s.URL, r.URL.Path, n+1)
		}
		_ = json.NewEncoder(w).Encode(page)
	})
	c := newTestClient(t, srv.URL)
	seen := map[string]int{}
	for chat, err := range c.Chats.List(pagingCtx(t), giosg.OrgOwnedChats(orgID), &giosg.ChatListParams{ListOptions: giosg.ListOptions{MaxPages: pages}}) {
		require.NoError(t, err)
		seen[chat.ID]++
	}
	assert.Len(t, seen, pages*perPage)
	for id, n := range seen {
		if n != 1 {
			t.Fatalf("chat %s yielded %d times", id, n)
		}
	}
	assert.EqualValues(t, pages, srv.requests.Load())
}

// TestPagesDecodeIntoFreshValues checks that an item yielded from one page
// is not changed by decoding the next page.
func TestPagesDecodeIntoFreshValues(t *testing.T) {
	srv := newCountingServer(t, func(s *countingServer, w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("cursor") == "" {
			fmt.Fprintf(w, `{"next":"%s%s?cursor=2","results":[{"id":"m1","message":"first","attachments":[{"text":"one","actions":[{"text":"Yes","type":"button","value":"yes","is_disabled_on_selection":true,"is_disabled_on_visitor_message":false}]}]}]}`, s.URL, r.URL.Path)
			return
		}
		fmt.Fprint(w, `{"next":null,"results":[{"id":"m2","attachments":[{}]}]}`)
	})
	c := newTestClient(t, srv.URL)
	var msgs []giosg.ChatMessage
	for m, err := range c.Messages.List(pagingCtx(t), userScope, chatID, &giosg.MessageListParams{ListOptions: *pageCap}) {
		require.NoError(t, err)
		msgs = append(msgs, m)
	}
	require.Len(t, msgs, 2)
	require.NotNil(t, msgs[0].Message)
	assert.Equal(t, "first", *msgs[0].Message)
	assert.Equal(t, "one", msgs[0].Attachments[0].Text)
	assert.Equal(t, "Yes", msgs[0].Attachments[0].Actions[0].Text)
	assert.Nil(t, msgs[1].Message)
	assert.Empty(t, msgs[1].Attachments[0].Actions)
}

func TestListErrorStopsIteration(t *testing.T) {
	srv := newCountingServer(t, func(_ *countingServer, w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusForbidden)
		fmt.Fprint(w, `{"detail":"You do not have an active subscription."}`)
	})
	c := newTestClient(t, srv.URL)
	_, err := collect(c.Tags.List(pagingCtx(t), userScope, chatID, nil))
	require.ErrorIs(t, err, chatsdk.ErrForbidden)
	var apiErr *chatsdk.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "You do not have an active subscription.", apiErr.Message)
	assert.Equal(t, "giosg.Tags.List", apiErr.Operation)
	assert.NotContains(t, err.Error(), testToken)
}
