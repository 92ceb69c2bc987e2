// Package chatsdkredis shares chatsdk's rate limits and chat.io webhook
// de-duplication between processes through Redis.
//
// NewRateLimiter is a chatsdk.RateLimiter (GCRA, via redis_rate): every
// client of every replica that uses it with the same Redis, the same key
// prefix and the same API token draws from one budget. NewDedupStore is a
// webhook.DedupStore: of the replicas behind one load balancer, exactly one
// handles each chat.io delivery.
//
//	rdb := redis.NewClient(&redis.Options{Addr: "localhost:6379"})
//	limiter := chatsdkredis.NewRateLimiter(rdb, redis_rate.PerSecond(10))
//	c, err := giosg.NewClient(token, chatsdk.WithRateLimiter(limiter))
//
//	h, err := webhook.NewHandler(secrets,
//		webhook.WithDeduplication(chatsdkredis.NewDedupStore(rdb, "myapp:webhooks:"), 24*time.Hour))
//
// When Redis cannot be reached, both fail open: the limiter lets the call
// through (the API's own 429 answers and the client's retries remain) and
// the handler handles the delivery (chat.io may then deliver it twice);
// each failure is logged and counted. Give the Redis client short
// DialTimeout and ReadTimeout values and few MaxRetries and DialerRetries:
// each call and each delivery waits on Redis first, so a Redis outage
// costs every call Redis's timeouts.
package chatsdkredis
