package chatio

import "fmt"

// AgentStatus is a bot agent's routing status.
type AgentStatus string

// The documented agent statuses.
const (
	// StatusAcceptingChats: the agent is logged in and the chat router routes
	// incoming chats to it.
	StatusAcceptingChats AgentStatus = "accepting chats"
	// StatusNotAcceptingChats: the agent is logged in but the chat router
	// does not route incoming chats to it.
	StatusNotAcceptingChats AgentStatus = "not accepting chats"
	// StatusOffline: the agent is not logged in.
	StatusOffline AgentStatus = "offline"
)

// Valid reports whether s is one of the documented statuses.
func (s AgentStatus) Valid() bool {
	switch s {
	case StatusAcceptingChats, StatusNotAcceptingChats, StatusOffline:
		return true
	}
	return false
}

// GroupPriority is an agent's chat routing priority within a group.
type GroupPriority string

// The documented group priorities.
const (
	// PriorityFirst is the highest routing priority: agents with it get
	// chats before the others in the group (a bot can get chats before the
	// human agents).
	PriorityFirst GroupPriority = "first"
	// PriorityNormal is the middle priority: these agents get chats before
	// those with PriorityLast when no PriorityFirst agent has a free slot.
	PriorityNormal GroupPriority = "normal"
	// PriorityLast is the lowest priority: these agents get chats only when
	// no PriorityFirst or PriorityNormal agent has a free slot.
	PriorityLast GroupPriority = "last"
)

// Valid reports whether p is one of the documented priorities.
func (p GroupPriority) Valid() bool {
	switch p {
	case PriorityFirst, PriorityNormal, PriorityLast:
		return true
	}
	return false
}

// BotAgent is a chat.io bot agent: an agent without an email or password that
// an integration drives through the Agent API. It belongs to the
// application (client_id) whose agent token created it.
//
// BotAgents.List fills only ID, Name, Avatar and Status; BotAgents.Get fills
// every field.
type BotAgent struct {
	// ID is the bot agent's ID, a random hash.
	ID string `json:"id"`
	// Name is the display name.
	Name string `json:"name"`
	// Avatar is the avatar URL (the documented example has no scheme).
	Avatar string `json:"avatar,omitempty"`
	// Status is the routing status.
	Status AgentStatus `json:"status"`
	// Application is the developers-platform application that owns the bot.
	Application *Application `json:"application,omitempty"`
	// MaxChatsCount is the maximum number of incoming chats routed to the
	// agent at once.
	MaxChatsCount int `json:"max_chats_count,omitempty"`
	// Groups are the groups the agent belongs to, with its priority in each.
	Groups []Group `json:"groups,omitempty"`
	// Webhooks are the webhooks sent to the agent.
	Webhooks *BotAgentWebhooks `json:"webhooks,omitempty"`
}

// Application identifies the developers-platform application that owns a
// bot agent.
type Application struct {
	ClientID string `json:"client_id"`
}

// Group is a group membership of an agent. chat.io does not support group
// management yet: every agent belongs to group 0, the only group.
type Group struct {
	// ID is the group ID (0 is the default group and is always sent).
	ID uint `json:"id"`
	// Priority is the agent's routing priority in the group (required).
	Priority GroupPriority `json:"priority"`
}

// BotAgentWebhooks configures the webhooks sent to a bot agent: every action
// listed is POSTed to URL with SecretKey in the body.
type BotAgentWebhooks struct {
	// URL is the destination URL (required).
	URL string `json:"url"`
	// SecretKey is sent in every webhook so that the receiver can verify its
	// source (required).
	SecretKey string `json:"secret_key"`
	// Actions are the triggering actions (at least one is required).
	Actions []BotAgentWebhookAction `json:"actions"`
}

// BotAgentWebhookAction is one action that triggers a bot agent's webhook.
type BotAgentWebhookAction struct {
	// Name is the triggering action (required).
	Name WebhookAction `json:"name"`
	// Filters, when set, limit the webhook to matching chats, threads or
	// events.
	Filters *Filters `json:"filters,omitempty"`
}

// validateGroups checks the groups of the list named field.
func validateGroups(field string, groups []Group) error {
	for i, g := range groups {
		if g.Priority == "" {
			return invalid(fmt.Sprintf("%s[%d].priority", field, i), "required")
		}
		if !g.Priority.Valid() {
			return invalid(fmt.Sprintf("%s[%d].priority", field, i), "unknown priority %q (want %q, %q or %q)", g.Priority, PriorityFirst, PriorityNormal, PriorityLast)
		}
	}
	return nil
}

func validateStatus(field string, s AgentStatus) error {
	if !s.Valid() {
		return invalid(field, "unknown status %q (want %q, %q or %q)", s, StatusAcceptingChats, StatusNotAcceptingChats, StatusOffline)
	}
	return nil
}

// validate checks the required fields of a bot agent's webhooks; the field
// paths of its errors are relative to the webhooks object.
func (w *BotAgentWebhooks) validate() error {
	if w == nil {
		return nil
	}
	if err := validateWebhookURL("url", w.URL); err != nil {
		return err
	}
	if w.SecretKey == "" {
		return invalid("secret_key", "required")
	}
	if len(w.Actions) == 0 {
		return invalid("actions", "at least one action is required")
	}
	for i, a := range w.Actions {
		err := validateAction("name", a.Name)
		if err == nil {
			err = at("filters", a.Filters.validate())
		}
		if err != nil {
			return at(fmt.Sprintf("actions[%d]", i), err)
		}
	}
	return nil
}
