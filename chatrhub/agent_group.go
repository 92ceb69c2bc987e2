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
