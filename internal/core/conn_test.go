package core

import (
	"context"
	"io"
	"net/http"
	"net/http/httptrace"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/chatsdk-go/chatsdk"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSequentialCallsReuseOneConnection proves that every kind of answer has
// its body drained and closed: all calls travel over one keep-alive
// connection.
func TestSequentialCallsReuseOneConnection(t *testing.T) {
	var mu sync.Mutex
	failures := map[string]int{}
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		mu.Lock()
		n := failures[r.URL.Path]
		failures[r.URL.Path]++
		mu.Unlock()
		switch r.URL.Path {
		case "/ok":
			_, _ = io.WriteString(w, `{"id":"1"}`+"\n"+strings.Repeat(" ", 10<<10))
		case "/big":
			_, _ = io.WriteString(w, `{"id":"1","pad":"`+strings.Repeat("x", 40<<10)+`"}`)
		case "/missing":
			w.WriteHeader(http.StatusNotFound)
			_, _ = io.WriteString(w, `{"detail":"`+strings.Repeat("n", 30<<10)+`"}`)
		case "/flaky":
			if n%3 < 2 {
				w.WriteHeader(http.StatusServiceUnavailable)
				_, _ = io.WriteString(w, "<html>"+strings.Repeat("busy ", 4<<10)+"</html>")
				return
			}
			_, _ = io.WriteString(w, `{"id":"2"}`)
		case "/down":
			w.WriteHeader(http.StatusBadGateway)
			_, _ = io.WriteString(w, strings.Repeat("down ", 2<<10))
		case "/created":
			w.WriteHeader(http.StatusCreated)
			_, _ = io.WriteString(w, `{"id":"3"}`)
		case "/nocontent":
			w.WriteHeader(http.StatusNoContent)
		case "/baddecode":
			_, _ = io.WriteString(w, `{"id":5}`+strings.Repeat(" ", 8<<10))
		}
	})
	c := newTestClient(t, srv.URL, chatsdk.WithMaxRetries(2))

	var reused, fresh atomic.Int32
	ctx := httptrace.WithClientTrace(context.Background(), &httptrace.ClientTrace{
		GotConn: func(info httptrace.GotConnInfo) {
			if info.Reused {
				reused.Add(1)
			} else {
				fresh.Add(1)
			}
		},
	})
	var out struct {
		ID string `json:"id"`
	}
	calls := 0
	for round := 0; round < 3; round++ {
		for _, r := range []*Request{get("/ok"), get("/big"), get("/missing"), get("/flaky"), get("/down"),
			post("/created"), get("/nocontent"), get("/baddecode"), post("/down")} {
			_, _ = c.Do(ctx, r, &out)
			calls++
		}
		_, err := c.Do(ctx, get("/ok"), nil)
		require.NoError(t, err)
		calls++
	}
	assert.Equal(t, int32(1), srv.conns.Load(), "server accepted one connection")
	assert.Equal(t, int32(1), fresh.Load(), "client dialled once")
	assert.Greater(t, reused.Load(), int32(calls-1), "every later attempt reused it")
}

func TestCallOptionsDoNotChangeTheConnection(t *testing.T) {
	srv := newCountingServer(t, statusSequence())
	c := newTestClient(t, srv.URL)
	for i := 0; i < 5; i++ {
		_, err := c.Do(ctxBG(), get("/a"), nil, chatsdk.WithTimeout(10e9), chatsdk.WithRequestHeader("X-A", "b"))
		require.NoError(t, err)
	}
	assert.Equal(t, int32(1), srv.conns.Load())
}
