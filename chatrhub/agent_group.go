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
	// ClientID is the account.
	ClientID Int `json:"client_id"`
	// TrmntInd is the terminated (deleted) flag.
	TrmntInd Bool `json:"trmnt_ind"`
	// CreateBy is the ID of the agent who created the link.
	CreateBy Int `json:"create_by"`
	// CreateDt is when the link was created.
	CreateDt Time `json:"create_dt"`
	// UpdtBy is the ID of the agent who last updated the link (0 if none).
	UpdtBy Int `json:"updt_by"`
	// UpdtDt is when the link was last updated (zero if never).
	UpdtDt Time `json:"updt_dt"`
}

func (a *AgentGroup) setIdentity(id int64, typ string) { a.ID, a.Type = id, typ }
