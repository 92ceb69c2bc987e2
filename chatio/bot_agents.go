package chatio

import (
	"context"
	"strings"

	"github.com/chatsdk-go/chatsdk"
)

// BotAgentsService creates, updates, removes and reads bot agents (the
// Configuration API's /agents/* methods). Changes take effect in chat.io
// within about 2 minutes.
type BotAgentsService struct {
	client *Client
}

var (
	opCreateBotAgent = newCall("BotAgents.Create", "/agents/create_bot_agent", false)
	opUpdateBotAgent = newCall("BotAgents.Update", "/agents/update_bot_agent", true)
	opRemoveBotAgent = newCall("BotAgents.Remove", "/agents/remove_bot_agent", true)
	opListBotAgents  = newCall("BotAgents.List", "/agents/get_bot_agents", true)
	opGetBotAgent    = newCall("BotAgents.Get", "/agents/get_bot_agent_details", true)
)

// CreateBotAgentParams is the body of create_bot_agent.
type CreateBotAgentParams struct {
	// Name is the display name (required).
	Name string `json:"name"`
	// Avatar is the avatar URL.
	Avatar string `json:"avatar,omitempty"`
	// Status is the routing status (required).
	Status AgentStatus `json:"status"`
	// MaxChatsCount is the maximum number of incoming chats routed to the
	// agent; nil leaves the API's default of 6, and a pointer to 0 sends 0.
	MaxChatsCount *int `json:"max_chats_count,omitempty"`
	// Groups are the groups the agent belongs to. chat.io has only group 0,
	// to which every agent belongs by default.
	Groups []Group `json:"groups,omitempty"`
	// Webhooks configures the webhooks sent to the agent.
	Webhooks *BotAgentWebhooks `json:"webhooks,omitempty"`
}

// Validate checks the required fields and enumerated values.
func (p *CreateBotAgentParams) Validate() error {
	if p == nil {
		return invalid("", "parameters are required (name, status)")
	}
	if strings.TrimSpace(p.Name) == "" {
		return invalid("name", "required")
	}
	if p.Status == "" {
		return invalid("status", "required")
	}
	if err := validateStatus("status", p.Status); err != nil {
		return err
	}
	if err := validateMaxChatsCount(p.MaxChatsCount); err != nil {
		return err
	}
	if err := validateGroups("groups", p.Groups); err != nil {
		return err
	}
	return at("webhooks", p.Webhooks.validate())
}

func validateMaxChatsCount(n *int) error {
	if n != nil && *n < 0 {
		return invalid("max_chats_count", "must not be negative (got %d)", *n)
	}
	return nil
}

// CreatedBotAgent is the answer of create_bot_agent.
type CreatedBotAgent struct {
	// BotAgentID is the new bot agent's ID.
	BotAgentID string `json:"bot_agent_id"`
}

// Create creates a bot agent owned by the caller's application and returns
// its ID. Permission: agents-bot--my:write.
//
// Create is never retried once the request may have reached the server (the
// bot would be created twice): such a failure matches
// chatsdk.ErrMayHaveBeenApplied, and List tells whether the bot exists.
func (s *BotAgentsService) Create(ctx context.Context, params *CreateBotAgentParams, opts ...chatsdk.CallOption) (*CreatedBotAgent, error) {
	if err := params.Validate(); err != nil {
		return nil, withOperation(err, opCreateBotAgent)
	}
	var out CreatedBotAgent
	resp, err := s.client.do(ctx, opCreateBotAgent, params, &out, opts)
	if err != nil {
		return nil, err
	}
	if out.BotAgentID == "" {
		return nil, errMissingField(opCreateBotAgent, resp, "bot_agent_id")
	}
	return &out, nil
}

// UpdateBotAgentParams are the changes update_bot_agent makes. Nil and
// empty fields are left out, and the API leaves them unchanged; the pointer
// fields are sent whenever they are set, empty values included, so
// Avatar: chatsdk.Ptr("") sends "avatar": "" and clears the avatar, and
// Groups: chatsdk.Ptr([]chatio.Group{}) sends "groups": [].
type UpdateBotAgentParams struct {
	// Name is the new display name.
	Name string `json:"name,omitempty"`
	// Avatar is the new avatar URL; a pointer to "" clears it.
	Avatar *string `json:"avatar,omitempty"`
	// Status is the new routing status.
	Status AgentStatus `json:"status,omitempty"`
	// MaxChatsCount is the new maximum number of incoming chats (a pointer
	// so that 0 can be sent).
	MaxChatsCount *int `json:"max_chats_count,omitempty"`
	// Groups replace the agent's groups; a pointer to an empty list empties
	// them (every agent is in group 0 by default).
	Groups *[]Group `json:"groups,omitempty"`
	// Webhooks replace the agent's webhooks.
	Webhooks *BotAgentWebhooks `json:"webhooks,omitempty"`
}

// Validate checks the enumerated values and the required fields of nested
// objects. A nil *UpdateBotAgentParams is valid.
func (p *UpdateBotAgentParams) Validate() error {
	if p == nil {
		return nil
	}
	if p.Status != "" {
		if err := validateStatus("status", p.Status); err != nil {
			return err
		}
	}
	if err := validateMaxChatsCount(p.MaxChatsCount); err != nil {
		return err
	}
	if p.Groups != nil {
		if err := validateGroups("groups", *p.Groups); err != nil {
			return err
		}
	}
	return at("webhooks", p.Webhooks.validate())
}

// updateBotAgentBody is the body of update_bot_agent: the ID travels as "id".
type updateBotAgentBody struct {
	ID string `json:"id"`
	*UpdateBotAgentParams
}

// Update changes the bot agent botAgentID, sent as "id" as documented for
// this method (the other methods name it "bot_agent_id"). Permission:
// agents-bot--my:write. It is retried after a failure like any idempotent
// request: sending the same changes twice leaves the same state.
func (s *BotAgentsService) Update(ctx context.Context, botAgentID string, params *UpdateBotAgentParams, opts ...chatsdk.CallOption) error {
	if err := requireID("id", botAgentID); err != nil {
		return withOperation(err, opUpdateBotAgent)
	}
	if err := params.Validate(); err != nil {
		return withOperation(err, opUpdateBotAgent)
	}
	if params == nil {
		params = &UpdateBotAgentParams{}
	}
	_, err := s.client.do(ctx, opUpdateBotAgent, updateBotAgentBody{botAgentID, params}, nil, opts)
	return err
}

// Remove removes the bot agent botAgentID. Permissions:
// agents-bot--my:write for the caller's bots, agents-bot--all:write for any.
//
// Remove is retried after a failure; when an earlier attempt was applied but
// its answer was lost, the retry may fail because the bot agent no longer
// exists.
func (s *BotAgentsService) Remove(ctx context.Context, botAgentID string, opts ...chatsdk.CallOption) error {
	if err := requireID("bot_agent_id", botAgentID); err != nil {
		return withOperation(err, opRemoveBotAgent)
	}
	_, err := s.client.do(ctx, opRemoveBotAgent, botAgentIDBody{botAgentID}, nil, opts)
	return err
}

type botAgentIDBody struct {
	BotAgentID string `json:"bot_agent_id"`
}

// ListBotAgentsParams is the body of get_bot_agents.
type ListBotAgentsParams struct {
	// All lists every bot agent of the license (permission
	// agents-bot--all:read) instead of only the caller's application's bots
	// (agents-bot--my:read). It is always sent, false by default.
	All bool `json:"all"`
}

// defaultListBotAgentsParams is the body List sends for nil params; it is
// only read.
var defaultListBotAgentsParams ListBotAgentsParams

// List returns the bot agents (ID, name, avatar and status only; Get has the
// details). nil params list the caller's application's bots. The API answers
// every bot agent at once (there are no pages), so List returns a slice.
func (s *BotAgentsService) List(ctx context.Context, params *ListBotAgentsParams, opts ...chatsdk.CallOption) ([]BotAgent, error) {
	if params == nil {
		params = &defaultListBotAgentsParams
	}
	var out struct {
		BotAgents []BotAgent `json:"bot_agents"`
	}
	if _, err := s.client.do(ctx, opListBotAgents, params, &out, opts); err != nil {
		return nil, err
	}
	return out.BotAgents, nil
}

// Get returns the details of the bot agent botAgentID. Permissions:
// agents-bot--my:read for the caller's bots, agents-bot--all:read for any.
func (s *BotAgentsService) Get(ctx context.Context, botAgentID string, opts ...chatsdk.CallOption) (*BotAgent, error) {
	if err := requireID("bot_agent_id", botAgentID); err != nil {
		return nil, withOperation(err, opGetBotAgent)
	}
	var out struct {
		BotAgent *BotAgent `json:"bot_agent"`
	}
	resp, err := s.client.do(ctx, opGetBotAgent, botAgentIDBody{botAgentID}, &out, opts)
	if err != nil {
		return nil, err
	}
	if out.BotAgent == nil {
		return nil, errMissingField(opGetBotAgent, resp, "bot_agent")
	}
	return out.BotAgent, nil
}

// requireID refuses an empty or blank ID.
func requireID(field, id string) error {
	if strings.TrimSpace(id) == "" {
		return invalid(field, "required")
	}
	return nil
}
