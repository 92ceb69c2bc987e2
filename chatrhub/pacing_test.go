package chatrhub_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/chatrhub"
	"github.com/chatsdk-go/chatsdk/internal/testkit"
)

// getAgent calls Agents.Get, the operation the pacing and retry budget tests drive.
func getAgent(ctx context.Context, c *chatrhub.Client, opts ...chatsdk.CallOption) error {
	_, err := c.Agents.Get(ctx, 4, opts...)
	return err
}

// TestPacingFromRetryAfter: 64 goroutines calling Agents.Get against a
// server allowing 1,000 requests a second that sends only Retry-After get
// fewer than 1% of 429 answers, and no call fails.
func TestPacingFromRetryAfter(t *testing.T) {
	testkit.CheckPacing(t, chatrhub.NewClient, http.StatusOK, testkit.Fixture(t, "chatrhub", "agents_get.response.json"), getAgent)
}
