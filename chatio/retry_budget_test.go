package chatio_test

import (
	"net/http"
	"testing"

	"github.com/chatsdk-go/chatsdk/chatio"
	"github.com/chatsdk-go/chatsdk/internal/testkit"
)

// TestRetryBudget: 64 goroutines calling BotAgents.List against a server
// answering only 503 send no more than 1.1x their first attempts once the
// budget is spent, and retries resume when the server recovers.
func TestRetryBudget(t *testing.T) {
	testkit.CheckRetryBudget(t, chatio.NewClient, http.StatusOK, testkit.Fixture(t, "chatio", "bot_agents_list.response.json"), listBotAgents)
}
