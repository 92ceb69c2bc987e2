package chatsdkredis_test

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/go-redis/redis_rate/v10"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/chatrhub"
	chatsdkredis "github.com/chatsdk-go/chatsdk/redis"
)

// Redis stops mid-test: calls still complete, every delivery is still
// handled, and the failures are counted.
func TestRedisOutageFailsOpen(t *testing.T) {
	private := startPrivateRedis(t)
	rdb := newRedisClient(t, private.addr)

	api := &perSecondAPI{limit: 1000, seen: map[string]map[int64]int{}}
	srv := httptest.NewServer(api)
	defer srv.Close()
	limiter := chatsdkredis.NewRateLimiter(rdb, redis_rate.PerSecond(1000), chatsdkredis.WithKeyPrefix(testPrefix(t)))
	c, err := chatrhub.NewClient("token", chatsdk.WithBaseURL(srv.URL), chatsdk.WithRateLimiter(limiter))
	if err != nil {
		t.Fatal(err)
	}
	log := newThreadLog()
	h, hsrv := newReplica(t, chatsdkredis.NewDedupStore(rdb, testPrefix(t)), log)

	const perPhase = 20
	run := func(phase int) {
		for i := 0; i < perPhase; i++ {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			if _, err := c.Agents.Get(ctx, 4); err != nil {
				t.Errorf("phase %d call %d: %v", phase, i, err)
			}
			cancel()
			if err := deliver(t, hsrv.URL, threadClosed(t, phase*perPhase+i)); err != nil {
				t.Errorf("phase %d delivery %d: %v", phase, i, err)
			}
		}
	}
	run(0)
	if limiter.Failures() != 0 || h.DedupErrors() != 0 {
		t.Fatalf("failures before the outage: limiter %d, dedup %d", limiter.Failures(), h.DedupErrors())
	}
	private.stop()
	run(1)

	if api.served != 2*perPhase {
		t.Errorf("fake served %d calls, want %d", api.served, 2*perPhase)
	}
	if len(log.successes) != 2*perPhase {
		t.Errorf("%d deliveries handled, want %d", len(log.successes), 2*perPhase)
	}
	for id, n := range log.successes {
		if n != 1 {
			t.Errorf("%s handled %d times, want once", id, n)
		}
	}
	if got := limiter.Failures(); got != perPhase {
		t.Errorf("limiter counted %d Redis failures, want %d", got, perPhase)
	}
	if got := h.DedupErrors(); got != perPhase {
		t.Errorf("handler counted %d store errors, want %d", got, perPhase)
	}
}
