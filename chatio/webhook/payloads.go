package webhook

import (
	"bytes"
	"encoding/json"
	"errors"

	"github.com/chatsdk-go/chatsdk/internal/jsondec"

	"github.com/chatsdk-go/chatsdk/chatio"
)

// IncomingChatThread is the data of incoming_chat_thread: a new thread
// started in a chat.
//
// The docs' payload table names a "thread" object, but the sample nests it
// in the chat: {"chat": {"id", "users", "properties", "thread"}}. This follows
// the sample.
type IncomingChatThread struct {
	// Chat is the chat, with its users, properties and the new thread.
	Chat Chat `json:"chat"`
}

// ChatUsersUpdated is the data of chat_users_updated: customers or agents
// were added to or removed from a chat.
type ChatUsersUpdated struct {
	// ChatID is the chat whose users changed.
	ChatID string `json:"chat_id"`
	// UpdatedUsers lists the customers and agents added and removed.
	UpdatedUsers UpdatedUsers `json:"updated_users"`
}

// UpdatedUsers lists the customers and agents added to and removed from a
// chat.
type UpdatedUsers struct {
	// Customers lists the customers added and removed.
	Customers CustomersUpdate `json:"customers"`
	// Agents lists the agents added and removed.
	Agents AgentsUpdate `json:"agents"`
}

// CustomersUpdate lists the customers added to a chat and the IDs of those
// removed.
type CustomersUpdate struct {
	// Added are the customers added to the chat.
	Added []Customer `json:"added"`
	// RemovedIDs are the IDs of the customers removed from the chat.
	RemovedIDs []string `json:"removed_ids"`
}

// AgentsUpdate lists the agents added to a chat and the IDs of those removed.
type AgentsUpdate struct {
	// Added are the agents added to the chat.
	Added []Agent `json:"added"`
	// RemovedIDs are the IDs of the agents removed from the chat.
	RemovedIDs []string `json:"removed_ids"`
}

// IncomingEvent is the data of incoming_event: an event was added to a chat.
// Event is never nil: a payload without an event is refused as malformed.
type IncomingEvent struct {
	// ChatID is the chat the event was added to.
	ChatID string `json:"chat_id"`
	// Event is the new event, decoded by its type.
	Event Event `json:"event"`
}

// UnmarshalJSON implements json.Unmarshaler, decoding the event by its type.
func (p *IncomingEvent) UnmarshalJSON(data []byte) error {
	var v struct {
		ChatID string          `json:"chat_id"`
		Event  json.RawMessage `json:"event"`
	}
	if err := jsondec.Unmarshal(data, &v); err != nil {
		return err
	}
	if len(v.Event) == 0 || bytes.Equal(v.Event, []byte("null")) {
		return errors.New("incoming_event without an event")
	}
	e, err := DecodeEvent(v.Event)
	if err != nil {
		return err
	}
	p.ChatID, p.Event = v.ChatID, e
	return nil
}

// LastSeenTimestampUpdated is the data of last_seen_timestamp_updated: a
// user's last seen timestamp in a chat changed.
type LastSeenTimestampUpdated struct {
	// UserID is the user whose last seen timestamp changed.
	UserID string `json:"user_id"`
	// ChatID is the chat the timestamp applies to.
	ChatID string `json:"chat_id"`
	// Timestamp is the new last seen time, in Unix seconds.
	Timestamp Timestamp `json:"timestamp"`
}

// ThreadClosed is the data of thread_closed: a chat thread was closed.
type ThreadClosed struct {
	// ChatID is the chat the closed thread belongs to.
	ChatID string `json:"chat_id"`
	// ThreadID is the closed thread.
	ThreadID string `json:"thread_id"`
	// UserID is the user who closed the thread; empty when the router
	// closed it.
	UserID string `json:"user_id,omitempty"`
}

// ChatScopesUpdated is the data of chat_scopes_updated: scopes were added to
// and removed from a chat.
type ChatScopesUpdated struct {
	// ChatID is the chat whose scopes changed.
	ChatID string `json:"chat_id"`
	// ScopesAdded are the scopes added to the chat.
	ScopesAdded Scopes `json:"scopes_added"`
	// ScopesRemoved are the scopes removed from the chat.
	ScopesRemoved Scopes `json:"scopes_removed"`
}

// ChatPropertiesUpdated is the data of chat_properties_updated. Properties
// holds only the chat properties that were just updated.
type ChatPropertiesUpdated struct {
	// ChatID is the chat whose properties changed.
	ChatID string `json:"chat_id"`
	// Properties are the just-updated chat properties only, not all of them.
	Properties Properties `json:"properties"`
}

// ChatThreadPropertiesUpdated is the data of chat_thread_properties_updated.
// Properties holds only the thread properties that were just updated.
type ChatThreadPropertiesUpdated struct {
	// ChatID is the chat the thread belongs to.
	ChatID string `json:"chat_id"`
	// ThreadID is the thread whose properties changed.
	ThreadID string `json:"thread_id"`
	// Properties are the just-updated thread properties only, not all of them.
	Properties Properties `json:"properties"`
}

// payloadDecoders decodes the data of each known action into its payload.
var payloadDecoders = map[chatio.WebhookAction]func([]byte) (any, error){
	chatio.ActionIncomingChatThread:          decodeAs[IncomingChatThread],
	chatio.ActionChatUsersUpdated:            decodeAs[ChatUsersUpdated],
	chatio.ActionIncomingEvent:               decodeAs[IncomingEvent],
	chatio.ActionLastSeenTimestampUpdated:    decodeAs[LastSeenTimestampUpdated],
	chatio.ActionThreadClosed:                decodeAs[ThreadClosed],
	chatio.ActionChatScopesUpdated:           decodeAs[ChatScopesUpdated],
	chatio.ActionChatPropertiesUpdated:       decodeAs[ChatPropertiesUpdated],
	chatio.ActionChatThreadPropertiesUpdated: decodeAs[ChatThreadPropertiesUpdated],
}

func decodeAs[P any](data []byte) (any, error) {
	p := new(P)
	if err := jsondec.Unmarshal(data, p); err != nil {
		return nil, err
	}
	return p, nil
}
