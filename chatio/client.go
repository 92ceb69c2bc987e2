package chatio

import (
	"context"
	"errors"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/internal/core"
)

// DefaultBaseURL is the documented base URL of the Configuration API v0.4.
const DefaultBaseURL = "https://api.chat.io/configuration/v0.4"

// Client calls the chat.io Configuration API v0.4. It is safe for concurrent
// use.
type Client struct {
	// BotAgents creates, updates, removes and reads bot agents.
	BotAgents *BotAgentsService
	// Webhooks registers, lists and unregisters webhooks.
	Webhooks *WebhooksService

	core *core.Client
}

// NewClient returns a client that authenticates with "Authorization: Bearer
// <token>" (an agent SSO access token with the permissions each operation
// names). Use chatsdk.WithTokenSource for tokens that rotate and
// chatsdk.WithBaseURL for another server, such as chatiotest.Server.BaseURL.
func NewClient(token string, opts ...chatsdk.Option) (*Client, error) {
	cc, err := core.NewClient(core.Defaults{API: "chatio", BaseURL: DefaultBaseURL, AuthScheme: "Bearer"}, token, opts...)
	if err != nil {
		return nil, err
	}
	c := &Client{core: cc}
	c.BotAgents = &BotAgentsService{client: c}
	c.Webhooks = &WebhooksService{client: c}
	return c, nil
}

// call describes one Configuration API operation. Build it with newCall, so
// that what every request of the operation shares is computed once.
type call struct {
	// name is the name used in errors, e.g. "chatio.BotAgents.Create".
	name string
	// path is the endpoint below the base URL, e.g. "/agents/create_bot_agent".
	path string
	// replaySafe marks operations that may be sent again after a failure;
	// core.Request.ReplaySafe points to it and core only reads it.
	replaySafe *bool
}

// newCall describes the operation "<Service>.<Method>" at path.
func newCall(operation, path string, replaySafe bool) call {
	return call{name: "chatio." + operation, path: path, replaySafe: &replaySafe}
}

// operationName is the name used in errors, e.g. "chatio.BotAgents.Create".
func (o call) operationName() string { return o.name }

// do POSTs body as JSON and decodes the answer into out (nil discards it).
func (c *Client) do(ctx context.Context, o call, body, out any, opts []chatsdk.CallOption) (*chatsdk.Response, error) {
	return c.core.Do(ctx, &core.Request{
		Operation:  o.name,
		Method:     "POST",
		Path:       o.path,
		Body:       body,
		ReplaySafe: o.replaySafe,
	}, out, opts...)
}

// errMissingField is the decode error for a successful answer that lacks the
// field an operation returns.
func errMissingField(o call, resp *chatsdk.Response, field string) error {
	status := 0
	if resp != nil {
		status = resp.StatusCode
	}
	return &chatsdk.DecodeError{
		Operation:  o.operationName(),
		StatusCode: status,
		Field:      field,
		Err:        errors.New("the answer has no " + field),
	}
}
