package chatrhubtest_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chatsdk-go/chatsdk/chatrhub/chatrhubtest"
)

// FuzzRequests sends arbitrary bodies and paths to the server's handler: it
// must never fail with a 5xx or a body that is not JSON.
func FuzzRequests(f *testing.F) {
	f.Add("POST", "/agents/invite.json", `{"data": {"type": "agents", "attributes": {"full_name": "Joe", "authorization_level": 1, "email": "ddj209@gmail.com"}}}`)
	f.Add("PATCH", "/agents/1.json", `{"data": {"type": "agents", "attributes": {"assign_operational_task_values": "[1, {}]", "is_bot": "0"}}}`)
	f.Add("POST", "/agent_groups/1.json", `{"data": {"type": "agent_groups", "attributes": {"agent_id": "1", "group_id": 10204, "is_assigned": true}}}`)
	f.Add("POST", "/groups.json", `{"data": {"attributes": {"group_name": "x", "visitor_zip_matches": ["1"]}}}`)
	f.Add("PATCH", "/chat/1.json", `{"data": {"type": "chats", "attributes": {"tag": null}}}`)
	f.Add("POST", "/visitors.json", `{"data": {"type": "visitors", "attributes": {"phone": "+1 (612)", "group_id": 1e300}}}`)
	f.Add("PATCH", "/visitors/1.json", `{"data": null}`)
	f.Add("GET", "/q_tasks.json?after=9223372036854775807&task_type=operational&is_resolved=1", ``)
	f.Add("GET", "/chats.json?start_date=-9223372036854775808&end_date=9223372036854775807", ``)
	f.Add("GET", "/agents/%2e%2e.json", ``)
	srv := chatrhubtest.NewServer()
	defer srv.Close()
	handler := srv.Config.Handler
	f.Fuzz(func(t *testing.T, method, target, body string) {
		if !strings.HasPrefix(target, "/") {
			target = "/" + target
		}
		req, err := http.NewRequest(method, "http://fake/api/v1"+target, strings.NewReader(body))
		if err != nil {
			return
		}
		req.Header.Set("Authorization", "Bearer "+srv.Token)
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		handler.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("%s %s %q: status %d: %s", method, target, body, rec.Code, rec.Body)
		}
		if !json.Valid(rec.Body.Bytes()) {
			t.Fatalf("%s %s %q: body is not JSON: %q", method, target, body, rec.Body)
		}
	})
}
