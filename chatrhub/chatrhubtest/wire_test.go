package chatrhubtest_test

import (
	"encoding/json"
	"net/http"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/chatsdk-go/chatsdk/chatrhub"
)

// jsonKeys returns the keys of the JSON object v encodes to.
func jsonKeys(t *testing.T, v any) []string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	var m map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(b, &m))
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

type attributesOnly struct {
	Attributes json.RawMessage `json:"attributes"`
}

// TestServedAttributesAreKnownToTheClient checks that every attribute the
// server sends has a field in the client's model, so the fake and the client
// agree on the wire form and nothing the fake serves is dropped.
func TestServedAttributesAreKnownToTheClient(t *testing.T) {
	srv, _ := setup(t)
	for _, tc := range []struct {
		path  string
		model func() any
	}{
		{"/agents.json", func() any { return &chatrhub.Agent{} }},
		{"/groups.json", func() any { return &chatrhub.Group{} }},
		{"/visitors.json", func() any { return &chatrhub.Visitor{} }},
		{"/agent_groups/1.json", func() any { return &chatrhub.AgentGroup{} }},
		{"/chats.json?start_date=0&end_date=4102444800000", func() any { return &chatrhub.Chat{} }},
		{"/messages.json?chat_id=1&include_admin=true", func() any { return &chatrhub.Message{} }},
		{"/q_tasks.json?after=0&task_type=machine_learning&is_resolved=0", func() any { return &chatrhub.Task{} }},
		{"/agent_activities/agent_id/1.json?start_date=2018-01-01&end_date=2018-12-31", func() any { return &chatrhub.AgentActivity{} }},
		{"/chats/report.json?start_date=2018-01-01&end_date=2018-12-31", func() any { return &chatrhub.ChatReport{} }},
	} {
		t.Run(tc.path, func(t *testing.T) {
			r := raw(t, srv, http.MethodGet, tc.path, "")
			require.Equal(t, http.StatusOK, r.status, r.text)
			var doc struct {
				Data json.RawMessage `json:"data"`
			}
			require.NoError(t, json.Unmarshal([]byte(r.text), &doc))
			var list []attributesOnly
			if doc.Data[0] == '{' {
				list = make([]attributesOnly, 1)
				require.NoError(t, json.Unmarshal(doc.Data, &list[0]))
			} else {
				require.NoError(t, json.Unmarshal(doc.Data, &list))
			}
			require.NotEmpty(t, list)
			for _, res := range list {
				var served map[string]any
				require.NoError(t, json.Unmarshal(res.Attributes, &served))
				model := tc.model()
				require.NoError(t, json.Unmarshal(res.Attributes, model))
				known := map[string]bool{}
				for _, k := range jsonKeys(t, model) {
					known[k] = true
				}
				for k := range served {
					assert.True(t, known[k], "attribute %q has no field in %T", k, model)
				}
			}
		})
	}
}
