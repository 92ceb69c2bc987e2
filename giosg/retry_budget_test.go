package giosg_test

import (
	"net/http"
	"testing"

	"github.com/chatsdk-go/chatsdk/giosg"
	"github.com/chatsdk-go/chatsdk/internal/testkit"
)

// TestRetryBudget: 64 goroutines calling Chats.Get against a server
// answering only 503 send no more than 1.1x their first attempts once the
// budget is spent, and retries resume when the server recovers.
func TestRetryBudget(t *testing.T) {
	testkit.CheckRetryBudget(t, giosg.NewClient, http.StatusOK, testkit.Fixture(t, "giosg", "chat_get.response.json"), getChat)
}
