// Package chatsdkoauth2 plugs a golang.org/x/oauth2 TokenSource into the
// chatrhub, giosg and chatio clients. It is a module of its own so that
// golang.org/x/oauth2 is in a build only when this package is.
//
//	c, err := giosg.NewClient("", chatsdkoauth2.WithTokenSource(conf.TokenSource(ctx, tok)))
package chatsdkoauth2

import (
	"context"
	"errors"

	"golang.org/x/oauth2"

	"github.com/chatsdk-go/chatsdk"
)

// WithTokenSource asks ts for a token before every call and sends its access
// token as "Authorization: Bearer <token>" (for giosg this replaces the
// "Token" scheme of user API tokens). ts refreshes expired tokens as it
// does for any oauth2 client; wrap it in oauth2.ReuseTokenSource to keep a
// token until it expires. A token source that fails fails the call with a
// *chatsdk.RequestError before anything is sent.
func WithTokenSource(ts oauth2.TokenSource) chatsdk.Option {
	if ts == nil {
		return chatsdk.WithBearerTokenSource(nil) // refused by NewClient
	}
	return chatsdk.WithBearerTokenSource(func(context.Context) (string, error) {
		tok, err := ts.Token()
		if err != nil {
			return "", err
		}
		if tok.AccessToken == "" {
			return "", errors.New("chatsdkoauth2: the token source returned an empty access token")
		}
		return tok.AccessToken, nil
	})
}
