package chatsdkredis

import (
	"context"
	"errors"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/chatsdk-go/chatsdk/chatio/webhook"
)

// DedupStore is a webhook.DedupStore in Redis: a claim is a key set with
// SET NX PX (it expires with its ttl), a release deletes it. Handlers in
// any number of processes that use the same Redis and prefix handle each
// delivery once.
type DedupStore struct {
	rdb    redis.UniversalClient
	prefix string
}

var _ webhook.DedupStore = (*DedupStore)(nil)

// NewDedupStore returns a DedupStore whose keys are prefix followed by the
// delivery key (webhook.DeliveryKey), e.g. "myapp:webhooks:".
func NewDedupStore(rdb redis.UniversalClient, prefix string) *DedupStore {
	return &DedupStore{rdb: rdb, prefix: prefix}
}

// Claim implements webhook.DedupStore: it sets the key unless it exists,
// expiring after ttl (millisecond precision).
func (s *DedupStore) Claim(ctx context.Context, key string, ttl time.Duration) (bool, error) {
	err := s.rdb.SetArgs(ctx, s.prefix+key, "1", redis.SetArgs{Mode: "NX", TTL: ttl}).Err()
	if errors.Is(err, redis.Nil) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return true, nil
}

// Release implements webhook.DedupStore: it deletes the key.
func (s *DedupStore) Release(ctx context.Context, key string) error {
	return s.rdb.Del(ctx, s.prefix+key).Err()
}
