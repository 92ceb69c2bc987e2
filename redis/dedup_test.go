package chatsdkredis_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/chatsdk-go/chatsdk/chatio/webhook"
	chatsdkredis "github.com/chatsdk-go/chatsdk/redis"
)

const (
	testWebhookID = "wh-1"
	testSecret    = "s3cret"
)

// threadClosed is the body of a thread_closed delivery for thread i.
func threadClosed(t *testing.T, i int) []byte {
	t.Helper()
	b, err := json.Marshal(map[string]any{
		"webhook_id": testWebhookID, "secret_key": testSecret, "action": "thread_closed",
		"data": map[string]string{"chat_id": "chat-1", "thread_id": fmt.Sprint("thread-", i)},
	})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// deliver posts body to url until it is answered 200, as chat.io
// redelivers a webhook answered with an error.
func deliver(t *testing.T, url string, body []byte) error {
	for attempt := 0; attempt < 5; attempt++ {
		resp, err := http.Post(url, "application/json", bytes.NewReader(body))
		if err != nil {
			return err
		}
		_ = resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			return nil
		}
	}
	return errors.New("still failing after 5 deliveries")
}

// threadLog counts handler runs and successes per thread, across replicas.
type threadLog struct {
	mu        sync.Mutex
	runs      map[string]int
	successes map[string]int
	// failFirst lists threads whose first run fails.
	failFirst map[string]bool
}

func newThreadLog() *threadLog {
	return &threadLog{runs: map[string]int{}, successes: map[string]int{}, failFirst: map[string]bool{}}
}

func (l *threadLog) handle(_ context.Context, _ *webhook.Webhook, p *webhook.ThreadClosed) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.runs[p.ThreadID]++
	if l.failFirst[p.ThreadID] && l.runs[p.ThreadID] == 1 {
		return errors.New("first run fails")
	}
	l.successes[p.ThreadID]++
	return nil
}

func newReplica(t *testing.T, store webhook.DedupStore, log *threadLog) (*webhook.Handler, *httptest.Server) {
	t.Helper()
	h, err := webhook.NewHandler(webhook.Secrets{testWebhookID: testSecret}, webhook.WithDeduplication(store, time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	h.OnThreadClosed(log.handle)
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return h, srv
}

// 100 deliveries, each sent 5 times, spread over two replicas sharing
// Redis: each is handled exactly once; a failed run releases its claim and
// the redelivery is handled once.
func TestDedupStoreSharedAcrossReplicas(t *testing.T) {
	addr := sharedRedisAddr(t)
	prefix := testPrefix(t)
	log := newThreadLog()
	const deliveries, copies = 100, 5
	for i := 0; i < deliveries; i += 10 {
		log.failFirst[fmt.Sprint("thread-", i)] = true
	}
	var urls []string
	var handlers []*webhook.Handler
	for r := 0; r < 2; r++ {
		h, srv := newReplica(t, chatsdkredis.NewDedupStore(newRedisClient(t, addr), prefix), log)
		handlers = append(handlers, h)
		urls = append(urls, srv.URL)
	}
	var wg sync.WaitGroup
	for i := 0; i < deliveries; i++ {
		for c := 0; c < copies; c++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if err := deliver(t, urls[(i+c)%2], threadClosed(t, i)); err != nil {
					t.Errorf("delivery %d copy %d: %v", i, c, err)
				}
			}()
		}
	}
	wg.Wait()
	if len(log.successes) != deliveries {
		t.Fatalf("%d deliveries handled, want %d", len(log.successes), deliveries)
	}
	for id, n := range log.successes {
		if n != 1 {
			t.Errorf("%s handled %d times, want once", id, n)
		}
		want := 1
		if log.failFirst[id] {
			want = 2
		}
		if log.runs[id] != want {
			t.Errorf("%s ran %d times, want %d", id, log.runs[id], want)
		}
	}
	for i, h := range handlers {
		if n := h.DedupErrors(); n != 0 {
			t.Errorf("replica %d: %d store errors", i, n)
		}
	}
}
