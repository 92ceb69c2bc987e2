package fixturemodels

import "github.com/chatsdk-go/chatsdk/giosg"

// Giosg maps each fixture of testdata/giosg (answers, and request bodies
// decoded into the request types) to the SDK type it holds. The
// .raw.json files, kept verbatim from the docs, are not in it.
var Giosg = map[string]Decoder{}

// model maps names to the Decoder of T.
func model[T any](names ...string) {
	for _, n := range names {
		Giosg[n] = into[T]
	}
}

func init() {
	model[giosg.Page[giosg.Chat]]("chats_list.response.json", "chats_owned_list.response.json", "chats_pending_list.response.json", "chats_room_list.response.json")
	model[giosg.Chat]("chat_get.response.json", "chat_end.response.json", "chat_mark_not_waiting.response.json",
		"chat_create.response.json", "chat_create_with_visitor.response.json")
	model[giosg.ChatUpdate]("chat_end.request.json", "chat_mark_not_waiting.request.json")
	model[giosg.Page[giosg.ChatMembership]]("chat_memberships_list.response.json")
	model[giosg.ChatMembership]("chat_memberships_join.response.json", "chat_memberships_join_org.response.json", "chat_memberships_update.response.json")
	model[giosg.MembershipUpdate]("chat_memberships_update.request.json")
	model[giosg.MembershipJoin]("chat_memberships_join.request.json", "chat_memberships_join_org.request.json")
	model[giosg.Page[giosg.ChatMessage]]("chat_messages_list.response.json", "chat_messages_list_all_attributes.response.json")
	model[giosg.ChatMessage]("chat_message_response_action.json", "chat_messages_send.response.json", "chat_messages_send_generic.response.json",
		"chat_messages_send_interaction.response.json", "chat_messages_send_external.response.json")
	model[giosg.MessageCreate]("chat_messages_send.request.json", "chat_messages_send_generic.request.json",
		"chat_messages_send_interaction.request.json", "chat_messages_send_external.request.json")
	model[giosg.Page[giosg.ChatInvitation]]("chat_invitations_outgoing_list.response.json", "chat_invitations_incoming_list.response.json")
	model[giosg.ChatInvitation]("chat_invitations_send.response.json", "chat_invitations_expire.response.json", "chat_invitations_accept.response.json")
	model[giosg.InvitationCreate]("chat_invitations_send.request.json")
	model[giosg.InvitationUpdate]("chat_invitations_expire.request.json", "chat_invitations_accept.request.json")
	model[giosg.Page[giosg.ChatTag]]("chat_tags_list.response.json", "chat_tags_allowed_list.response.json")
	model[giosg.ChatTag]("chat_tags_add.request.json", "chat_tags_add.response.json")
	model[giosg.Page[giosg.ConversationStarter]]("chat_conversation_starters_list.response.json")
	model[giosg.ConversationStarter]("chat_conversation_starters_add.response.json", "chat_conversation_starters_update.response.json")
	model[giosg.ConversationStarterCreate]("chat_conversation_starters_add.request.json")
	model[giosg.ConversationStarterUpdate]("chat_conversation_starters_update.request.json", "chat_conversation_starters_replace.request.json")
	model[giosg.Page[giosg.ReplySuggestion]]("chat_reply_suggestions_list.response.json", "chat_reply_suggestions_message_list.response.json")
	model[giosg.ReplySuggestion]("chat_reply_suggestions_add.response.json", "chat_reply_suggestions_update.response.json")
	model[giosg.ReplySuggestionCreate]("chat_reply_suggestions_add.request.json")
	model[giosg.ReplySuggestionUpdate]("chat_reply_suggestions_update.request.json")
}
