package chatrhub_test

import (
	"context"
	"testing"

	"github.com/chatsdk-go/chatsdk/chatrhub"
	"github.com/chatsdk-go/chatsdk/internal/testkit"
)

// NewClient does not depend on http.DefaultTransport being an
// *http.Transport: the global httpmock.Activate replaces it.
func TestNewClientWithHTTPMockActivated(t *testing.T) {
	testkit.CheckNewClientUnderGlobalHTTPMock(t, chatrhub.NewClient)
}

// A 200 whose body is empty, null or {} where an object is documented is a
// *chatsdk.DecodeError, never a zero value.
func TestEmptyAnswerIsADecodeError(t *testing.T) {
	testkit.CheckEmptyAnswerIsADecodeError(t, chatrhub.NewClient, func(ctx context.Context, c *chatrhub.Client) (any, error) {
		return c.Agents.Get(ctx, 4)
	})
}
