package chatsdkredis_test

import (
	"context"
	"log"
	"log/slog"
	"net/http"
	"os"
	"time"

	"github.com/go-redis/redis_rate/v10"
	"github.com/redis/go-redis/v9"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/chatio/webhook"
	"github.com/chatsdk-go/chatsdk/giosg"
	chatsdkredis "github.com/chatsdk-go/chatsdk/redis"
)

// Several replicas of one service, each running this code, share one
// Redis: their giosg clients draw from one rate budget per token, and of
// the replicas behind the load balancer exactly one handles each chat.io
// webhook delivery.
func Example_replicas() {
	rdb := redis.NewClient(&redis.Options{
		Addr:        os.Getenv("CHATSDK_REDIS_ADDR"),
		DialTimeout: 200 * time.Millisecond,
		ReadTimeout: 200 * time.Millisecond,
		MaxRetries:  1,
	})
	logger := slog.Default()

	// 10 requests per second per token across all replicas.
	limiter := chatsdkredis.NewRateLimiter(rdb, redis_rate.PerSecond(10), chatsdkredis.WithLogger(logger))
	client, err := giosg.NewClient(os.Getenv("GIOSG_TOKEN"), chatsdk.WithRateLimiter(limiter))
	if err != nil {
		log.Fatal(err)
	}
	_ = client

	secrets := webhook.Secrets{os.Getenv("CHATIO_WEBHOOK_ID"): os.Getenv("CHATIO_WEBHOOK_SECRET")}
	h, err := webhook.NewHandler(secrets,
		webhook.WithLogger(logger),
		webhook.WithDeduplication(chatsdkredis.NewDedupStore(rdb, "myservice:chatio:"), 24*time.Hour))
	if err != nil {
		log.Fatal(err)
	}
	h.OnIncomingEvent(func(ctx context.Context, wh *webhook.Webhook, p *webhook.IncomingEvent) error {
		logger.InfoContext(ctx, "event", "chat_id", p.ChatID, "event_id", p.Event.Base().ID)
		return nil
	})
	log.Fatal(http.ListenAndServe(":8080", h))
}
