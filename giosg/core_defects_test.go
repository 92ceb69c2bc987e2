package giosg_test

import (
	"context"
	"testing"

	"github.com/chatsdk-go/chatsdk/giosg"
	"github.com/chatsdk-go/chatsdk/internal/testkit"
)

// NewClient does not depend on http.DefaultTransport being an
// *http.Transport: the global httpmock.Activate replaces it.
func TestNewClientWithHTTPMockActivated(t *testing.T) {
	testkit.CheckNewClientUnderGlobalHTTPMock(t, giosg.NewClient)
}

// A 200 whose body is empty, null or {} where an object is documented is a
// *chatsdk.DecodeError, never a zero value.
func TestEmptyAnswerIsADecodeError(t *testing.T) {
	testkit.CheckEmptyAnswerIsADecodeError(t, giosg.NewClient, func(ctx context.Context, c *giosg.Client) (any, error) {
		return c.Chats.Get(ctx, giosg.UserRoutedChats("u1"), "c1")
	})
}
