package giosg

import (
	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/internal/config"
	"github.com/chatsdk-go/chatsdk/internal/core"
)

// DefaultBaseURL is the giosg service; request paths start with /api/v5.
const DefaultBaseURL = "https://service.giosg.com"

// Client calls the giosg Chats API v5. It is safe for concurrent use.
type Client struct {
	// Chats lists, reads, creates, ends and updates chats.
	Chats *ChatsService
	// Memberships lists chat members, joins users to chats and updates the
	// user's own membership (presence, typing status, last seen).
	Memberships *MembershipsService
	// Messages lists chat messages and sends messages with attachments.
	Messages *MessagesService
	// Invitations sends, lists, expires and accepts chat invitations.
	Invitations *InvitationsService
	// Tags lists, adds and removes chat tags.
	Tags *TagsService
	// ConversationStarters manages a user's conversation starters, one per
	// language.
	ConversationStarters *ConversationStartersService
	// ReplySuggestions lists, adds and updates reply suggestions of chat
	// messages.
	ReplySuggestions *ReplySuggestionsService

	core *core.Client
}

type service struct{ c *Client }

// NewClient returns a client that sends `Authorization: Token <token>`, the
// form for a giosg user API token. Pass WithOAuthToken to send an OAuth2
// access token as `Authorization: Bearer <token>` instead, and
// chatsdk.WithBaseURL to call another server (such as giosgtest.Server).
func NewClient(token string, opts ...chatsdk.Option) (*Client, error) {
	cc, err := core.NewClient(core.Defaults{API: "giosg", BaseURL: DefaultBaseURL, AuthScheme: "Token"}, token, opts...)
	if err != nil {
		return nil, err
	}
	c := &Client{core: cc}
	c.Chats = &ChatsService{c: c}
	c.Memberships = &MembershipsService{c: c}
	c.Messages = &MessagesService{c: c}
	c.Invitations = &InvitationsService{c: c}
	c.Tags = &TagsService{c: c}
	c.ConversationStarters = &ConversationStartersService{c: c}
	c.ReplySuggestions = &ReplySuggestionsService{c: c}
	return c, nil
}

// WithOAuthToken makes the client send its token as an OAuth2 access token,
// `Authorization: Bearer <token>`, instead of the default
// `Authorization: Token <token>` used for user API tokens.
func WithOAuthToken() chatsdk.Option {
	return func(c *config.Client) error {
		c.AuthScheme = "Bearer"
		return nil
	}
}
