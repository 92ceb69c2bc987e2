package chatrhub

// Chat is a conversation between an agent and a visitor, or between two
// agents, with the agent, group and visitor nested.
type Chat struct {
	// ID is the resource "id" of the chat.
	ID int64 `json:"-"`
	// Type is the resource "type", "chats".
	Type string `json:"-"`

	// AgentID is the agent of an agent-to-visitor chat.
	AgentID Int `json:"agent_id"`
	// Agent is the nested agent (attributes only; see Agents).
	Agent *Agent `json:"agent"`
	// AgentIDTo is the other agent of an agent-to-agent chat (0 otherwise).
	AgentIDTo Int `json:"agent_id_to"`
	// VisitorID is the visitor of an agent-to-visitor chat.
	VisitorID Int `json:"visitor_id"`
	// Visitor is the nested visitor (attributes only; see Visitors).
	Visitor *Visitor `json:"visitor"`
	// GroupID is the chat's group (0 if none).
	GroupID Int `json:"group_id"`
	// Group is the nested group, when GroupID is set (attributes only).
	Group *Group `json:"group"`
	// Tag is the chat's tag: what happened, set by the agent or the dialog.
	Tag string `json:"tag"`
	// IsBillable is whether the conversation is billable.
	IsBillable IntBool `json:"is_billable"`
	// IsMissed is whether the conversation was missed (false when the API
	// sends null).
	IsMissed IntBool `json:"is_missed"`
	// IsBeatOut is whether another agent answered first (routing "All
	// Agents").
	IsBeatOut IntBool `json:"is_beat_out"`
	// IsEnded is whether the conversation has ended.
	IsEnded IntBool `json:"is_ended"`
	// IsFeedbackRequested is whether feedback was requested, manually or
	// automatically.
	IsFeedbackRequested IntBool `json:"is_feedback_requested"`
	// EndedRsnCd is why the chat ended: "offline", "no_reply" or "inactive".
	EndedRsnCd string `json:"ended_rsn_cd"`
	// TransferToAgentID is the agent the chat was transferred to (0 if none).
	TransferToAgentID Int `json:"transfer_to_agent_id"`
	// ResponseDelay is the agent's response time in seconds (nil if unknown).
	ResponseDelay *Int `json:"response_delay"`
	// Duration is the chat's duration in seconds (nil if unknown).
	Duration *Int `json:"duration"`
	// OverallRating rates the agent overall, 1 to 3 (0 if not rated).
	OverallRating Int `json:"overall_rating"`
	// FriendlyRating rates how friendly the agent was, 1 to 3 (0 if not
	// rated). The API spells the field "frendly_rating".
	FriendlyRating Int `json:"frendly_rating"`
	// ResponsiveRating rates how responsive the agent was, 1 to 3.
	ResponsiveRating Int `json:"responsive_rating"`
	// KnowledgeRating rates how knowledgeable the agent was, 1 to 3.
	KnowledgeRating Int `json:"knowledge_rating"`
	// AverageRating is the percentage of the ratings above (nil if not rated).
	AverageRating *float64 `json:"average_rating"`
	// Feedback is the visitor's feedback.
	Feedback string `json:"feedback"`
	// Record is the account, the terminated flag and who created and last
	// updated the chat, and when; CreateDt is when the conversation started.
	Record
}

func (c *Chat) setIdentity(id int64, typ string) { c.ID, c.Type = id, typ }

// ChatReport summarizes chat volumes, durations and agent ratings over a
// date range.
type ChatReport struct {
	// ID is the resource "id".
	ID int64 `json:"-"`
	// Type is the resource "type", "report".
	Type string `json:"-"`

	// TotalChats is the number of chats.
	TotalChats Int `json:"total_chats"`
	// MissedChats is the number of missed chats.
	MissedChats Int `json:"missed_chats"`
	// TotalRatings is the number of chats that have a rating.
	TotalRatings Int `json:"total_ratings"`
	// GreatChatsCount is the number of chats rated GREAT.
	GreatChatsCount Int `json:"great_chats_count"`
	// OkChatsCount is the number of chats rated OK.
	OkChatsCount Int `json:"ok_chats_count"`
	// PoorChatsCount is the number of chats rated POOR.
	PoorChatsCount Int `json:"poor_chats_count"`
	// AverageRating is the average chat rating (percentage).
	AverageRating float64 `json:"average_rating"`
	// OverallRating is the average overall rating.
	OverallRating float64 `json:"overall_rating"`
	// KnowledgeRating is the average knowledge rating.
	KnowledgeRating float64 `json:"knowledge_rating"`
	// ResponsiveRating is the average responsiveness rating.
	ResponsiveRating float64 `json:"responsive_rating"`
	// FriendlyRating is the average friendliness rating (the API spells the
	// field "frendly_rating").
	FriendlyRating float64 `json:"frendly_rating"`
	// AverageResponseDelay is the average response delay in seconds (nil
	// when there is no data).
	AverageResponseDelay *float64 `json:"average_response_delay"`
	// AverageDuration is the average chat duration in seconds (nil when
	// there is no data).
	AverageDuration *float64 `json:"average_duration"`
}

func (r *ChatReport) setIdentity(id int64, typ string) { r.ID, r.Type = id, typ }
