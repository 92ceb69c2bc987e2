package chatiotest_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/chatsdk-go/chatsdk/chatio/chatiotest"
	"github.com/chatsdk-go/chatsdk/internal/testkit"
)

// fixture reads testdata/chatio/<name>.
func fixture(t *testing.T, name string) string {
	t.Helper()
	return string(testkit.Fixture(t, "chatio", name))
}

// TestDocumentedExamples plays the documented request examples against the
// fake and compares its answers with the documented answers. The documented
// details example is exactly the create example with the update example
// applied, so the fake must reproduce it (with its own IDs).
func TestDocumentedExamples(t *testing.T) {
	srv := chatiotest.NewServer(chatiotest.WithClientID("asXdesldiAJSq9padj"))
	defer srv.Close()
	post := func(endpoint, body string) string {
		status, answer := rawPost(t, srv, http.MethodPost, endpoint, body)
		require.Equal(t, http.StatusOK, status, answer)
		return answer
	}
	var created struct {
		BotAgentID string `json:"bot_agent_id"`
	}
	require.NoError(t, json.Unmarshal([]byte(post("/agents/create_bot_agent", fixture(t, "bot_agents_create.request.json"))), &created))
	docID := "5c9871d5372c824cbf22d860a707a578"
	withID := func(s string) string { return strings.ReplaceAll(s, docID, created.BotAgentID) }

	assert.JSONEq(t, fixture(t, "bot_agents_update.response.json"), post("/agents/update_bot_agent", withID(fixture(t, "bot_agents_update.request.json"))))
	assert.JSONEq(t, withID(fixture(t, "bot_agents_get.response.json")), post("/agents/get_bot_agent_details", withID(fixture(t, "bot_agents_get.request.json"))))
	assert.JSONEq(t, withID(fixture(t, "bot_agents_list.response.json")), post("/agents/get_bot_agents", fixture(t, "bot_agents_list.request.json")))
	assert.JSONEq(t, fixture(t, "bot_agents_remove.response.json"), post("/agents/remove_bot_agent", withID(fixture(t, "bot_agents_remove.request.json"))))

	var reg struct {
		WebhookID string `json:"webhook_id"`
	}
	require.NoError(t, json.Unmarshal([]byte(post("/webhooks/register_webhook", fixture(t, "webhooks_register.request.json"))), &reg))
	var listed map[string][]map[string]any
	require.NoError(t, json.Unmarshal([]byte(post("/webhooks/get_webhooks_config", fixture(t, "webhooks_list.request.json"))), &listed))
	require.Len(t, listed["webhooks_config"], 1)
	filters := listed["webhooks_config"][0]["filters"].(map[string]any)
	// The documented list example omits the chat_member_ids filter that the
	// documented register example sets; the fake keeps it.
	assert.Equal(t, map[string]any{"agents": []any{"johndoe@mail.com"}}, filters["chat_member_ids"])
	delete(filters, "chat_member_ids")
	got, err := json.Marshal(listed)
	require.NoError(t, err)
	assert.JSONEq(t, strings.ReplaceAll(fixture(t, "webhooks_list.response.json"), "pqi8oasdjahuakndw9nsad9na", reg.WebhookID), string(got))
	assert.JSONEq(t, fixture(t, "webhooks_unregister.response.json"),
		post("/webhooks/unregister_webhook", strings.ReplaceAll(fixture(t, "webhooks_unregister.request.json"), "pqi8oasdjahuakndw9nsad9na", reg.WebhookID)))
}
