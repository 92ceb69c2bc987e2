package chatrhub

// Message is one message of a chat, sent by an agent or a visitor to an
// agent or a visitor, with the bot's intent classification and any manual
// corrections of it.
type Message struct {
	// ID is the resource "id" of the message; zero in a Message nested in a
	// Task (use Task.MessageID there).
	ID int64 `json:"-"`
	// Type is the resource "type", "messages".
	Type string `json:"-"`

	// ChatID is the chat the message belongs to.
	ChatID Int `json:"chat_id"`
	// Body is the text of the message.
	Body string `json:"body"`
	// FromAgentID is the agent who sent the message (0 if none).
	FromAgentID Int `json:"from_agent_id"`
	// FromAgent is the sending agent (nil if none; see Agents).
	FromAgent *Agent `json:"from_agent"`
	// FromVisitorID is the visitor who sent the message (0 if none).
	FromVisitorID Int `json:"from_visitor_id"`
	// ToAgentID is the agent the message was sent to (0 if none).
	ToAgentID Int `json:"to_agent_id"`
	// ToVisitorID is the visitor the message was sent to (0 if none).
	ToVisitorID Int `json:"to_visitor_id"`
	// IsAdmin is whether this is an admin message.
	IsAdmin Bool `json:"is_admin"`
	// IsInterruptionBlocked is whether the message was blocked because of an
	// interruption.
	IsInterruptionBlocked Bool `json:"is_interruption_blocked"`
	// BatchIntentID is the intent the AI found, for a message to a bot.
	BatchIntentID Int `json:"batch_intent_id"`
	// BatchIntentProbability is the probability of that intent (nil if none).
	BatchIntentProbability *float64 `json:"batch_intent_probability"`
	// ManualIntentID1 to ManualIntentID5 are intents set manually.
	ManualIntentID1 Int `json:"manual_intent_id_1"`
	ManualIntentID2 Int `json:"manual_intent_id_2"`
	ManualIntentID3 Int `json:"manual_intent_id_3"`
	ManualIntentID4 Int `json:"manual_intent_id_4"`
	ManualIntentID5 Int `json:"manual_intent_id_5"`
	// ManualUserID1 to ManualUserID5 are the agents who set those intents.
	ManualUserID1 Int `json:"manual_user_id_1"`
	ManualUserID2 Int `json:"manual_user_id_2"`
	ManualUserID3 Int `json:"manual_user_id_3"`
	ManualUserID4 Int `json:"manual_user_id_4"`
	ManualUserID5 Int `json:"manual_user_id_5"`
	// FinalManualIntentID is the final manually set intent.
	FinalManualIntentID Int `json:"final_manual_intent_id"`
	// ClientID is the account.
	ClientID Int `json:"client_id"`
	// CreateDt is when the message was sent.
	CreateDt Time `json:"create_dt"`
}

func (m *Message) setIdentity(id int64, typ string) { m.ID, m.Type = id, typ }
