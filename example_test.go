package chatsdk_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"log/slog"
	"net/http"
	"os"
	"time"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/chatrhub"
	"github.com/chatsdk-go/chatsdk/chatrhub/chatrhubtest"
	"github.com/chatsdk-go/chatsdk/giosg"
	"github.com/chatsdk-go/chatsdk/giosg/giosgtest"
)

// Read the status, operation and message of an error answer with
// errors.As, and its kind with errors.Is. The in-memory giosgtest server
// answers 404 for a chat it does not know.
func ExampleAPIError() {
	srv := giosgtest.NewServer()
	defer srv.Close()
	c, err := giosg.NewClient(srv.Token, chatsdk.WithBaseURL(srv.BaseURL))
	if err != nil {
		log.Fatal(err)
	}

	_, err = c.Chats.Get(context.Background(), giosg.OrgOwnedChats(giosgtest.OrgID), "no-such-chat")
	var apiErr *chatsdk.APIError
	if errors.As(err, &apiErr) {
		fmt.Println(apiErr.StatusCode, apiErr.Operation, apiErr.Method)
		fmt.Println("message:", apiErr.Message)
	}
	fmt.Println("not found:", errors.Is(err, chatsdk.ErrNotFound))
	// Output:
	// 404 giosg.Chats.Get GET
	// message: Chat not found.
	// not found: true
}

// Retry a read through passing failures, and see that a write is never
// sent twice. FailNext makes the chatrhubtest server answer 503 (with
// Retry-After: 0); Requests counts what it received.
func ExampleWithMaxRetries() {
	srv := chatrhubtest.NewServer()
	defer srv.Close()
	c, err := chatrhub.NewClient(srv.Token, chatsdk.WithBaseURL(srv.BaseURL),
		chatsdk.WithMaxRetries(3), chatsdk.WithRetryWaitMin(time.Millisecond), chatsdk.WithRetryWaitMax(10*time.Millisecond))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()

	// A GET is safe to replay: two 503s, then the answer.
	srv.FailNext(chatrhubtest.Failure{Status: http.StatusServiceUnavailable, Times: 2})
	before := len(srv.Requests())
	groups, err := c.Groups.List(ctx)
	fmt.Println("groups:", len(groups), "error:", err, "attempts:", len(srv.Requests())-before)

	// As many failures as attempts (1 + 3 retries): the last answer is the
	// error.
	srv.FailNext(chatrhubtest.Failure{Status: http.StatusServiceUnavailable, Times: 4})
	before = len(srv.Requests())
	_, err = c.Groups.List(ctx)
	fmt.Println("server error:", errors.Is(err, chatsdk.ErrServer), "attempts:", len(srv.Requests())-before)

	// A POST is sent once: a 503 may come after the group was created.
	srv.FailNext(chatrhubtest.Failure{Status: http.StatusServiceUnavailable, Times: 1})
	before = len(srv.Requests())
	_, err = c.Groups.Add(ctx, &chatrhub.GroupParams{GroupName: "Night shift"})
	fmt.Println("may have been applied:", errors.Is(err, chatsdk.ErrMayHaveBeenApplied), "attempts:", len(srv.Requests())-before)
	// Output:
	// groups: 2 error: <nil> attempts: 3
	// server error: true attempts: 4
	// may have been applied: true attempts: 1
}

// onlyCalls passes on the records that carry a "status" attribute: the
// SDK's line for each finished call.
type onlyCalls struct{ slog.Handler }

func (h onlyCalls) Handle(ctx context.Context, r slog.Record) error {
	hasStatus := false
	r.Attrs(func(a slog.Attr) bool {
		hasStatus = a.Key == "status"
		return !hasStatus
	})
	if !hasStatus {
		return nil
	}
	return h.Handler.Handle(ctx, r)
}

// Log calls with log/slog. The lines hold metadata only (operation, method,
// path, attempts, status, duration, ...), never a body or the token; the
// SDK logs at debug level, one line per attempt and one per call. This
// example prints the message, method and status of each, without times.
func ExampleWithLogger() {
	srv := chatrhubtest.NewServer()
	defer srv.Close()
	text := slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		Level: slog.LevelDebug,
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			switch a.Key {
			case slog.MessageKey, "method", "status":
				return a
			}
			return slog.Attr{} // drop time, level and the other attributes
		},
	})
	logger := slog.New(onlyCalls{text})
	c, err := chatrhub.NewClient(srv.Token, chatsdk.WithBaseURL(srv.BaseURL), chatsdk.WithLogger(logger))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	_, _ = c.Agents.Get(ctx, 1)
	_, _ = c.Agents.Get(ctx, 99)
	// Output:
	// msg="chatsdk attempt" method=GET status=200
	// msg="chatsdk call" method=GET status=200
	// msg="chatsdk attempt" method=GET status=404
	// msg="chatsdk call" method=GET status=404
}
