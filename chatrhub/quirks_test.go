package chatrhub

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/chatsdk-go/chatsdk"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestGetAcceptsObjectOrArrayOfOne(t *testing.T) {
	const attrs = `{"type": "agents", "id": 4, "attributes": {"agent_id": "4", "username": "bot"}}`
	for name, body := range map[string]string{
		"array of one (documented)": `{"data": [` + attrs + `]}`,
		"object":                    `{"data": ` + attrs + `}`,
	} {
		t.Run(name, func(t *testing.T) {
			rec := newRecorder(t, answerJSON(http.StatusOK, []byte(body)))
			a, err := rec.client(t).Agents.Get(context.Background(), 4)
			require.NoError(t, err)
			assert.Equal(t, int64(4), a.ID)
			assert.Equal(t, TypeAgents, a.Type)
			assert.Equal(t, Int(4), a.AgentID)
			assert.Equal(t, "bot", a.Username)
		})
	}
}

func TestGetWithoutOneObjectFails(t *testing.T) {
	for name, body := range map[string]string{
		"array of two": `{"data": [{"type": "agents", "id": 1, "attributes": {}}, {"type": "agents", "id": 2, "attributes": {}}]}`,
		"null":         `{"data": null}`,
		"empty object": `{"data": {}}`,
		"no data":      `{}`,
		"empty body":   ``,
	} {
		t.Run(name, func(t *testing.T) {
			rec := newRecorder(t, answerJSON(http.StatusOK, []byte(body)))
			a, err := rec.client(t).Agents.Get(context.Background(), 4)
			require.Error(t, err)
			assert.Nil(t, a)
			var de *chatsdk.DecodeError
			require.ErrorAs(t, err, &de)
			assert.Equal(t, "chatrhub.Agents.Get", de.Operation)
		})
	}
}

func TestListAcceptsObjectAsListOfOne(t *testing.T) {
	for body, n := range map[string]int{
		`{"data": {"type": "groups", "id": 10204, "attributes": {"group_name": "Sales"}}}`: 1,
		`{"data": null}`: 0,
		`{"data": []}`:   0,
		`{"data": {}}`:   0,
	} {
		rec := newRecorder(t, answerJSON(http.StatusOK, []byte(body)))
		groups, err := rec.client(t).Groups.List(context.Background())
		require.NoError(t, err, body)
		require.Len(t, groups, n, body)
		if n == 1 {
			assert.Equal(t, int64(10204), groups[0].ID)
			assert.Equal(t, "Sales", groups[0].GroupName)
		}
	}
}

// TestAgentGroupNotAssigned: no object is the answer "not assigned", not an
// error; an unassigned link is not assigned either; a 404 stays an error.
func TestAgentGroupNotAssigned(t *testing.T) {
	for name, body := range map[string]string{
		"null":         `{"data": null}`,
		"empty object": `{"data": {}}`,
		"empty array":  `{"data": []}`,
		"no data":      `{}`,
		"empty body":   ``,
	} {
		t.Run(name, func(t *testing.T) {
			rec := newRecorder(t, answerJSON(http.StatusOK, []byte(body)))
			got, err := rec.client(t).AgentGroups.Get(context.Background(), 1, 10204)
			require.NoError(t, err)
			assert.Equal(t, &AgentGroupAssignment{Assigned: false, AgentGroup: nil}, got)
		})
	}
	t.Run("unassigned link", func(t *testing.T) {
		rec := newRecorder(t, answerJSON(http.StatusOK, []byte(`{"data": {"type": "agent_groups", "id": 3, "attributes": {"agent_id": 1, "group_id": 10204, "is_assigned": false}}}`)))
		got, err := rec.client(t).AgentGroups.Get(context.Background(), 1, 10204)
		require.NoError(t, err)
		assert.False(t, got.Assigned)
		require.NotNil(t, got.AgentGroup)
		assert.Equal(t, int64(3), got.AgentGroup.ID)
		assert.False(t, bool(got.AgentGroup.IsAssigned))
	})
	t.Run("assigned link", func(t *testing.T) {
		rec := newRecorder(t, answerJSON(http.StatusOK, fixture(t, "agent_groups_get.response.json")))
		got, err := rec.client(t).AgentGroups.Get(context.Background(), 1, 10245)
		require.NoError(t, err)
		assert.True(t, got.Assigned)
		require.NotNil(t, got.AgentGroup)
	})
	t.Run("404", func(t *testing.T) {
		rec := newRecorder(t, answerJSON(http.StatusNotFound, []byte(`{"error": "Not found"}`)))
		got, err := rec.client(t).AgentGroups.Get(context.Background(), 1, 10204)
		assert.Nil(t, got)
		assert.ErrorIs(t, err, chatsdk.ErrNotFound)
	})
}

func TestTransferAnswers(t *testing.T) {
	ok := []string{`{"success": "Sent Transfer Action"}`, `{"success": "Queued"}`}
	for _, body := range ok {
		rec := newRecorder(t, answerJSON(http.StatusOK, []byte(body)))
		res, err := rec.client(t).Chats.Transfer(context.Background(), 1, &TransferChatParams{AgentUsernameFrom: "a", AgentUsernameTo: "b"})
		require.NoError(t, err, body)
		assert.NotEmpty(t, res.Message)
	}
	rejected := map[string]string{
		`{"success": "Invalid usernames or authentication."}`: TransferFailedMessage,
		`{"error": "Invalid usernames or authentication."}`:   TransferFailedMessage,
		`{"message": "Invalid usernames or authentication."}`: TransferFailedMessage,
		`{"error": {"code": 7}}`:                              "does not confirm",
		`{}`:                                                  "does not confirm",
		``:                                                    "does not confirm",
	}
	for body, msg := range rejected {
		rec := newRecorder(t, answerJSON(http.StatusOK, []byte(body)))
		res, err := rec.client(t).Chats.Transfer(context.Background(), 1, &TransferChatParams{AgentUsernameFrom: "a", AgentUsernameTo: "b"})
		assert.Nil(t, res)
		assert.ErrorIs(t, err, ErrTransferRejected, body)
		assert.ErrorContains(t, err, msg, body)
	}
	rec := newRecorder(t, answerJSON(http.StatusBadRequest, []byte(`{"error": "Invalid usernames or authentication."}`)))
	_, err := rec.client(t).Chats.Transfer(context.Background(), 1, &TransferChatParams{AgentUsernameFrom: "a", AgentUsernameTo: "b"})
	var apiErr *chatsdk.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, TransferFailedMessage, apiErr.Message)
	assert.ErrorIs(t, err, chatsdk.ErrBadRequest)
}

func TestDeletesAnswerDeleted(t *testing.T) {
	rec := newRecorder(t, answerJSON(http.StatusOK, fixture(t, "groups_remove.response.json")))
	c := rec.client(t)
	res, err := c.Groups.Remove(context.Background(), 10204)
	require.NoError(t, err)
	assert.Equal(t, &Success{Message: SuccessDeleted}, res)
	res, err = c.AgentGroups.Remove(context.Background(), 1, 10204)
	require.NoError(t, err)
	assert.Equal(t, SuccessDeleted, res.Message)
}

// TestUndocumentedErrorFormat: the docs give no error format; the shapes a
// JSON API commonly uses all reach APIError.Message.
func TestUndocumentedErrorFormat(t *testing.T) {
	for body, msg := range map[string]string{
		`{"error": "Agent not found"}`:                            "Agent not found",
		`{"message": "Agent not found"}`:                          "Agent not found",
		`{"errors": [{"status": "404", "detail": "no agent 9"}]}`: "no agent 9",
		`Agent not found`:                                         "Agent not found",
	} {
		rec := newRecorder(t, answerJSON(http.StatusNotFound, []byte(body)))
		_, err := rec.client(t).Agents.Get(context.Background(), 9)
		var apiErr *chatsdk.APIError
		require.ErrorAs(t, err, &apiErr, body)
		assert.Equal(t, msg, apiErr.Message, body)
		assert.Equal(t, http.StatusNotFound, apiErr.StatusCode)
		assert.Equal(t, "chatrhub.Agents.Get", apiErr.Operation)
		assert.ErrorIs(t, err, chatsdk.ErrNotFound)
	}
}

// TestTypeDrift checks the decoded values of the documented drifting types.
func TestTypeDrift(t *testing.T) {
	var agents Envelope[many[Agent]]
	require.NoError(t, json.Unmarshal(fixture(t, "agents_list.response.json"), &agents))
	a := agents.Data.models()[0]
	assert.Equal(t, Int(4), a.AgentID, `agent_id "4"`)
	assert.Equal(t, int64(4), a.ID)
	assert.False(t, bool(a.TrmntInd), "trmnt_ind 0")
	assert.True(t, bool(a.IsBot))
	assert.Equal(t, LevelAgent, a.AuthorizationLevel)
	assert.NotNil(t, a.AssignOperationalTaskValues, `"[]" is an empty list`)
	assert.Empty(t, a.AssignOperationalTaskValues)
	assert.True(t, a.CreateDt.Equal(time.Date(2018, 6, 20, 19, 44, 50, 0, time.UTC)))
	assert.True(t, a.UpdtDt.IsZero(), "updt_dt null")

	var chat Envelope[one[Chat]]
	require.NoError(t, json.Unmarshal(fixture(t, "chats_get.response.json"), &chat))
	c := chat.Data.res.model()
	assert.False(t, bool(c.IsBillable), "is_billable 0")
	assert.True(t, bool(c.IsBeatOut), "is_beat_out 1")
	assert.True(t, bool(c.IsEnded))
	assert.False(t, bool(c.TrmntInd), "trmnt_ind false")
	assert.Equal(t, Int(4), c.AgentID)
	require.NotNil(t, c.Agent)
	assert.Equal(t, Int(4), c.Agent.AgentID)
	require.NotNil(t, c.Group)
	assert.Equal(t, StringList{"123"}, c.Group.VisitorPhoneMatches)
	require.NotNil(t, c.Visitor)
	assert.Equal(t, "geo1jqmurtnl3qjgwt0lsm4i6x4zsrtqzmj8", c.Visitor.XMPPUsername)
	assert.Nil(t, c.Duration)
	assert.Nil(t, c.AverageRating)

	var task Envelope[one[Task]]
	require.NoError(t, json.Unmarshal(fixture(t, "tasks_update_machine_learning.response.json"), &task))
	tk := task.Data.res.model()
	assert.Equal(t, Int(1), tk.IntentID, `intent_id "1"`)
	assert.Equal(t, TaskMachineLearning, tk.TaskType)
	assert.Equal(t, Object{}, tk.Variables)
	require.NotNil(t, tk.Message)
	assert.Equal(t, "Hi\n", tk.Message.Body)

	var report Envelope[one[ChatReport]]
	require.NoError(t, json.Unmarshal(fixture(t, "chats_report.response.json"), &report))
	r := report.Data.res.model()
	assert.Equal(t, 87.0, r.AverageRating)
	assert.Equal(t, Int(2), r.TotalChats)
	assert.Nil(t, r.AverageDuration)
}

// TestEmbeddedJSONRoundTrips: the JSON-in-a-string fields decode to typed
// values and encode back to the string form.
func TestEmbeddedJSONRoundTrips(t *testing.T) {
	var g Group
	require.NoError(t, json.Unmarshal([]byte(`{"visitor_phone_matches": "[\"123\"]", "visitor_email_matches": "[\"\"]"}`), &g))
	assert.Equal(t, StringList{"123"}, g.VisitorPhoneMatches)
	assert.Equal(t, StringList{""}, g.VisitorEmailMatches)
	out, err := json.Marshal(g)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(out, &m))
	assert.Equal(t, `["123"]`, m["visitor_phone_matches"])
	assert.Equal(t, `[""]`, m["visitor_email_matches"])

	var tk Task
	require.NoError(t, json.Unmarshal([]byte(`{"variables_": "{\"city\": \"Minneapolis\", \"n\": 2}"}`), &tk))
	assert.Equal(t, Object{"city": "Minneapolis", "n": 2.0}, tk.Variables)
	out, err = json.Marshal(tk)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(out, &m))
	assert.JSONEq(t, `{"city": "Minneapolis", "n": 2}`, m["variables_"].(string))

	var a Agent
	require.NoError(t, json.Unmarshal([]byte(`{"assign_operational_task_values": "[\"gold\", 3]", "authorization_level": "5"}`), &a))
	assert.Equal(t, List{"gold", 3.0}, a.AssignOperationalTaskValues)
	assert.Equal(t, LevelAdmin, a.AuthorizationLevel)
}

// TestDateParameters: List Chats sends epoch milliseconds; Agent Activity
// and Chat Reports send the calendar date of the time in its own location.
func TestDateParameters(t *testing.T) {
	rec := newRecorder(t, answerJSON(http.StatusOK, []byte(`{"data": []}`)))
	c := rec.client(t)
	ctx := context.Background()
	chicago := time.FixedZone("CDT", -5*3600)
	start := time.Date(2018, 6, 15, 23, 30, 0, 0, chicago) // 2018-06-16 04:30 UTC
	end := time.Date(2018, 8, 15, 12, 0, 0, 0, chicago)

	_, err := c.Chats.List(ctx, &ListChatsParams{StartDate: start, EndDate: end, AgentID: 4, Rating: RatingGreat, Missed: ServicedChats})
	require.NoError(t, err)
	_, err = c.AgentActivity.Get(ctx, 1, &AgentActivityParams{StartDate: start, EndDate: end})
	require.NoError(t, err)
	rec2 := newRecorder(t, answerJSON(http.StatusOK, fixture(t, "chats_report.response.json")))
	_, err = rec2.client(t).Chats.Report(ctx, &ChatReportParams{StartDate: start, EndDate: end, GroupID: 10204})
	require.NoError(t, err)

	reqs := rec.requests()
	q := parseQuery(t, reqs[0].Query)
	assert.Equal(t, "1529123400000", q.Get("start_date"))
	assert.Equal(t, "1534352400000", q.Get("end_date"))
	assert.Equal(t, "4", q.Get("agent_id"))
	assert.Equal(t, "great_chats", q.Get("rating"))
	assert.Equal(t, "serviced_chats", q.Get("missed"))
	q = parseQuery(t, reqs[1].Query)
	assert.Equal(t, "2018-06-15", q.Get("start_date"))
	assert.Equal(t, "2018-08-15", q.Get("end_date"))
	q = parseQuery(t, rec2.requests()[0].Query)
	assert.Equal(t, "2018-06-15", q.Get("start_date"))
	assert.Equal(t, "10204", q.Get("group_id"))
	assert.False(t, q.Has("agent_id"))
}

func TestOptionalFilters(t *testing.T) {
	rec := newRecorder(t, answerJSON(http.StatusOK, []byte(`{"data": []}`)))
	c := rec.client(t)
	ctx := context.Background()
	_, err := c.Visitors.List(ctx, &ListVisitorsParams{HasPhoneNumber: chatsdk.Ptr(false), City: "Minneapolis"})
	require.NoError(t, err)
	_, err = c.Visitors.List(ctx, nil)
	require.NoError(t, err)
	_, err = c.Messages.List(ctx, &ListMessagesParams{ChatID: 1, IncludeAdmin: true})
	require.NoError(t, err)
	_, err = c.Tasks.ListPage(ctx, &ListTasksParams{After: 20, TaskType: TaskMachineLearning, IsResolved: true})
	require.NoError(t, err)

	reqs := rec.requests()
	assert.Equal(t, "city=Minneapolis&has_phone_number=false", reqs[0].Query)
	assert.Empty(t, reqs[1].Query)
	assert.Equal(t, "chat_id=1&include_admin=true", reqs[2].Query)
	assert.Equal(t, "after=20&is_resolved=1&task_type=machine_learning", reqs[3].Query)
}

func TestUpdateOperationalSendsZero(t *testing.T) {
	rec := newRecorder(t, answerJSON(http.StatusOK, fixture(t, "tasks_update_operational.response.json")))
	_, err := rec.client(t).Tasks.UpdateOperational(context.Background(), 2, false)
	require.NoError(t, err)
	assert.Equal(t, "/api/v1/q_tasks/operational/2/0.json", rec.requests()[0].Path)
}

func TestRequestBodies(t *testing.T) {
	rec := newRecorder(t, answerJSON(http.StatusOK, []byte(`{"data": {"type": "x", "id": 1, "attributes": {}}}`)))
	c := rec.client(t)
	ctx := context.Background()
	_, err := c.Agents.Invite(ctx, &InviteAgentParams{
		FullName: "Joe Schmo", AuthorizationLevel: LevelSupervisor, Email: "joe@example.com",
		IsAssignOperationalTasks: true, AssignOperationalTaskVariable: "city", AssignOperationalTaskValues: List{"Minneapolis"},
	})
	require.NoError(t, err)
	_, err = c.Agents.Update(ctx, 1, &UpdateAgentParams{IsTakingChats: chatsdk.Ptr(false), AuthorizationLevel: chatsdk.Ptr(LevelAdmin), AssignOperationalTaskValues: &List{}})
	require.NoError(t, err)
	_, err = c.AgentGroups.Assign(ctx, 3, &AssignAgentParams{GroupID: 10204})
	require.NoError(t, err)
	_, err = c.Visitors.Add(ctx, nil)
	require.NoError(t, err)
	_, err = c.Visitors.Edit(ctx, 1, &VisitorParams{StreetAddress2: chatsdk.Ptr(""), GroupID: chatsdk.Ptr(int64(10204))})
	require.NoError(t, err)
	_, err = c.Groups.Edit(ctx, 10204, &GroupParams{GroupName: "Sales", VisitorCityMatches: chatsdk.Ptr(StringList{""})})
	require.NoError(t, err)
	_, err = c.Groups.Edit(ctx, 10204, &GroupParams{GroupName: "Sales", VisitorZipMatches: chatsdk.Ptr(StringList{}), VisitorCityMatches: nil})
	require.NoError(t, err)

	want := []string{
		`{"data": {"type": "agents", "attributes": {"full_name": "Joe Schmo", "authorization_level": 3, "email": "joe@example.com",
			"is_assign_operational_tasks": true, "assign_operational_task_variable": "city", "assign_operational_task_values": "[\"Minneapolis\"]"}}}`,
		`{"data": {"type": "agents", "attributes": {"is_taking_chats": false, "authorization_level": 5, "assign_operational_task_values": "[]"}}}`,
		`{"data": {"type": "agent_groups", "attributes": {"agent_id": 3, "group_id": 10204, "is_assigned": false}}}`,
		`{"data": {"type": "visitors", "attributes": {}}}`,
		`{"data": {"type": "visitors", "attributes": {"street_address_2": "", "group_id": 10204}}}`,
		`{"data": {"type": "groups", "attributes": {"group_name": "Sales", "visitor_city_matches": "[\"\"]"}}}`,
		`{"data": {"type": "groups", "attributes": {"group_name": "Sales", "visitor_zip_matches": "[]"}}}`,
	}
	reqs := rec.requests()
	require.Len(t, reqs, len(want))
	for i, w := range want {
		assert.JSONEq(t, w, string(reqs[i].Body), "request %d", i)
	}
}

// TestParamErrorsSendNothing: required parameters are checked before any
// request is sent.
func TestParamErrorsSendNothing(t *testing.T) {
	day := date("2018-05-01")
	calls := map[string]struct {
		param string
		call  func(ctx context.Context, c *Client) error
	}{
		"invite nil": {"full_name", func(ctx context.Context, c *Client) error { _, err := c.Agents.Invite(ctx, nil); return err }},
		"invite no name": {"full_name", func(ctx context.Context, c *Client) error {
			_, err := c.Agents.Invite(ctx, &InviteAgentParams{AuthorizationLevel: 1, Email: "e"})
			return err
		}},
		"invite no level": {"authorization_level", func(ctx context.Context, c *Client) error {
			_, err := c.Agents.Invite(ctx, &InviteAgentParams{FullName: "n", Email: "e"})
			return err
		}},
		"invite bad level": {"authorization_level", func(ctx context.Context, c *Client) error {
			_, err := c.Agents.Invite(ctx, &InviteAgentParams{FullName: "n", AuthorizationLevel: 2, Email: "e"})
			return err
		}},
		"invite no email": {"email", func(ctx context.Context, c *Client) error {
			_, err := c.Agents.Invite(ctx, &InviteAgentParams{FullName: "n", AuthorizationLevel: 1})
			return err
		}},
		"update nothing": {"attributes", func(ctx context.Context, c *Client) error {
			_, err := c.Agents.Update(ctx, 1, &UpdateAgentParams{})
			return err
		}},
		"update bad level": {"authorization_level", func(ctx context.Context, c *Client) error {
			_, err := c.Agents.Update(ctx, 1, &UpdateAgentParams{AuthorizationLevel: chatsdk.Ptr(AuthorizationLevel(4))})
			return err
		}},
		"get agent 0":  {"agent_id", func(ctx context.Context, c *Client) error { _, err := c.Agents.Get(ctx, 0); return err }},
		"activity nil": {"start_date", func(ctx context.Context, c *Client) error { _, err := c.AgentActivity.Get(ctx, 1, nil); return err }},
		"activity no end": {"end_date", func(ctx context.Context, c *Client) error {
			_, err := c.AgentActivity.Get(ctx, 1, &AgentActivityParams{StartDate: day})
			return err
		}},
		"activity end first": {"end_date", func(ctx context.Context, c *Client) error {
			_, err := c.AgentActivity.Get(ctx, 1, &AgentActivityParams{StartDate: day, EndDate: day.AddDate(0, 0, -1)})
			return err
		}},
		"activity agent": {"agent_id", func(ctx context.Context, c *Client) error {
			_, err := c.AgentActivity.Get(ctx, -1, &AgentActivityParams{StartDate: day, EndDate: day})
			return err
		}},
		"agent group get": {"group_id", func(ctx context.Context, c *Client) error { _, err := c.AgentGroups.Get(ctx, 1, 0); return err }},
		"assign nil":      {"group_id", func(ctx context.Context, c *Client) error { _, err := c.AgentGroups.Assign(ctx, 1, nil); return err }},
		"assign no group": {"group_id", func(ctx context.Context, c *Client) error {
			_, err := c.AgentGroups.Assign(ctx, 1, &AssignAgentParams{})
			return err
		}},
		"remove agent group": {"agent_id", func(ctx context.Context, c *Client) error { _, err := c.AgentGroups.Remove(ctx, 0, 1); return err }},
		"chats no dates": {"start_date", func(ctx context.Context, c *Client) error {
			_, err := c.Chats.List(ctx, &ListChatsParams{})
			return err
		}},
		"chats nil": {"start_date", func(ctx context.Context, c *Client) error { _, err := c.Chats.List(ctx, nil); return err }},
		"chats no end": {"end_date", func(ctx context.Context, c *Client) error {
			_, err := c.Chats.List(ctx, &ListChatsParams{StartDate: day})
			return err
		}},
		"tag empty": {"tag", func(ctx context.Context, c *Client) error {
			_, err := c.Chats.UpdateTag(ctx, 1, &UpdateChatTagParams{})
			return err
		}},
		"report nil": {"start_date", func(ctx context.Context, c *Client) error { _, err := c.Chats.Report(ctx, nil); return err }},
		"report no end": {"end_date", func(ctx context.Context, c *Client) error {
			_, err := c.Chats.Report(ctx, &ChatReportParams{StartDate: day})
			return err
		}},
		"transfer nil": {"agent_username_from", func(ctx context.Context, c *Client) error { _, err := c.Chats.Transfer(ctx, 1, nil); return err }},
		"transfer no to": {"agent_username_to", func(ctx context.Context, c *Client) error {
			_, err := c.Chats.Transfer(ctx, 1, &TransferChatParams{AgentUsernameFrom: "a"})
			return err
		}},
		"group add nil": {"group_name", func(ctx context.Context, c *Client) error { _, err := c.Groups.Add(ctx, nil); return err }},
		"group edit no name": {"group_name", func(ctx context.Context, c *Client) error {
			_, err := c.Groups.Edit(ctx, 1, &GroupParams{})
			return err
		}},
		"group remove 0": {"group_id", func(ctx context.Context, c *Client) error { _, err := c.Groups.Remove(ctx, 0); return err }},
		"messages nil":   {"visitor_username or chat_id", func(ctx context.Context, c *Client) error { _, err := c.Messages.List(ctx, nil); return err }},
		"messages neither": {"visitor_username or chat_id", func(ctx context.Context, c *Client) error {
			_, err := c.Messages.List(ctx, &ListMessagesParams{IncludeAdmin: true})
			return err
		}},
		"tasks nil": {"task_type", func(ctx context.Context, c *Client) error { _, err := c.Tasks.ListPage(ctx, nil); return err }},
		"tasks bad type": {"task_type", func(ctx context.Context, c *Client) error {
			_, err := c.Tasks.ListPage(ctx, &ListTasksParams{TaskType: "other"})
			return err
		}},
		"tasks negative after": {"after", func(ctx context.Context, c *Client) error {
			_, err := c.Tasks.ListPage(ctx, &ListTasksParams{TaskType: TaskOperational, After: -1})
			return err
		}},
		"ml task intent": {"intent_id", func(ctx context.Context, c *Client) error {
			_, err := c.Tasks.UpdateMachineLearning(ctx, 1, 0)
			return err
		}},
		"operational task": {"task_id", func(ctx context.Context, c *Client) error {
			_, err := c.Tasks.UpdateOperational(ctx, 0, true)
			return err
		}},
		"visitor username":     {"visitor_username", func(ctx context.Context, c *Client) error { _, err := c.Visitors.GetByUsername(ctx, ""); return err }},
		"visitor edit nothing": {"attributes", func(ctx context.Context, c *Client) error { _, err := c.Visitors.Edit(ctx, 1, nil); return err }},
		"visitor edit 0": {"visitor_id", func(ctx context.Context, c *Client) error {
			_, err := c.Visitors.Edit(ctx, 0, &VisitorParams{Name: chatsdk.Ptr("n")})
			return err
		}},
		"agent groups list": {"agent_id", func(ctx context.Context, c *Client) error { _, err := c.AgentGroups.List(ctx, 0); return err }},
		"chat get":          {"chat_id", func(ctx context.Context, c *Client) error { _, err := c.Chats.Get(ctx, 0); return err }},
		"group get":         {"group_id", func(ctx context.Context, c *Client) error { _, err := c.Groups.Get(ctx, 0); return err }},
		"tasks all bad type": {"task_type", func(ctx context.Context, c *Client) error {
			for _, err := range c.Tasks.List(ctx, &ListTasksParams{}) {
				return err
			}
			return errors.New("no error yielded")
		}},
	}
	rec := newRecorder(t, answerJSON(http.StatusOK, []byte(`{}`)))
	c := rec.client(t)
	for name, tc := range calls {
		err := tc.call(context.Background(), c)
		require.Error(t, err, name)
		assert.ErrorIs(t, err, ErrInvalidParams, name)
		var pe *chatsdk.ParamError
		require.ErrorAs(t, err, &pe, name)
		assert.Equal(t, tc.param, pe.Field, name)
		assert.Contains(t, err.Error(), "chatrhub.", name)
	}
	assert.Empty(t, rec.requests(), "nothing may be sent")
}
