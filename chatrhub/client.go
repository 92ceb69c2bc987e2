package chatrhub

import (
	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/internal/core"
)

// DefaultBaseURL is the base URL the ChatrHub documentation shows,
// "http://localhost:5000/api/v1" (a local development server). Production
// users pass their own with chatsdk.WithBaseURL; the path prefix ("/api/v1")
// is part of the base URL.
const DefaultBaseURL = "http://localhost:5000/api/v1"

// Client calls the ChatrHub REST API v1. It is safe for concurrent use.
type Client struct {
	// Agents lists, reads, updates and invites agents.
	Agents *AgentsService
	// AgentActivity reads agents' availability history.
	AgentActivity *AgentActivityService
	// AgentGroups reads and changes which groups an agent is assigned to.
	AgentGroups *AgentGroupsService
	// Chats lists, reads, tags, reports on and transfers chats.
	Chats *ChatsService
	// Groups lists, reads, adds, edits and removes groups.
	Groups *GroupsService
	// Messages lists the messages of a chat or a visitor.
	Messages *MessagesService
	// Tasks lists and resolves operational and machine learning tasks.
	Tasks *TasksService
	// Visitors lists, finds, adds and edits visitors.
	Visitors *VisitorsService

	core *core.Client
}

// service is what every service holds: the shared HTTP core.
type service struct {
	core *core.Client
}

// NewClient returns a client that sends token (the account's API key, a JWT
// found under Settings -> API -> Secret Key) as "Authorization: Bearer
// <token>". The token may be empty when chatsdk.WithTokenSource is given.
func NewClient(token string, opts ...chatsdk.Option) (*Client, error) {
	cc, err := core.NewClient(core.Defaults{API: "chatrhub", BaseURL: DefaultBaseURL, AuthScheme: "Bearer"}, token, opts...)
	if err != nil {
		return nil, err
	}
	s := service{core: cc}
	return &Client{
		Agents:        (*AgentsService)(&s),
		AgentActivity: (*AgentActivityService)(&s),
		AgentGroups:   (*AgentGroupsService)(&s),
		Chats:         (*ChatsService)(&s),
		Groups:        (*GroupsService)(&s),
		Messages:      (*MessagesService)(&s),
		Tasks:         (*TasksService)(&s),
		Visitors:      (*VisitorsService)(&s),
		core:          cc,
	}, nil
}

// BaseURL returns the base URL requests are sent to.
func (c *Client) BaseURL() string { return c.core.BaseURL().String() }
