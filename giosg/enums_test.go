package giosg_test

import (
	"encoding/json"
	"testing"

	"github.com/chatsdk-go/chatsdk/giosg"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEnumsDecodeUnknownValues(t *testing.T) {
	var m giosg.ChatMessage
	require.NoError(t, json.Unmarshal([]byte(`{"type":"future_type","sender_type":"bot","attachment_template":"carousel",
		"attachments":[{"link_target":"_top","actions":[{"type":"menu","link_target":"_self","style":"neon"}]}]}`), &m))
	assert.Equal(t, giosg.MessageType("future_type"), m.Type)
	assert.Equal(t, giosg.SenderType("bot"), m.SenderType)
	require.NotNil(t, m.AttachmentTemplate)
	assert.Equal(t, giosg.Template("carousel"), *m.AttachmentTemplate)
	require.Len(t, m.Attachments, 1)
	assert.Equal(t, giosg.LinkTarget("_top"), m.Attachments[0].LinkTarget)
	require.Len(t, m.Attachments[0].Actions, 1)
	a := m.Attachments[0].Actions[0]
	assert.Equal(t, giosg.ActionType("menu"), a.Type)
	assert.Equal(t, giosg.LinkTarget("_self"), a.LinkTarget)
	assert.Equal(t, giosg.Style("neon"), a.Style)

	var c giosg.Chat
	require.NoError(t, json.Unmarshal([]byte(`{"chat_type":"broadcast"}`), &c))
	assert.Equal(t, giosg.ChatType("broadcast"), c.ChatType)

	var ms giosg.ChatMembership
	require.NoError(t, json.Unmarshal([]byte(`{"member_type":"bot","composing_status":"dictating"}`), &ms))
	assert.Equal(t, giosg.MemberType("bot"), ms.MemberType)
	assert.Equal(t, giosg.ComposingStatus("dictating"), ms.ComposingStatus)
}

func TestEnumsEncodeAsStrings(t *testing.T) {
	b, err := json.Marshal(giosg.MessageCreate{Message: "hi", AttachmentTemplate: giosg.TemplateGeneric,
		Attachments: []giosg.Attachment{{Title: "t", LinkTarget: giosg.LinkTargetParent,
			Actions: []giosg.AttachmentAction{{Text: "Go", Type: giosg.ActionLinkButton, Value: "#x", Style: giosg.StylePrimary}}}}})
	require.NoError(t, err)
	assert.JSONEq(t, `{"message":"hi","attachment_template":"generic","attachments":[{"title":"t","link_target":"_parent",
		"actions":[{"text":"Go","type":"link_button","value":"#x","style":"primary",
		"is_disabled_on_selection":false,"is_disabled_on_visitor_message":false}]}]}`, string(b))
}
