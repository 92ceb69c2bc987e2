package chatrhub

// Task is work queued for an agent: an operational task, raised by an event
// in a dialog, or a machine learning task, raised when the assistant is
// unsure of a message's intent and needs a human to pick it.
type Task struct {
	// ID is the resource "id" of the task.
	ID int64 `json:"-"`
	// Type is the resource "type", "q_tasks".
	Type string `json:"-"`

	// TaskType is TaskOperational or TaskMachineLearning.
	TaskType TaskType `json:"task_type"`
	// NodeName is the dialog node that raised an operational task (empty for
	// machine learning tasks).
	NodeName string `json:"node_name"`
	// MessageID is the message that raised a machine learning task (0 for
	// operational tasks).
	MessageID Int `json:"message_id"`
	// Message is that message (nil for operational tasks; see Messages).
	Message *Message `json:"message"`
	// AssignedAgentID is the agent the task is assigned to.
	AssignedAgentID Int `json:"assigned_agent_id"`
	// IsComplete is whether the task is resolved.
	IsComplete Bool `json:"is_complete"`
	// Variables are the dialog variables collected for an operational task
	// (a JSON object stored in a string, "{}").
	Variables Object `json:"variables_"`
	// IntentID is the intent an agent picked for a machine learning task (0
	// if none; the API sends it as the string "1").
	IntentID Int `json:"intent_id"`
	// ClientID is the account.
	ClientID Int `json:"client_id"`
	// CreateBy is the ID of the agent who created the task.
	CreateBy Int `json:"create_by"`
	// CreateDt is when the task was created.
	CreateDt Time `json:"create_dt"`
	// UpdtBy is the ID of the agent who last updated the task (0 if none).
	UpdtBy Int `json:"updt_by"`
	// UpdtDt is when the task was last updated (zero if never).
	UpdtDt Time `json:"updt_dt"`
}

func (t *Task) setIdentity(id int64, typ string) { t.ID, t.Type = id, typ }

// TaskType is the kind of a task.
type TaskType string

// The documented task types.
const (
	TaskOperational     TaskType = "operational"
	TaskMachineLearning TaskType = "machine_learning"
)
