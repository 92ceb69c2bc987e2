package giosg

// ChatTag is a keyword attached to a chat.
type ChatTag struct {
	// Name is the tag.
	Name string `json:"name"`
	// CreatedAt is when the chat was tagged.
	CreatedAt Time `json:"created_at"`
	// HashedName is the SHA-1 hash of the tag, the only thing visitors and
	// goals see of it. Not present in every answer.
	HashedName string `json:"hashed_name,omitempty"`
	// RoomID is the room the tag belongs to. Not present in every answer.
	RoomID string `json:"room_id,omitempty"`
}
