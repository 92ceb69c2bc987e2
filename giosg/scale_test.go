package giosg_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/chatsdk-go/chatsdk/giosg"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// chatPages serves the chats of userID in pages of perPage generated on
// the fly, pages of them in all, each page but the last with a next link
// on the server's own origin.
func chatPages(t *testing.T, pages, perPage int) *countingServer {
	t.Helper()
	path := "/api/v5/users/" + userID + "/chats"
	return newCountingServer(t, func(s *countingServer, w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != path {
			http.NotFound(w, r)
			return
		}
		n := 0
		if c := r.URL.Query().Get("cursor"); c != "" {
			var err error
			if n, err = strconv.Atoi(c); err != nil {
				http.Error(w, "bad cursor", http.StatusBadRequest)
				return
			}
		}
		var b bytes.Buffer
		b.WriteString(`{"next":`)
		if n+1 < pages {
			fmt.Fprintf(&b, `"%s%s?cursor=%d"`, s.URL, path, n+1)
		} else {
			b.WriteString("null")
		}
		b.WriteString(`,"previous":null,"results":[`)
		for i := 0; i < perPage; i++ {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, `{"id":"chat-%08d","created_at":"2016-09-01T11:31:36.042Z","updated_at":"2016-09-01T11:32:00.000Z",`+
				`"is_ended":false,"room_id":"room-1","room_name":"Main","chat_type":"visitor","is_private":false}`, n*perPage+i)
		}
		b.WriteString("]}")
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(b.Bytes())
	})
}

// liveHeap collects garbage and returns the bytes the heap still holds.
// Two collections: the first moves what sync.Pools hold to their victim
// caches, the second frees it.
func liveHeap() int64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc) //nolint:gosec // a heap size fits in int64
}

// TestChatIteratorHoldsAboutOnePage ranges over 100,000 chats served in
// 1,000 pages of 100. The iterator keeps only the page it is on: the live
// heap, sampled from the ranging goroutine after a forced collection every
// 2,000 chats, never grows by more than 2.5 times what one decoded page
// takes (measured 1.7 to 1.95: the page in hand, buffers of a fixed size,
// and the cursor hashes), and in the middle of the first page it has grown
// by about one page (0.9 measured). From there to the end of the walk only
// the set of cursor hashes the iterator keeps to detect loops grows. An
// iterator that kept the chats it had yielded would hold 1,000 pages.
func TestChatIteratorHoldsAboutOnePage(t *testing.T) {
	const (
		pages   = 1000
		perPage = 100
		every   = 2000
	)
	srv := chatPages(t, pages, perPage)
	c := newTestClient(t, srv.URL)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()

	// One page's decoded size: the first page fetched held times over,
	// averaged so that the collector's noise is spread.
	const held = 10
	before := liveHeap()
	kept := make([]*giosg.Page[giosg.Chat], held)
	for i := range kept {
		p, err := c.Chats.ListPage(ctx, userScope, nil)
		require.NoError(t, err)
		require.Len(t, p.Results, perPage)
		kept[i] = p
	}
	pageBytes := (liveHeap() - before) / held
	runtime.KeepAlive(kept)
	require.Positive(t, pageBytes)

	base := liveHeap()
	var peak, firstPage int64
	n := 0
	for chat, err := range c.Chats.List(ctx, userScope, nil) {
		require.NoError(t, err)
		if want := fmt.Sprintf("chat-%08d", n); chat.ID != want {
			t.Fatalf("chat %d: ID %q, want %q", n, chat.ID, want)
		}
		n++
		if n == perPage/2 {
			firstPage = liveHeap() - base
		}
		if n%every == 0 {
			peak = max(peak, liveHeap()-base)
		}
	}
	assert.Equal(t, pages*perPage, n, "chats yielded")
	assert.EqualValues(t, pages+held, srv.requests.Load(), "pages requested")
	t.Logf("one page: %d bytes; in the first page: %d bytes; peak growth: %d bytes", pageBytes, firstPage, peak)
	assert.Less(t, peak, 5*pageBytes/2, "live heap growth while ranging, against one page")
	// From the first page to the last, the cursor hashes grow (a map entry
	// of 8 bytes and its share of the table: about 30 bytes a page), and the
	// buffers of the connection and the test server settle in the first
	// pages: 55 to 67 KB measured in all, half a page and 64 bytes a page
	// allowed.
	assert.Less(t, peak-firstPage, pageBytes/2+64*pages, "live heap growth from the first page to the 1,000th")
}
