package chatrhub

// Agent is a human or bot agent of the account.
type Agent struct {
	// ID is the resource "id"; zero in an Agent nested in another object
	// (use AgentID there).
	ID int64 `json:"-"`
	// Type is the resource "type", "agents".
	Type string `json:"-"`

	// AgentID is the ID of the agent (sent as the string "4" by the API).
	AgentID Int `json:"agent_id"`
	// Username is the username of the human or bot agent.
	Username string `json:"username"`
	// Email is the agent's email address.
	Email string `json:"email"`
	// FullName is the name visible to other agents and to visitors.
	FullName string `json:"full_name"`
	// DisplayName is the agent's display name.
	DisplayName string `json:"display_name"`
	// AvatarImg is the file name of the agent's profile image.
	AvatarImg string `json:"avatar_img"`
	// AuthorizationLevel is 1 (agent), 3 (supervisor) or 5 (admin).
	AuthorizationLevel AuthorizationLevel `json:"authorization_level"`
	// XMPPPassword is the agent's XMPP password.
	XMPPPassword string `json:"xmpp_password"`
	// IsBot tells a bot agent from a human one.
	IsBot Bool `json:"is_bot"`
	// IsTakingChats is whether the agent is available (true) or unavailable
	// when online.
	IsTakingChats Bool `json:"is_taking_chats"`
	// IsAgentSetup is whether the agent has set a profile image.
	IsAgentSetup Bool `json:"is_agent_setup"`
	// IsUnsubscribe is whether the agent unsubscribed from emails.
	IsUnsubscribe Bool `json:"is_unsubscribe"`
	// IsTempLogin is whether the agent logs in with a temporary password.
	IsTempLogin Bool `json:"is_temp_login"`
	// IsAssignTrainingTasks is whether training (machine learning) tasks are
	// assigned to this agent.
	IsAssignTrainingTasks Bool `json:"is_assign_training_tasks"`
	// IsAssignTrainingTaskSendEmail is whether a new training task emails
	// the agent.
	IsAssignTrainingTaskSendEmail Bool `json:"is_assign_training_task_send_email"`
	// IsAssignOperationalTasks is whether operational tasks are assigned to
	// this agent.
	IsAssignOperationalTasks Bool `json:"is_assign_operational_tasks"`
	// IsAssignOperationalTaskSendEmail is whether a new operational task
	// emails the agent.
	IsAssignOperationalTaskSendEmail Bool `json:"is_assign_operational_task_send_email"`
	// IsAssignOperationalTaskByVariable is whether a dialog variable decides
	// which operational tasks go to this agent.
	IsAssignOperationalTaskByVariable Bool `json:"is_assign_operational_task_by_variable"`
	// AssignOperationalTaskVariable is the name of that dialog variable.
	AssignOperationalTaskVariable string `json:"assign_operational_task_variable"`
	// AssignOperationalTaskValues are the variable values that send a task
	// to this agent (a JSON list stored in a string, "[]").
	AssignOperationalTaskValues List `json:"assign_operational_task_values"`
	// Record is the account, the terminated flag and who created and last
	// updated the agent, and when.
	Record
}

func (a *Agent) setIdentity(id int64, typ string) { a.ID, a.Type = id, typ }

// AuthorizationLevel is an agent's permission level.
type AuthorizationLevel int

// The documented authorization levels.
const (
	LevelAgent      AuthorizationLevel = 1
	LevelSupervisor AuthorizationLevel = 3
	LevelAdmin      AuthorizationLevel = 5
)

func (l AuthorizationLevel) valid() bool {
	return l == LevelAgent || l == LevelSupervisor || l == LevelAdmin
}

// UnmarshalJSON reads the level from 5 or "5".
func (l *AuthorizationLevel) UnmarshalJSON(b []byte) error {
	var n Int
	if err := n.UnmarshalJSON(b); err != nil {
		return err
	}
	*l = AuthorizationLevel(n)
	return nil
}
