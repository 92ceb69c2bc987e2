package chatrhub

import (
	"context"
	"net/http"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/internal/core"
)

// AgentGroupsService reads and changes which groups an agent is assigned to.
type AgentGroupsService service

// List returns the group links of an agent (List Groups by Agent), each
// with the agent and the group nested.
//
// GET /agent_groups/{agent_id}.json
func (s *AgentGroupsService) List(ctx context.Context, agentID int64, opts ...chatsdk.CallOption) ([]AgentGroup, error) {
	const op = "chatrhub.AgentGroups.List"
	if err := positiveID(op, "agent_id", agentID); err != nil {
		return nil, err
	}
	return getMany[AgentGroup](ctx, (*service)(s), &core.Request{Operation: op, Method: http.MethodGet, Route: "/agent_groups/{agent_id}.json", PathParams: []any{agentID}}, opts)
}

// Get tells whether an agent is assigned to a group (Get Agent Group
// Assignment), with the link between them when the API returns one.
//
// "No object" is an answer, not an error: when the API returns none (the
// agent is not associated to the group, the agent/group combination does
// not exist, or an ID is not the caller's), Get returns an assignment with
// Assigned false and a nil AgentGroup. An answer of null, {}, [] or no
// "data" at all counts as no object. A 404 answer is an error matching
// chatsdk.ErrNotFound.
//
// GET /agent_groups/agent_id/{agent_id}/group_id/{group_id}.json
func (s *AgentGroupsService) Get(ctx context.Context, agentID, groupID int64, opts ...chatsdk.CallOption) (*AgentGroupAssignment, error) {
	const op = "chatrhub.AgentGroups.Get"
	if err := positiveID(op, "agent_id", agentID); err != nil {
		return nil, err
	}
	if err := positiveID(op, "group_id", groupID); err != nil {
		return nil, err
	}
	ag, _, err := doOne[AgentGroup](ctx, (*service)(s), &core.Request{
		Operation: op, Method: http.MethodGet,
		Route: "/agent_groups/agent_id/{agent_id}/group_id/{group_id}.json", PathParams: []any{agentID, groupID},
		EmptyAnswer: true,
	}, opts)
	if err != nil {
		return nil, err
	}
	return &AgentGroupAssignment{Assigned: ag != nil && bool(ag.IsAssigned), AgentGroup: ag}, nil
}

// AssignAgentParams says which group to assign or unassign.
type AssignAgentParams struct {
	// GroupID is the group (required).
	GroupID int64
	// IsAssigned assigns the agent to the group (true) or unassigns it
	// (false); it is always sent.
	IsAssigned bool
}

type assignAgentAttributes struct {
	AgentID    int64 `json:"agent_id"`
	GroupID    int64 `json:"group_id"`
	IsAssigned bool  `json:"is_assigned"`
}

// Assign sets whether the agent is assigned to params.GroupID (Assign Agent
// to Group) and returns the resulting link; the API answers with an array
// of one link, which is returned as one. The body's agent_id is agentID.
//
// It is a POST and is never replayed: if the connection fails after the
// request was sent, or the API answers 5xx, the error matches
// chatsdk.ErrMayHaveBeenApplied. Setting the same assignment again is
// harmless, so the caller may retry it.
//
// POST /agent_groups/{agent_id}.json
func (s *AgentGroupsService) Assign(ctx context.Context, agentID int64, params *AssignAgentParams, opts ...chatsdk.CallOption) (*AgentGroup, error) {
	const op = "chatrhub.AgentGroups.Assign"
	if err := positiveID(op, "agent_id", agentID); err != nil {
		return nil, err
	}
	if params == nil {
		return nil, paramErr(op, "group_id", "is required")
	}
	if err := positiveID(op, "group_id", params.GroupID); err != nil {
		return nil, err
	}
	return getOne[AgentGroup](ctx, (*service)(s), &core.Request{
		Operation: op, Method: http.MethodPost, Route: "/agent_groups/{agent_id}.json", PathParams: []any{agentID},
		Body: body(TypeAgentGroups, assignAgentAttributes{AgentID: agentID, GroupID: params.GroupID, IsAssigned: params.IsAssigned}),
	}, opts)
}

// Remove removes an agent from a group (Remove Agent From Group). The API
// answers {"success": "Deleted"} (SuccessDeleted). It is a DELETE, so it is
// retried on 5xx and connection errors.
//
// DELETE /agent_groups/agent_id/{agent_id}/group_id/{group_id}.json
func (s *AgentGroupsService) Remove(ctx context.Context, agentID, groupID int64, opts ...chatsdk.CallOption) (*Success, error) {
	const op = "chatrhub.AgentGroups.Remove"
	if err := positiveID(op, "agent_id", agentID); err != nil {
		return nil, err
	}
	if err := positiveID(op, "group_id", groupID); err != nil {
		return nil, err
	}
	return doResult(ctx, (*service)(s), &core.Request{
		Operation: op, Method: http.MethodDelete,
		Route: "/agent_groups/agent_id/{agent_id}/group_id/{group_id}.json", PathParams: []any{agentID, groupID},
	}, opts)
}
