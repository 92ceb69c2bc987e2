package chatrhub

// AgentActivity is one snapshot of an agent's availability; the API keeps
// one every 5 minutes.
type AgentActivity struct {
	// ID is the resource "id".
	ID int64 `json:"-"`
	// Type is the resource "type", "agent_activities".
	Type string `json:"-"`

	// AgentID is the agent the snapshot is about.
	AgentID Int `json:"agent_id"`
	// Status is the agent's availability at CreateDt.
	Status ActivityStatus `json:"status"`
	// Record is the account, the terminated flag and who created and last
	// updated the snapshot, and when; CreateDt is the time of the snapshot.
	Record
}

func (a *AgentActivity) setIdentity(id int64, typ string) { a.ID, a.Type = id, typ }

// ActivityStatus is an agent's availability.
type ActivityStatus string

// The documented availability statuses.
const (
	// StatusAvailable: the agent can chat with new visitors (green bar in
	// the portal).
	StatusAvailable ActivityStatus = "available"
	// StatusUnavailable: the agent chats with current visitors, but new
	// visitors cannot start a conversation with them (yellow bar).
	StatusUnavailable ActivityStatus = "unavailable"
	// StatusOffline: the agent is not connected to XMPP and cannot chat
	// (red bar).
	StatusOffline ActivityStatus = "offline"
)
