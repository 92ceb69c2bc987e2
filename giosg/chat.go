package giosg

import "time"

// Chat is a single conversation: usually zero or one visitor member and any
// number of user ("operator") members.
type Chat struct {
	// ID is the chat's UUID.
	ID string `json:"id"`
	// CreatedAt is when the conversation started.
	CreatedAt Time `json:"created_at"`
	// UpdatedAt is when the chat was last updated.
	UpdatedAt Time `json:"updated_at"`
	// WaitingStartedAt is when is_waiting last became true; it does not
	// change when is_waiting becomes false. nil if the chat never waited.
	WaitingStartedAt *Time `json:"waiting_started_at"`
	// IsEnded tells whether the chat has ended. An ended chat is locked: its
	// messages and members cannot change any more.
	IsEnded bool `json:"is_ended"`
	// EndedAt is when the chat ended, nil if it has not.
	EndedAt *Time `json:"ended_at"`
	// RoomID is the room in which the chat occurred.
	RoomID string `json:"room_id"`
	// RoomName is the name of that room.
	RoomName string `json:"room_name"`
	// RoomOrganizationID is the organization owning that room.
	RoomOrganizationID string `json:"room_organization_id"`
	// ChatType is operator, visitor, group, task or external (see the
	// ChatType* constants).
	ChatType ChatType `json:"chat_type"`
	// IsPrivate tells whether the chat is private for its operators.
	IsPrivate bool `json:"is_private"`
	// IsRealConversation tells whether the chat is an actual conversation.
	IsRealConversation bool `json:"is_real_conversation"`
	// IsAutosuggested tells whether the chat started with an automatic
	// autosuggestion message.
	IsAutosuggested bool `json:"is_autosuggested"`
	// IsEncrypted tells whether the chat's messages are stored encrypted.
	IsEncrypted bool `json:"is_encrypted"`
	// EncryptedSymmetricKey is the encrypted AES key of the chat's messages;
	// present only when IsEncrypted.
	EncryptedSymmetricKey *string `json:"encrypted_symmetric_key,omitempty"`
	// MessageCount counts the messages of type msg.
	MessageCount int `json:"message_count"`
	// UserMessageCount counts the messages sent by operators.
	UserMessageCount int `json:"user_message_count"`
	// VisitorMessageCount counts the messages sent by visitors.
	VisitorMessageCount int `json:"visitor_message_count"`
	// HasMessages tells whether the chat has any messages.
	HasMessages bool `json:"has_messages"`
	// HasUserMessages tells whether the chat has user messages.
	HasUserMessages bool `json:"has_user_messages"`
	// HasVisitorMessages tells whether the chat has visitor messages.
	HasVisitorMessages bool `json:"has_visitor_messages"`
	// FirstVisitorMessageURL is the page the visitor was on when sending
	// their first message, nil if the visitor sent none.
	FirstVisitorMessageURL *string `json:"first_visitor_message_url"`
	// FirstVisitorMessageURLTitle is that page's title, nil if none.
	FirstVisitorMessageURLTitle *string `json:"first_visitor_message_url_title"`
	// AutosuggestURL is the page the visitor was on when receiving an
	// autosuggest, nil if the chat has no autosuggestion.
	AutosuggestURL *string `json:"autosuggest_url"`
	// AutosuggestURLTitle is that page's title, nil if none.
	AutosuggestURLTitle *string `json:"autosuggest_url_title"`
	// TagCount is how many tags the chat has.
	TagCount int `json:"tag_count"`
	// IsWaiting is true for a chat started by a visitor that needs an
	// answer from a user (and has not ended).
	IsWaiting bool `json:"is_waiting"`
	// IsPending is true when IsWaiting is true and no user member is present.
	IsPending bool `json:"is_pending"`
	// MemberCount counts the people (visitors and users) who attended or
	// sent messages.
	MemberCount int `json:"member_count"`
	// UserMemberCount counts the users who sent at least one message.
	UserMemberCount int `json:"user_member_count"`
	// VisitorMemberCount counts the visitors who attended.
	VisitorMemberCount int `json:"visitor_member_count"`
	// PresentParticipantCount counts the people participating and present.
	PresentParticipantCount int `json:"present_participant_count"`
	// PresentUserParticipantCount counts the users participating and present.
	PresentUserParticipantCount int `json:"present_user_participant_count"`
	// PresentVisitorParticipantCount counts the visitors participating and
	// present.
	PresentVisitorParticipantCount int `json:"present_visitor_participant_count"`
	// VisitorWaitTime is how many seconds the visitor waited for an answer to
	// their first message; nil until they got one.
	VisitorWaitTime *float64 `json:"visitor_wait_time"`
	// Duration is the seconds from the first to the last message; nil until
	// the chat has ended.
	Duration *float64 `json:"duration"`
	// ActiveDuration is the seconds of Duration counted as active (60
	// seconds after each message); nil until the chat has ended.
	ActiveDuration *float64 `json:"active_duration"`

	// Token is a legacy giosg-signed unique string for the chat.
	//
	// Deprecated: the API keeps it for old integrations only.
	Token string `json:"token,omitempty"`
	// LegacyConversationState is a legacy conversation state of the chat.
	//
	// Deprecated: the API keeps it for old integrations only.
	LegacyConversationState string `json:"legacy_conversation_state,omitempty"`
	// LegacyRoomID is a legacy ID of the chat's room.
	//
	// Deprecated: the API keeps it for old integrations only.
	LegacyRoomID string `json:"legacy_room_id,omitempty"`
}

// ChatUpdate is the body of Chats.Update (PUT) and Chats.Patch (PATCH). The
// API lets a chat be ended (IsEnded true) or marked as not waiting
// (IsWaiting false); unset fields are not sent.
type ChatUpdate struct {
	// IsEnded true ends the chat immediately and permanently (it also sets
	// is_waiting to false). A chat cannot be reopened.
	IsEnded *bool `json:"is_ended,omitempty"`
	// IsWaiting false marks the chat as not waiting.
	IsWaiting *bool `json:"is_waiting,omitempty"`
}

// ChatListParams filters and orders a chat list. Filters left nil are not
// sent; a filter set to chatsdk.Ptr(false) is sent as false
// (IsEnded: chatsdk.Ptr(false) lists open chats).
type ChatListParams struct {
	// ListOptions holds the paging controls; they are not query parameters.
	ListOptions
	// Ordering is created_at (default) or -created_at; UserChats also take
	// updated_at and -updated_at (see the Order* constants).
	Ordering Order `url:"ordering,omitempty"`
	// IsWaiting true lists only waiting chats, false only chats not waiting.
	// Not documented for UserChats.
	IsWaiting *bool `url:"is_waiting,omitempty"`
	// IsEnded true lists only ended chats, false only open chats.
	IsEnded *bool `url:"is_ended,omitempty"`
	// IsParticipating (UserChats only) true lists chats where the user is
	// participating, false excludes them.
	IsParticipating *bool `url:"is_participating,omitempty"`
	// HasMessages true lists chats with messages, false chats without.
	HasMessages *bool `url:"has_messages,omitempty"`
	// HasUserMessages true lists chats with user messages, false without.
	HasUserMessages *bool `url:"has_user_messages,omitempty"`
	// HasVisitorMessages true lists chats with visitor messages, false
	// without.
	HasVisitorMessages *bool `url:"has_visitor_messages,omitempty"`
	// CreatedAtAfter lists chats created after this time (sent as RFC 3339,
	// an ISO 8601 form). Not documented for UserChats.
	CreatedAtAfter time.Time `url:"created_at_after,omitempty"`
	// CreatedAtBefore lists chats created before this time. Not documented
	// for UserChats.
	CreatedAtBefore time.Time `url:"created_at_before,omitempty"`
}

// ChatType is the type of a chat (Chat.ChatType). The API may answer with
// values not listed here; they decode as they are.
type ChatType string

// Chat types.
const (
	ChatTypeOperator ChatType = "operator"
	ChatTypeVisitor  ChatType = "visitor"
	ChatTypeGroup    ChatType = "group"
	ChatTypeTask     ChatType = "task"
	ChatTypeExternal ChatType = "external"
)
