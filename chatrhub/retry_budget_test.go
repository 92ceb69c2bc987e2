package chatrhub_test

import (
	"net/http"
	"testing"

	"github.com/chatsdk-go/chatsdk/chatrhub"
	"github.com/chatsdk-go/chatsdk/internal/testkit"
)

// TestRetryBudget: 64 goroutines calling Agents.Get against a server
// answering only 503 send no more than 1.1x their first attempts once the
// budget is spent, and retries resume when the server recovers.
func TestRetryBudget(t *testing.T) {
	testkit.CheckRetryBudget(t, chatrhub.NewClient, http.StatusOK, testkit.Fixture(t, "chatrhub", "agents_get.response.json"), getAgent)
}
