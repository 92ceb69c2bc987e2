package chatrhub

// AgentGroup is the link between an agent and a group: whether the agent is
// assigned to the group, with the agent and the group nested.
type AgentGroup struct {
	// ID is the resource "id" of the link.
	ID int64 `json:"-"`
	// Type is the resource "type", "agent_groups".
	Type string `json:"-"`

	// AgentID is the agent that is (or is not) in the group.
	AgentID Int `json:"agent_id"`
	// GroupID is the group.
	GroupID Int `json:"group_id"`
	// IsAssigned is whether the group is assigned to the agent.
	IsAssigned Bool `json:"is_assigned"`
	// Agent is the nested agent (attributes only; see Agents).
	Agent *Agent `json:"agent"`
	// Group is the nested group (attributes only; see Groups).
	Group *Group `json:"group"`
	// Record is the account, the terminated flag and who created and last
	// updated the link, and when.
	Record
}

func (a *AgentGroup) setIdentity(id int64, typ string) { a.ID, a.Type = id, typ }

// AgentGroupAssignment is the answer of Get Agent Group Assignment: whether
// an agent is assigned to a group, and the link object when the API
// returned one.
type AgentGroupAssignment struct {
	// Assigned is whether the agent is assigned to the group: the API
	// returned a link and its is_assigned is true.
	Assigned bool
	// AgentGroup is the link the API returned, nil when it returned no
	// object: the agent is not associated to the group, the agent/group
	// combination does not exist, or an ID is not the caller's (the API does
	// not say which). A link with is_assigned false is an agent that was
	// unassigned from the group.
	AgentGroup *AgentGroup
}
