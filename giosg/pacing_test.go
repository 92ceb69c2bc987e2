package giosg_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/giosg"
	"github.com/chatsdk-go/chatsdk/internal/testkit"
)

// getChat calls Chats.Get, the operation the pacing and retry budget tests drive.
func getChat(ctx context.Context, c *giosg.Client, opts ...chatsdk.CallOption) error {
	_, err := c.Chats.Get(ctx, giosg.OrgOwnedChats("o1"), "c1", opts...)
	return err
}

// TestPacingFromRetryAfter: 64 goroutines calling Chats.Get against a
// server allowing 1,000 requests a second that sends only Retry-After get
// fewer than 1% of 429 answers, and no call fails.
func TestPacingFromRetryAfter(t *testing.T) {
	testkit.CheckPacing(t, giosg.NewClient, http.StatusOK, testkit.Fixture(t, "giosg", "chat_get.response.json"), getChat)
}
