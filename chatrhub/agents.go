package chatrhub

import (
	"context"
	"net/http"
	"strings"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/internal/core"
)

// AgentsService lists, reads, updates and invites agents.
type AgentsService service

// ListAgentsParams filters List Agents.
type ListAgentsParams struct {
	// AgentUsername returns only the agent with this username.
	AgentUsername string `url:"agent_username,omitempty"`
}

// List returns all agents of the account, or the one whose username is
// params.AgentUsername. params may be nil.
//
// GET /agents.json
func (s *AgentsService) List(ctx context.Context, params *ListAgentsParams, opts ...chatsdk.CallOption) ([]Agent, error) {
	return getMany[Agent](ctx, (*service)(s), &core.Request{Operation: "chatrhub.Agents.List", Method: http.MethodGet, Path: "/agents.json", Query: params}, opts)
}

// Get returns one agent by ID. The documented answer holds the agent in an
// array of one ("data": [{...}]); an object is accepted too.
//
// GET /agents/{agent_id}.json
func (s *AgentsService) Get(ctx context.Context, agentID int64, opts ...chatsdk.CallOption) (*Agent, error) {
	const op = "chatrhub.Agents.Get"
	if err := positiveID(op, "agent_id", agentID); err != nil {
		return nil, err
	}
	return getOne[Agent](ctx, (*service)(s), &core.Request{Operation: op, Method: http.MethodGet, Route: "/agents/{agent_id}.json", PathParams: []any{agentID}}, opts)
}

// UpdateAgentParams are the attributes Update Agent changes. Nil fields
// are left out and keep their value.
type UpdateAgentParams struct {
	// FullName is the name visible to other agents and to visitors.
	FullName *string `json:"full_name,omitempty"`
	// Email is the agent's email address.
	Email *string `json:"email,omitempty"`
	// AuthorizationLevel is LevelAgent, LevelSupervisor or LevelAdmin.
	AuthorizationLevel *AuthorizationLevel `json:"authorization_level,omitempty"`
	// IsBot tells a bot agent from a human one.
	IsBot *bool `json:"is_bot,omitempty"`
	// IsTakingChats makes the agent available (true) or unavailable.
	IsTakingChats *bool `json:"is_taking_chats,omitempty"`
	// IsAgentSetup is whether the agent has set a profile image.
	IsAgentSetup *bool `json:"is_agent_setup,omitempty"`
	// IsUnsubscribe is whether the agent unsubscribed from emails.
	IsUnsubscribe *bool `json:"is_unsubscribe,omitempty"`
	// IsAssignTrainingTasks assigns training tasks to the agent.
	IsAssignTrainingTasks *bool `json:"is_assign_training_tasks,omitempty"`
	// IsAssignTrainingTaskSendEmail emails the agent on a new training task.
	IsAssignTrainingTaskSendEmail *bool `json:"is_assign_training_task_send_email,omitempty"`
	// IsAssignOperationalTasks assigns operational tasks to the agent.
	IsAssignOperationalTasks *bool `json:"is_assign_operational_tasks,omitempty"`
	// IsAssignOperationalTaskSendEmail emails the agent on a new operational
	// task.
	IsAssignOperationalTaskSendEmail *bool `json:"is_assign_operational_task_send_email,omitempty"`
	// IsAssignOperationalTaskByVariable makes a dialog variable decide which
	// operational tasks go to the agent.
	IsAssignOperationalTaskByVariable *bool `json:"is_assign_operational_task_by_variable,omitempty"`
	// AssignOperationalTaskVariable is the name of that dialog variable.
	AssignOperationalTaskVariable *string `json:"assign_operational_task_variable,omitempty"`
	// AssignOperationalTaskValues are the variable values that send a task
	// to the agent; sent as a JSON list in a string.
	AssignOperationalTaskValues *List `json:"assign_operational_task_values,omitempty"`
}

// Update changes the agent's attributes and returns the updated agent.
// params must set at least one field. It is a PATCH: never retried once sent (a
// failure after sending matches chatsdk.ErrMayHaveBeenApplied);
// chatsdk.WithRetryUnsafe retries it.
//
// PATCH /agents/{agent_id}.json
func (s *AgentsService) Update(ctx context.Context, agentID int64, params *UpdateAgentParams, opts ...chatsdk.CallOption) (*Agent, error) {
	const op = "chatrhub.Agents.Update"
	if err := positiveID(op, "agent_id", agentID); err != nil {
		return nil, err
	}
	if params == nil || *params == (UpdateAgentParams{}) {
		return nil, paramErr(op, "attributes", "are required: set at least one field")
	}
	if l := params.AuthorizationLevel; l != nil && !l.valid() {
		return nil, paramErr(op, "authorization_level", "must be 1 (agent), 3 (supervisor) or 5 (admin)")
	}
	return getOne[Agent](ctx, (*service)(s), &core.Request{
		Operation: op, Method: http.MethodPatch, Route: "/agents/{agent_id}.json", PathParams: []any{agentID},
		Body: body(TypeAgents, params),
	}, opts)
}

// InviteAgentParams are the attributes of Invite Agent. FullName,
// AuthorizationLevel and Email are required.
type InviteAgentParams struct {
	// FullName is the agent's name (required).
	FullName string `json:"full_name"`
	// AuthorizationLevel is LevelAgent, LevelSupervisor or LevelAdmin
	// (required).
	AuthorizationLevel AuthorizationLevel `json:"authorization_level"`
	// Email receives the invitation (required).
	Email string `json:"email"`
	// IsAssignTrainingTasks assigns training tasks to the agent (default false).
	IsAssignTrainingTasks bool `json:"is_assign_training_tasks,omitempty"`
	// IsAssignTrainingTaskSendEmail emails the agent on a new training task
	// (default false).
	IsAssignTrainingTaskSendEmail bool `json:"is_assign_training_task_send_email,omitempty"`
	// IsAssignOperationalTasks assigns operational tasks to the agent
	// (default false).
	IsAssignOperationalTasks bool `json:"is_assign_operational_tasks,omitempty"`
	// IsAssignOperationalTaskByVariable makes a dialog variable decide which
	// operational tasks go to the agent (default false).
	IsAssignOperationalTaskByVariable bool `json:"is_assign_operational_task_by_variable,omitempty"`
	// AssignOperationalTaskVariable is the name of that dialog variable.
	AssignOperationalTaskVariable string `json:"assign_operational_task_variable,omitempty"`
	// AssignOperationalTaskValues are the variable values that send a task
	// to the agent; sent as a JSON list in a string.
	AssignOperationalTaskValues List `json:"assign_operational_task_values,omitempty"`
}

// Invite adds an agent, emails them an invitation, and returns the new
// agent. It is a POST and is never replayed: if the connection fails after
// the request was sent, or the API answers 5xx, the error matches
// chatsdk.ErrMayHaveBeenApplied and the agent may exist (check with List
// before inviting again).
//
// POST /agents/invite.json
func (s *AgentsService) Invite(ctx context.Context, params *InviteAgentParams, opts ...chatsdk.CallOption) (*Agent, error) {
	const op = "chatrhub.Agents.Invite"
	switch {
	case params == nil:
		return nil, paramErr(op, "full_name", "is required")
	case strings.TrimSpace(params.FullName) == "":
		return nil, paramErr(op, "full_name", "is required")
	case params.AuthorizationLevel == 0:
		return nil, paramErr(op, "authorization_level", "is required")
	case !params.AuthorizationLevel.valid():
		return nil, paramErr(op, "authorization_level", "must be 1 (agent), 3 (supervisor) or 5 (admin)")
	case strings.TrimSpace(params.Email) == "":
		return nil, paramErr(op, "email", "is required")
	}
	return getOne[Agent](ctx, (*service)(s), &core.Request{
		Operation: op, Method: http.MethodPost, Path: "/agents/invite.json",
		Body: body(TypeAgents, params),
	}, opts)
}
