package chatio_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/chatio"
	"github.com/chatsdk-go/chatsdk/internal/testkit"
)

// listBotAgents calls BotAgents.List, the operation the pacing and retry budget tests drive.
func listBotAgents(ctx context.Context, c *chatio.Client, opts ...chatsdk.CallOption) error {
	_, err := c.BotAgents.List(ctx, nil, opts...)
	return err
}

// TestPacingFromRetryAfter: 64 goroutines calling BotAgents.List against a
// server allowing 1,000 requests a second that sends only Retry-After get
// fewer than 1% of 429 answers, and no call fails.
func TestPacingFromRetryAfter(t *testing.T) {
	testkit.CheckPacing(t, chatio.NewClient, http.StatusOK, testkit.Fixture(t, "chatio", "bot_agents_list.response.json"), listBotAgents)
}
