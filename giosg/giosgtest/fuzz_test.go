package giosgtest

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func FuzzCursor(f *testing.F) {
	f.Add(cursor{at: position{at: 1472729590000000000, seq: 18}}.encode())
	f.Add(cursor{backward: true, at: position{at: -5, seq: 0}}.encode())
	f.Add("bogus")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		c, err := decodeCursor(s)
		if err != nil {
			return
		}
		again, err := decodeCursor(c.encode())
		if err != nil || again != c {
			t.Fatalf("cursor %q decodes to %+v, which does not round-trip (%+v, %v)", s, c, again, err)
		}
	})
}

// FuzzRequestBodies sends arbitrary bodies to every route that reads one:
// the fake answers a 2xx or a 4xx with a JSON body, never a 5xx or a panic.
func FuzzRequestBodies(f *testing.F) {
	for _, seed := range []string{
		`{"message": "OK, I've found out the issue!"}`,
		`{"message": "Do you want help?", "attachment_template": "generic", "attachments": [{"text": "Was this conversation helpful?", "actions": [{"text": "Yes", "type": "button", "value": "yes", "style": "success", "is_disabled_on_selection": true, "is_disabled_on_visitor_message": false}]}]}`,
		`{"message": "Do you want help?", "attachment_template": "interaction", "attachments": [{"text": "Was this conversation helpful?", "interaction_id": "d75feb7a-1584-495a-b77f-9dac6a8d7fbf", "parameters": {"initial_height": 250, "custom_param": true}}]}`,
		`{"is_participating": true, "composing_status": "idle"}`,
		`{"member_id": "006ff599-9073-11e6-a887-f45c89c72de3", "is_participating": true, "composing_status": "idle"}`,
		`{"is_participating": true, "composing_status": "typing", "last_seen_at": "2015-02-13T11:31:36.042"}`,
		`{"is_ended": true}`, `{"is_waiting": false}`, `{"is_expired": true}`, `{"is_accepted": true}`,
		`{"invited_user_id": "006ff599-9073-11e6-a887-f45c89c72de3"}`,
		`{"name": "Lead"}`, `{"message": "Can I help you?", "language_code": "en"}`,
		`{"suggestion": "Yes", "relevancy_score": 0.5}`, `null`, `[]`, `"x"`, ``, `{`,
	} {
		for route := range 16 {
			f.Add(uint8(route), seed)
		}
	}
	srv := NewServer()
	defer srv.Close()
	u, c := "/api/v5/users/"+UserID, "/chats/"+ChatID
	org := "/api/v5/orgs/" + OrgID
	routes := []struct{ method, path string }{
		{"POST", u + c + "/messages"},
		{"POST", u + "/pending_chats/" + PendingChatID + "/memberships"},
		{"POST", u + "/routed_chats/" + RoutedChatID + "/memberships"},
		{"POST", org + "/owned_chats/" + ChatID + "/memberships"},
		{"PUT", u + "/chat_memberships/" + ChatID},
		{"PATCH", u + c},
		{"PUT", org + "/owned_chats/" + ChatID},
		{"POST", u + c + "/outgoing_chat_invitations"},
		{"PATCH", u + "/chats/" + InvitationChatID + "/outgoing_chat_invitations/" + OutgoingInvitationID},
		{"PATCH", u + "/incoming_chat_invitations/" + IncomingInvitationID},
		{"POST", u + c + "/tags"},
		{"POST", u + "/chat_conversation_starters"},
		{"PATCH", u + "/chat_conversation_starters/fi"},
		{"POST", u + c + "/messages/" + MessageID + "/reply_suggestions"},
		{"PATCH", u + c + "/messages/" + MessageID + "/reply_suggestions/" + ReplySuggestionID},
		{"POST", u + "/rooms/" + RoomID + "/visitors/" + NewVisitorID + "/chats"},
	}
	f.Fuzz(func(t *testing.T, route uint8, body string) {
		rt := routes[int(route)%len(routes)]
		req := httptest.NewRequest(rt.method, rt.path, strings.NewReader(body))
		req.Header.Set("Authorization", "Token "+srv.Token)
		rec := httptest.NewRecorder()
		srv.Config.Handler.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("%s %s with %q: %d %s", rt.method, rt.path, body, rec.Code, rec.Body)
		}
		if rec.Code != http.StatusNoContent && !json.Valid(rec.Body.Bytes()) {
			t.Fatalf("%s %s with %q: %d answered invalid JSON %q", rt.method, rt.path, body, rec.Code, rec.Body)
		}
	})
}
