package chatsdkredis_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/go-redis/redis_rate/v10"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/chatrhub"
	chatsdkredis "github.com/chatsdk-go/chatsdk/redis"
)

// perSecondAPI is a fake API that allows limit requests per wall-clock
// second per token and answers 429 past it; it counts what it saw.
type perSecondAPI struct {
	limit int

	mu       sync.Mutex
	seen     map[string]map[int64]int // token -> unix second -> requests
	rejected int
	served   int
}

func (a *perSecondAPI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	sec := time.Now().Unix()
	token := r.Header.Get("Authorization")
	a.mu.Lock()
	if a.seen[token] == nil {
		a.seen[token] = map[int64]int{}
	}
	a.seen[token][sec]++
	over := a.seen[token][sec] > a.limit
	if over {
		a.rejected++
	} else {
		a.served++
	}
	a.mu.Unlock()
	if over {
		http.Error(w, `{"errors":[{"status":"429","title":"rate limited"}]}`, http.StatusTooManyRequests)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write([]byte(`{"data":{"id":4,"type":"agents","attributes":{}}}`))
}

func (a *perSecondAPI) maxPerSecond() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	most := 0
	for _, secs := range a.seen {
		for _, n := range secs {
			most = max(most, n)
		}
	}
	return most
}

// Three clients, each with its own limiter and Redis connections, share
// one token: together they stay within the API's per-second limit.
func TestRateLimiterSharedAcrossClients(t *testing.T) {
	addr := sharedRedisAddr(t)
	const (
		apiLimit   = 100 // requests per second the fake allows
		clients    = 3
		goroutines = 50
		perWorker  = 2 // 3 x 50 x 2 = 300 calls
		burst      = 10
	)
	api := &perSecondAPI{limit: apiLimit, seen: map[string]map[int64]int{}}
	srv := httptest.NewServer(api)
	defer srv.Close()

	prefix := testPrefix(t)
	limit := redis_rate.Limit{Rate: apiLimit - burst, Period: time.Second, Burst: burst}
	var wg sync.WaitGroup
	errs := make(chan error, clients*goroutines*perWorker)
	for i := 0; i < clients; i++ {
		limiter := chatsdkredis.NewRateLimiter(newRedisClient(t, addr), limit, chatsdkredis.WithKeyPrefix(prefix))
		c, err := chatrhub.NewClient("shared-token", chatsdk.WithBaseURL(srv.URL), chatsdk.WithRateLimiter(limiter),
			chatsdk.WithRetryWaitMin(50*time.Millisecond), chatsdk.WithRetryWaitMax(time.Second))
		if err != nil {
			t.Fatal(err)
		}
		for g := 0; g < goroutines; g++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for k := 0; k < perWorker; k++ {
					ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
					_, err := c.Agents.Get(ctx, 4)
					cancel()
					if err != nil {
						errs <- err
					}
				}
			}()
		}
		t.Cleanup(func() {
			if n := limiter.Failures(); n != 0 {
				t.Errorf("limiter %d: %d Redis failures", i, n)
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("call failed: %v", err)
	}
	total := clients * goroutines * perWorker
	if api.served != total {
		t.Errorf("fake served %d calls, want %d", api.served, total)
	}
	if most := api.maxPerSecond(); most > apiLimit+burst {
		t.Errorf("fake saw %d requests in one second, want at most %d (+ a burst of %d)", most, apiLimit, burst)
	}
	if api.rejected*100 >= total {
		t.Errorf("%d of %d answers were 429, want under 1%%", api.rejected, total)
	}
	t.Logf("max %d requests in a second, %d answered 429", api.maxPerSecond(), api.rejected)
}
