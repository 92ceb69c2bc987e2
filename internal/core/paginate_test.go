package core

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/chatsdk-go/chatsdk"
	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pages serves fixed pages: page i holds items[i] and points at next[i].
type pages struct {
	items   [][]int
	next    []string
	fetched []string
}

func (p *pages) fetch(_ context.Context, cursor string) ([]int, string, error) {
	p.fetched = append(p.fetched, cursor)
	i := 0
	if cursor != "" {
		var err error
		if i, err = strconv.Atoi(cursor); err != nil {
			return nil, "", fmt.Errorf("bad cursor %q", cursor)
		}
	}
	return append([]int(nil), p.items[i]...), p.next[i], nil
}

// testMaxPages caps every walk of these tests, so that a regression that
// loops ends with ErrPageLimit instead of hanging.
const testMaxPages = 10

// boundedCtx ends with the test or after 10 seconds, whichever is first.
func boundedCtx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(ctxBG(), 10*time.Second)
	t.Cleanup(cancel)
	return ctx
}

func collect[T any](seq func(func(T, error) bool)) ([]T, error) {
	var got []T
	for v, err := range seq {
		if err != nil {
			return got, err
		}
		got = append(got, v)
	}
	return got, nil
}

func TestPaginateWalksAllPages(t *testing.T) {
	p := &pages{items: [][]int{{1, 2}, {}, {3}, {4, 5}}, next: []string{"1", "2", "3", ""}}
	got, err := collect(Paginate(boundedCtx(t), "test.Things.List", testMaxPages, p.fetch))
	require.NoError(t, err)
	assert.Equal(t, []int{1, 2, 3, 4, 5}, got, "an empty page with a next cursor continues")
	assert.Equal(t, []string{"", "1", "2", "3"}, p.fetched)
}

func TestPaginateIsLazy(t *testing.T) {
	p := &pages{items: [][]int{{1, 2}, {3, 4}, {5}}, next: []string{"1", "2", ""}}
	seq := Paginate(boundedCtx(t), "test.Things.List", testMaxPages, p.fetch)
	assert.Empty(t, p.fetched, "nothing fetched before ranging")
	for v, err := range seq {
		require.NoError(t, err)
		if v == 2 {
			break
		}
	}
	assert.Equal(t, []string{""}, p.fetched, "break stops fetching")

	p.fetched = nil
	for v, err := range seq {
		require.NoError(t, err)
		if v == 3 {
			break
		}
	}
	assert.Equal(t, []string{"", "1"}, p.fetched, "ranging again starts over")
}

func TestPaginateRepeatedCursor(t *testing.T) {
	for name, p := range map[string]*pages{
		"self loop":     {items: [][]int{{1}, {2}, {3}}, next: []string{"1", "1", ""}},
		"back to one":   {items: [][]int{{1}, {2}, {3}}, next: []string{"1", "2", "1"}},
		"back to start": {items: [][]int{{1}, {2}}, next: []string{"1", "0"}},
	} {
		got, err := collect(Paginate(boundedCtx(t), "test.Things.List", testMaxPages, p.fetch))
		require.ErrorIs(t, err, chatsdk.ErrRepeatedCursor, name)
		assert.Contains(t, err.Error(), "test.Things.List", name)
		assert.NotEmpty(t, got, "%s: earlier items were yielded", name)
		assert.LessOrEqual(t, len(p.fetched), 3, name)
	}
	// The first page's cursor is "": a next cursor of "" ends instead.
	p := &pages{items: [][]int{{1}, {2}}, next: []string{"1", "1"}}
	got, err := collect(Paginate(boundedCtx(t), "test.Things.List", testMaxPages, p.fetch))
	require.ErrorIs(t, err, chatsdk.ErrRepeatedCursor)
	assert.Equal(t, []int{1, 2}, got)
}

func TestPaginatePageLimit(t *testing.T) {
	p := &pages{items: [][]int{{1}, {2}, {3}, {4}}, next: []string{"1", "2", "3", ""}}
	got, err := collect(Paginate(boundedCtx(t), "test.Things.List", 2, p.fetch))
	require.ErrorIs(t, err, chatsdk.ErrPageLimit)
	assert.Equal(t, []int{1, 2}, got)
	assert.Len(t, p.fetched, 2)
	assert.Contains(t, err.Error(), "test.Things.List")

	p = &pages{items: [][]int{{1}, {2}}, next: []string{"1", ""}}
	got, err = collect(Paginate(boundedCtx(t), "test.Things.List", 2, p.fetch))
	require.NoError(t, err, "exactly maxPages pages is fine")
	assert.Equal(t, []int{1, 2}, got)
}

func TestPaginateFetchError(t *testing.T) {
	boom := errors.New("boom")
	calls := 0
	got, err := collect(Paginate(boundedCtx(t), "test.Things.List", testMaxPages, func(_ context.Context, cursor string) ([]int, string, error) {
		calls++
		if cursor == "" {
			return []int{1}, "next", nil
		}
		return nil, "", boom
	}))
	require.ErrorIs(t, err, boom)
	assert.Equal(t, []int{1}, got)
	assert.Equal(t, 2, calls)
}

func TestPaginateStopsWhenContextEnds(t *testing.T) {
	ctx, cancel := context.WithCancel(boundedCtx(t))
	defer cancel()
	fetches := 0
	seq := Paginate(ctx, "test.Things.List", testMaxPages, func(ctx context.Context, cursor string) ([]int, string, error) {
		fetches++
		return []int{1, 2, 3}, strconv.Itoa(fetches), nil // endless
	})
	start := time.Now()
	var got []int
	var err error
	for v, e := range seq {
		if e != nil {
			err = e
			break
		}
		got = append(got, v)
		if len(got) == 2 {
			cancel()
		}
	}
	assert.Less(t, time.Since(start), time.Second)
	require.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, []int{1, 2}, got, "no item after the cancel")
	assert.Equal(t, 1, fetches)
}

func TestPaginateOverHTTPRefusesForeignNextURL(t *testing.T) {
	mt := httpmock.NewMockTransport()
	c := newTestClient(t, "https://api.example.test/api/v5", chatsdk.WithHTTPClient(&http.Client{Transport: mt}))
	type page struct {
		Next    string `json:"next"`
		Results []int  `json:"results"`
	}
	fetch := func(first page) PageFunc[int] {
		return func(ctx context.Context, cursor string) ([]int, string, error) {
			if cursor == "" {
				return first.Results, first.Next, nil
			}
			var p page
			_, err := c.Do(ctx, &Request{Operation: "test.Chats.List", Method: http.MethodGet, URL: cursor}, &p)
			return p.Results, p.Next, err
		}
	}
	for _, next := range []string{
		"https://evil.test/api/v5/chats?cursor=2",
		"http://api.example.test/api/v5/chats?cursor=2",
		"https://api.example.test:8443/api/v5/chats?cursor=2",
	} {
		got, err := collect(Paginate(boundedCtx(t), "test.Chats.List", testMaxPages, fetch(page{Next: next, Results: []int{1}})))
		require.ErrorIs(t, err, chatsdk.ErrUnsafeNextURL, next)
		assert.Equal(t, []int{1}, got)
	}
	assert.Zero(t, mt.GetTotalCallCount(), "nothing sent")

	mt.RegisterResponder("GET", "https://api.example.test/api/v5/chats?cursor=2",
		httpmock.NewStringResponder(200, `{"next":null,"results":[2,3]}`))
	got, err := collect(Paginate(boundedCtx(t), "test.Chats.List", testMaxPages, fetch(page{Next: "https://api.example.test/api/v5/chats?cursor=2", Results: []int{1}})))
	require.NoError(t, err)
	assert.Equal(t, []int{1, 2, 3}, got)
	assert.Equal(t, 1, mt.GetTotalCallCount())
}

func TestPaginateFromCountsTheFirstCursorAsSeen(t *testing.T) {
	p := &pages{items: [][]int{{1, 2}, {3}}, next: []string{"1", "0"}}
	got, err := collect(PaginateFrom(boundedCtx(t), "op", testMaxPages, "0", p.fetch))
	require.ErrorIs(t, err, chatsdk.ErrRepeatedCursor)
	assert.Equal(t, []int{1, 2, 3}, got)
	assert.Equal(t, []string{"0", "1"}, p.fetched, "the first page is never fetched twice")
}
