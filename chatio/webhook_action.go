package chatio

import "strings"

// WebhookAction names the Agent API push that triggers a webhook; the
// webhook's data is that push's payload.
type WebhookAction string

// The documented webhook actions, with the filters the documentation lists
// for each.
const (
	// ActionIncomingChatThread: a new chat thread arrived (filters:
	// chat_properties, thread_properties).
	ActionIncomingChatThread WebhookAction = "incoming_chat_thread"
	// ActionChatUsersUpdated: a chat's users changed (filters:
	// chat_properties).
	ActionChatUsersUpdated WebhookAction = "chat_users_updated"
	// ActionIncomingEvent: a new event, such as a message, arrived in a chat
	// (filters: chat_properties, event_properties).
	ActionIncomingEvent WebhookAction = "incoming_event"
	// ActionLastSeenTimestampUpdated: a user's last seen timestamp changed
	// (filters: chat_properties).
	ActionLastSeenTimestampUpdated WebhookAction = "last_seen_timestamp_updated"
	// ActionThreadClosed: a chat thread was closed (filters: chat_properties,
	// thread_properties).
	ActionThreadClosed WebhookAction = "thread_closed"
	// ActionChatScopesUpdated: a chat's scopes changed (filters:
	// chat_properties).
	ActionChatScopesUpdated WebhookAction = "chat_scopes_updated"
	// ActionChatPropertiesUpdated: a chat's properties changed (filters:
	// chat_properties).
	ActionChatPropertiesUpdated WebhookAction = "chat_properties_updated"
	// ActionChatThreadPropertiesUpdated: a thread's properties changed (the
	// documentation lists no filters).
	ActionChatThreadPropertiesUpdated WebhookAction = "chat_thread_properties_updated"
)

var webhookActions = []WebhookAction{
	ActionIncomingChatThread,
	ActionChatUsersUpdated,
	ActionIncomingEvent,
	ActionLastSeenTimestampUpdated,
	ActionThreadClosed,
	ActionChatScopesUpdated,
	ActionChatPropertiesUpdated,
	ActionChatThreadPropertiesUpdated,
}

// WebhookActions returns every documented action, in the documentation's
// order.
func WebhookActions() []WebhookAction {
	return append([]WebhookAction(nil), webhookActions...)
}

// Valid reports whether a is one of the documented actions.
func (a WebhookAction) Valid() bool {
	for _, k := range webhookActions {
		if a == k {
			return true
		}
	}
	return false
}

func validateAction(field string, a WebhookAction) error {
	if a == "" {
		return invalid(field, "required")
	}
	if !a.Valid() {
		names := make([]string, len(webhookActions))
		for i, k := range webhookActions {
			names[i] = string(k)
		}
		return invalid(field, "unknown action %q (want one of %s)", a, strings.Join(names, ", "))
	}
	return nil
}
