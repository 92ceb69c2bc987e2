package chatio_test

import (
	"context"
	"testing"

	"github.com/chatsdk-go/chatsdk/chatio"
	"github.com/chatsdk-go/chatsdk/internal/testkit"
)

// NewClient does not depend on http.DefaultTransport being an
// *http.Transport: the global httpmock.Activate replaces it.
func TestNewClientWithHTTPMockActivated(t *testing.T) {
	testkit.CheckNewClientUnderGlobalHTTPMock(t, chatio.NewClient)
}

// A 200 whose body is empty, null or {} where an object is documented is a
// *chatsdk.DecodeError, never a zero value.
func TestEmptyAnswerIsADecodeError(t *testing.T) {
	testkit.CheckEmptyAnswerIsADecodeError(t, chatio.NewClient, func(ctx context.Context, c *chatio.Client) (any, error) {
		return c.BotAgents.Get(ctx, "b1")
	})
}
