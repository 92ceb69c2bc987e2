package chatio

import (
	"context"
	"net/url"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/internal/core"
)

// Raw sends one request the typed methods do not cover, with the client's
// authentication, retries and error handling: method to path (relative to
// the base URL and already escaped, e.g. "/agents/get_bot_agents"), with query when non-nil and
// body, when non-nil, encoded as JSON (a json.RawMessage is sent as is). A
// successful JSON answer is decoded into out (a *json.RawMessage keeps it
// verbatim; nil discards it). An answer of 300 or more is a *chatsdk.APIError.
// Like the typed methods, only GET, HEAD, PUT, DELETE and OPTIONS requests
// are replayed after a failure; a POST or PATCH is sent at most once.
func (c *Client) Raw(ctx context.Context, method, path string, query url.Values, body, out any, opts ...chatsdk.CallOption) (*chatsdk.Response, error) {
	r := &core.Request{Operation: "chatio.Raw", Method: method, Path: path, Body: body}
	if query != nil {
		r.Query = query
	}
	return c.core.Do(ctx, r, out, opts...)
}
