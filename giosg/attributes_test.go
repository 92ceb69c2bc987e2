package giosg_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/chatsdk-go/chatsdk/giosg"
	"github.com/stretchr/testify/assert"
)

func typeOf[T any]() reflect.Type { return reflect.TypeOf((*T)(nil)).Elem() }

// documentedAttributes are the attribute tables of the API documentation
// (deprecated attributes included), and the attributes of the nested
// objects its examples show.
var documentedAttributes = map[string]struct {
	typ   reflect.Type
	attrs []string
}{
	"Chat":                    {typeOf[giosg.Chat](), strings.Fields(`id created_at updated_at waiting_started_at is_ended ended_at room_id room_name room_organization_id chat_type is_private is_real_conversation is_autosuggested is_encrypted encrypted_symmetric_key message_count user_message_count visitor_message_count has_messages has_user_messages has_visitor_messages first_visitor_message_url first_visitor_message_url_title autosuggest_url autosuggest_url_title tag_count is_waiting is_pending member_count user_member_count visitor_member_count present_participant_count present_user_participant_count present_visitor_participant_count visitor_wait_time duration active_duration token legacy_conversation_state legacy_room_id`)},
	"ChatMembership":          {typeOf[giosg.ChatMembership](), strings.Fields(`member_id member_type member_name member_public_name member_avatar member_organization_id room_id room_organization_id chat_id created_at last_seen_at updated_at chat_created_at message_count is_bot is_user_deleted is_participating is_present composing_status legacy_member_id`)},
	"ChatMessage":             {typeOf[giosg.ChatMessage](), strings.Fields(`id type chat_id room_id created_at sender_type sender_id sender_public_name sender_name sender_avatar message is_encrypted encrypted_message sensitive_data_purged_at selected_reply_suggestion_id selected_reply_suggestion attachments attachment_template response_to_message_id response_to_attachment_id response_to_attachment response_to_action_id response_to_action response_value response_text`)},
	"Attachment":              {typeOf[giosg.Attachment](), strings.Fields(`id title title_link_url text image_url image_link_url link_target actions interaction_id attachment_url parameters`)},
	"AttachmentAction":        {typeOf[giosg.AttachmentAction](), strings.Fields(`id text type link_target value style is_disabled_on_selection is_disabled_on_visitor_message`)},
	"ChatInvitation":          {typeOf[giosg.ChatInvitation](), strings.Fields(`id is_accepted is_expired invited_by_user_id invited_by_user chat_id room_id invited_user_id invited_team_id invited_organization_id invitee_name accepted_by_user_id accepted_by_user user_member_count visitor_member_count created_at updated_at accepted_at expired_at`)},
	"ChatTag":                 {typeOf[giosg.ChatTag](), strings.Fields(`name created_at hashed_name room_id`)},
	"ConversationStarter":     {typeOf[giosg.ConversationStarter](), strings.Fields(`language_code message created_at updated_at`)},
	"ReplySuggestion":         {typeOf[giosg.ReplySuggestion](), strings.Fields(`id suggestion relevancy_score created_by_user_id created_by_user updated_by_user_id updated_by_user room_id chat_id message_id organization_id created_at updated_at`)},
	"UserRef":                 {typeOf[giosg.UserRef](), strings.Fields(`id full_name first_name last_name organization_id is_bot`)},
	"Avatar":                  {typeOf[giosg.Avatar](), strings.Fields(`id url`)},
	"SelectedReplySuggestion": {typeOf[giosg.SelectedReplySuggestion](), strings.Fields(`id suggestion relevancy_score`)},
}

// nullableAttributes are documented (or shown) as null; their fields must be
// pointers, so that null and a value can be told apart.
var nullableAttributes = map[string][]string{
	"Chat":           strings.Fields(`waiting_started_at ended_at encrypted_symmetric_key first_visitor_message_url first_visitor_message_url_title autosuggest_url autosuggest_url_title visitor_wait_time duration active_duration`),
	"ChatMembership": strings.Fields(`member_name member_public_name member_avatar member_organization_id last_seen_at`),
	"ChatMessage": strings.Fields(`sender_public_name sender_name sender_avatar message encrypted_message sensitive_data_purged_at selected_reply_suggestion_id selected_reply_suggestion attachment_template
		response_to_message_id response_to_attachment_id response_to_attachment response_to_action_id response_to_action response_value response_text`),
	"ChatInvitation":          strings.Fields(`invited_by_user invited_user_id invited_team_id invited_organization_id accepted_by_user_id accepted_by_user accepted_at expired_at`),
	"ReplySuggestion":         strings.Fields(`relevancy_score created_by_user updated_by_user_id updated_by_user`),
	"SelectedReplySuggestion": strings.Fields(`relevancy_score`),
}

func TestModelsHaveEveryDocumentedAttribute(t *testing.T) {
	for name, m := range documentedAttributes {
		for _, attr := range m.attrs {
			_, ok := fieldType(m.typ, attr)
			assert.True(t, ok, "%s has no field for the documented attribute %q", name, attr)
		}
	}
	for name, attrs := range nullableAttributes {
		typ := documentedAttributes[name].typ
		for _, attr := range attrs {
			ft, ok := fieldType(typ, attr)
			if assert.True(t, ok, "%s.%s", name, attr) {
				assert.Equal(t, reflect.Pointer, ft.Kind(), "%s.%s is nullable: want a pointer, got %v", name, attr, ft)
			}
		}
	}
}

// TestDeprecatedAttributesAreMarked checks the godoc of the deprecated
// attributes says Deprecated.
func TestDeprecatedAttributesAreMarked(t *testing.T) {
	src := map[string][]string{
		"chat.go":       {"Token", "LegacyConversationState", "LegacyRoomID"},
		"membership.go": {"LegacyMemberID"},
	}
	for file, fields := range src {
		b := string(mustRead(t, file))
		for _, f := range fields {
			i := strings.Index(b, "\t"+f+" ")
			if !assert.Positive(t, i, "%s in %s", f, file) {
				continue
			}
			before := b[:i]
			comment := before[strings.LastIndex(before[:len(before)-1], "\n\n"):]
			assert.Contains(t, comment, "// Deprecated:", "%s in %s", f, file)
		}
	}
}
