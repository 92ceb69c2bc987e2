package chatrhub

// Record is the record keeping most ChatrHub objects carry: the account, the
// terminated (deleted) flag, and who created and last updated the object,
// and when. Agent, AgentActivity, AgentGroup, Chat, Group and Visitor embed
// it: its fields read as agent.ClientID, chat.CreateDt, ..., and on the wire
// its attributes stand among the object's own. Task (no trmnt_ind) and
// Message (only client_id and create_dt) carry less and declare their own.
type Record struct {
	// ClientID is the account the object belongs to.
	ClientID Int `json:"client_id"`
	// TrmntInd is the terminated (deleted) flag.
	TrmntInd Bool `json:"trmnt_ind"`
	// CreateBy is the ID of the agent who created the object.
	CreateBy Int `json:"create_by"`
	// CreateDt is when the object was created.
	CreateDt Time `json:"create_dt"`
	// UpdtBy is the ID of the agent who last updated the object (0 if none).
	UpdtBy Int `json:"updt_by"`
	// UpdtDt is when the object was last updated (zero if never).
	UpdtDt Time `json:"updt_dt"`
}
