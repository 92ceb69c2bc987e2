package giosgtest_test

import (
	"encoding/json"
	"net/http"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/chatsdk-go/chatsdk/giosg"
	"github.com/chatsdk-go/chatsdk/giosg/giosgtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// jsonFields maps the JSON names of t's fields to whether they are
// omitempty.
func jsonFields(t reflect.Type) map[string]bool {
	out := map[string]bool{}
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" || !f.IsExported() {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			name = f.Name
		}
		out[name] = strings.Contains(opts, "omitempty")
	}
	return out
}

// assertAgree checks that obj (one JSON object the fake sent) has exactly
// the attributes of the giosg model T: none that the client would drop,
// and every one the client expects (omitempty ones may be absent).
func assertAgree[T any](t *testing.T, what string, obj json.RawMessage) map[string]json.RawMessage {
	t.Helper()
	var got map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(obj, &got), what)
	fields := jsonFields(reflect.TypeFor[T]())
	var extra, missing []string
	for k := range got {
		if _, ok := fields[k]; !ok {
			extra = append(extra, k)
		}
	}
	for k, omitempty := range fields {
		if _, ok := got[k]; !ok && !omitempty {
			missing = append(missing, k)
		}
	}
	sort.Strings(extra)
	sort.Strings(missing)
	assert.Empty(t, extra, "%s: attributes the fake sends that giosg.%s lacks", what, reflect.TypeFor[T]().Name())
	assert.Empty(t, missing, "%s: attributes of giosg.%s the fake does not send", what, reflect.TypeFor[T]().Name())
	var v T
	require.NoError(t, json.Unmarshal(obj, &v), "%s decodes into giosg.%s", what, reflect.TypeFor[T]().Name())
	return got
}

// firstResults fetches a list and returns its raw results.
func firstResults(t *testing.T, srv *giosgtest.Server, path string) []json.RawMessage {
	t.Helper()
	var p rawPage
	require.Equal(t, http.StatusOK, get(t, srv, path, &p), path)
	require.NotEmpty(t, p.Results, path)
	return p.Results
}

// TestFakeAndModelsAgree checks every object the fake serves against the
// giosg client's model types, attribute for attribute.
func TestFakeAndModelsAgree(t *testing.T) {
	srv := giosgtest.NewServer(giosgtest.WithPageSize(50))
	defer srv.Close()
	user := "/api/v5/users/" + giosgtest.UserID
	chat := user + "/chats/" + giosgtest.ChatID

	for _, obj := range firstResults(t, srv, "/api/v5/orgs/"+giosgtest.OrgID+"/routed_chats") {
		assertAgree[giosg.Chat](t, "chat", obj)
	}
	for _, obj := range firstResults(t, srv, chat+"/memberships") {
		m := assertAgree[giosg.ChatMembership](t, "membership", obj)
		if string(m["member_avatar"]) != "null" {
			assertAgree[giosg.Avatar](t, "avatar", m["member_avatar"])
		}
	}
	var sent json.RawMessage
	require.Equal(t, http.StatusOK, send(t, srv, "POST", chat+"/messages",
		`{"message": "Hi", "selected_reply_suggestion_id": "`+giosgtest.ReplySuggestionID+`"}`, &sent))
	m := assertAgree[giosg.ChatMessage](t, "sent message", sent)
	assertAgree[giosg.SelectedReplySuggestion](t, "selected reply suggestion", m["selected_reply_suggestion"])
	assertAgree[giosg.Avatar](t, "sender avatar", m["sender_avatar"])
	for _, obj := range firstResults(t, srv, chat+"/messages") {
		m := assertAgree[giosg.ChatMessage](t, "message", obj)
		var atts []json.RawMessage
		require.NoError(t, json.Unmarshal(m["attachments"], &atts))
		if string(m["response_to_attachment"]) != "null" {
			atts = append(atts, m["response_to_attachment"])
		}
		for _, a := range atts {
			am := assertAgree[giosg.Attachment](t, "attachment", a)
			var acts []json.RawMessage
			require.NoError(t, json.Unmarshal(am["actions"], &acts))
			for _, act := range acts {
				assertAgree[giosg.AttachmentAction](t, "action", act)
			}
		}
	}
	for _, path := range []string{user + "/chats/" + giosgtest.InvitationChatID + "/outgoing_chat_invitations", user + "/incoming_chat_invitations"} {
		for _, obj := range firstResults(t, srv, path) {
			inv := assertAgree[giosg.ChatInvitation](t, "invitation", obj)
			assertAgree[giosg.UserRef](t, "invited_by_user", inv["invited_by_user"])
		}
	}
	for _, path := range []string{chat + "/tags", chat + "/allowed_tags"} {
		for _, obj := range firstResults(t, srv, path) {
			assertAgree[giosg.ChatTag](t, "tag", obj)
		}
	}
	for _, obj := range firstResults(t, srv, user+"/chat_conversation_starters") {
		assertAgree[giosg.ConversationStarter](t, "conversation starter", obj)
	}
	for _, obj := range firstResults(t, srv, chat+"/reply_suggestions") {
		sg := assertAgree[giosg.ReplySuggestion](t, "reply suggestion", obj)
		assertAgree[giosg.UserRef](t, "created_by_user", sg["created_by_user"])
	}
}
