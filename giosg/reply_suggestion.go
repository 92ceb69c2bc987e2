package giosg

import "github.com/chatsdk-go/chatsdk"

// ReplySuggestion is a suggested reply to a chat message, shown to chat
// agents in real time (for example added by a bot).
type ReplySuggestion struct {
	// ID is the suggestion's ID.
	ID string `json:"id"`
	// Suggestion is the suggested message.
	Suggestion string `json:"suggestion"`
	// RelevancyScore is between 0 and 1, or nil.
	RelevancyScore *float64 `json:"relevancy_score"`
	// CreatedByUserID is the user who added the suggestion.
	CreatedByUserID string `json:"created_by_user_id"`
	// CreatedByUser is that user.
	CreatedByUser *UserRef `json:"created_by_user"`
	// UpdatedByUserID is the user who last updated it.
	UpdatedByUserID *string `json:"updated_by_user_id"`
	// UpdatedByUser is that user.
	UpdatedByUser *UserRef `json:"updated_by_user"`
	// RoomID is the room where the chat takes place.
	RoomID string `json:"room_id"`
	// ChatID is the chat.
	ChatID string `json:"chat_id"`
	// MessageID is the message the suggestion is tied to.
	MessageID string `json:"message_id"`
	// OrganizationID is the organization of the user.
	OrganizationID string `json:"organization_id"`
	// CreatedAt is when the suggestion was created.
	CreatedAt Time `json:"created_at"`
	// UpdatedAt is when it was updated.
	UpdatedAt Time `json:"updated_at"`
}

// ReplySuggestionCreate is the body of ReplySuggestions.Add.
type ReplySuggestionCreate struct {
	// Suggestion is required.
	Suggestion string `json:"suggestion"`
	// RelevancyScore, between 0 and 1, is shown in the console when set.
	RelevancyScore *float64 `json:"relevancy_score,omitempty"`
}

// ReplySuggestionUpdate is the body of ReplySuggestions.Update (PUT: send
// Suggestion) and Patch (PATCH: send what changes). An empty Suggestion and
// a nil RelevancyScore are not sent.
type ReplySuggestionUpdate struct {
	// Suggestion is the suggested message; required by Update (PUT).
	Suggestion string `json:"suggestion,omitempty"`
	// RelevancyScore is how good a reply the suggestion is: a float between
	// 0 and 1 or null. chatsdk.NullableOf(0.8) sends 0.8,
	// chatsdk.Null[float64]() sends null (no score), nil leaves it out.
	RelevancyScore *chatsdk.Nullable[float64] `json:"relevancy_score,omitempty"`
}

// ReplySuggestionListParams orders the reply suggestion lists.
type ReplySuggestionListParams struct {
	// ListOptions holds the paging controls; they are not query parameters.
	ListOptions
	// Ordering is created_at (default) or -created_at.
	Ordering Order `url:"ordering,omitempty"`
}
