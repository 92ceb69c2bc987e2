package chatrhub

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"reflect"
	"strconv"
	"testing"
	"time"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/internal/testkit"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// goldenCase is one documented operation: the call, the request the docs
// show for it, and the fixture of its example answer.
type goldenCase struct {
	// endpoint is the operation's line of internal/endpoints/chatrhub.txt
	// (its Key: "METHOD /path/template?documented&query").
	endpoint string
	// fixture is the stem of testdata/chatrhub/<fixture>.{request,response}.json.
	fixture string
	// path is the escaped path below /api/v1.
	path  string
	query url.Values
	call  func(ctx context.Context, c *Client) (any, error)
}

func date(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// goldenCases holds one case per line of internal/endpoints/chatrhub.txt,
// with the IDs and parameters of the docs' curl examples.
var goldenCases = []goldenCase{
	{"GET /agent_activities/agent_id/{agent_id}.json?start_date&end_date", "agent_activity_get", "/agent_activities/agent_id/1.json", url.Values{"start_date": {"2018-05-01"}, "end_date": {"2019-05-01"}},
		func(ctx context.Context, c *Client) (any, error) {
			return c.AgentActivity.Get(ctx, 1, &AgentActivityParams{StartDate: date("2018-05-01"), EndDate: date("2019-05-01")})
		}},
	{"GET /agent_groups/{agent_id}.json", "agent_groups_list", "/agent_groups/1.json", nil,
		func(ctx context.Context, c *Client) (any, error) { return c.AgentGroups.List(ctx, 1) }},
	{"GET /agent_groups/agent_id/{agent_id}/group_id/{group_id}.json", "agent_groups_get", "/agent_groups/agent_id/1/group_id/10204.json", nil,
		func(ctx context.Context, c *Client) (any, error) {
			a, err := c.AgentGroups.Get(ctx, 1, 10204)
			if err != nil {
				return nil, err
			}
			if !a.Assigned {
				return nil, errors.New("the documented link is assigned")
			}
			return a.AgentGroup, nil
		}},
	{"POST /agent_groups/{agent_id}.json", "agent_groups_assign", "/agent_groups/1.json", nil,
		func(ctx context.Context, c *Client) (any, error) {
			return c.AgentGroups.Assign(ctx, 1, &AssignAgentParams{GroupID: 10204, IsAssigned: true})
		}},
	{"DELETE /agent_groups/agent_id/{agent_id}/group_id/{group_id}.json", "agent_groups_remove", "/agent_groups/agent_id/1/group_id/10204.json", nil,
		func(ctx context.Context, c *Client) (any, error) { return c.AgentGroups.Remove(ctx, 1, 10204) }},
	{"GET /agents.json?agent_username", "agents_list", "/agents.json", nil,
		func(ctx context.Context, c *Client) (any, error) { return c.Agents.List(ctx, nil) }},
	{"GET /agents/{agent_id}.json", "agents_get", "/agents/1.json", nil,
		func(ctx context.Context, c *Client) (any, error) { return c.Agents.Get(ctx, 1) }},
	{"PATCH /agents/{agent_id}.json", "agents_update", "/agents/1.json", nil,
		func(ctx context.Context, c *Client) (any, error) {
			return c.Agents.Update(ctx, 1, &UpdateAgentParams{FullName: chatsdk.Ptr("Joe"), Email: chatsdk.Ptr("joe@example.com")})
		}},
	{"POST /agents/invite.json", "agents_invite", "/agents/invite.json", nil,
		func(ctx context.Context, c *Client) (any, error) {
			return c.Agents.Invite(ctx, &InviteAgentParams{FullName: "Joe", AuthorizationLevel: LevelAgent, Email: "ddj209@gmail.com"})
		}},
	{"GET /chats.json?start_date&end_date&agent_id&visitor_id&group_id&tag&rating&missed", "chats_list", "/chats.json", url.Values{"start_date": {"1529083167000"}, "end_date": {"1534353567000"}},
		func(ctx context.Context, c *Client) (any, error) {
			return c.Chats.List(ctx, &ListChatsParams{StartDate: time.UnixMilli(1529083167000), EndDate: time.UnixMilli(1534353567000)})
		}},
	{"GET /chats/{chat_id}.json", "chats_get", "/chats/1.json", nil,
		func(ctx context.Context, c *Client) (any, error) { return c.Chats.Get(ctx, 1) }},
	{"PATCH /chats/{chat_id}.json", "chats_update_tag", "/chats/1.json", nil,
		func(ctx context.Context, c *Client) (any, error) {
			return c.Chats.UpdateTag(ctx, 1, &UpdateChatTagParams{Tag: "New Tag"})
		}},
	{"GET /chats/report.json?start_date&end_date&agent_id&group_id", "chats_report", "/chats/report.json", url.Values{"start_date": {"2018-01-01"}, "end_date": {"2018-12-01"}},
		func(ctx context.Context, c *Client) (any, error) {
			return c.Chats.Report(ctx, &ChatReportParams{StartDate: date("2018-01-01"), EndDate: date("2018-12-01")})
		}},
	{"GET /chats/transfer/{chat_id}.json?agent_username_from&agent_username_to", "chats_transfer", "/chats/transfer/1.json", url.Values{"agent_username_from": {"johnsmith1"}, "agent_username_to": {"jennybrown1"}},
		func(ctx context.Context, c *Client) (any, error) {
			return c.Chats.Transfer(ctx, 1, &TransferChatParams{AgentUsernameFrom: "johnsmith1", AgentUsernameTo: "jennybrown1"})
		}},
	{"GET /groups.json", "groups_list", "/groups.json", nil,
		func(ctx context.Context, c *Client) (any, error) { return c.Groups.List(ctx) }},
	{"GET /groups/{group_id}.json", "groups_get", "/groups/10204.json", nil,
		func(ctx context.Context, c *Client) (any, error) { return c.Groups.Get(ctx, 10204) }},
	{"POST /groups.json", "groups_add", "/groups.json", nil,
		func(ctx context.Context, c *Client) (any, error) {
			return c.Groups.Add(ctx, &GroupParams{GroupName: "New Group", VisitorPhoneMatches: chatsdk.Ptr(StringList{"312-555-9323"})})
		}},
	{"PATCH /groups/{group_id}.json", "groups_edit", "/groups/10204.json", nil,
		func(ctx context.Context, c *Client) (any, error) {
			return c.Groups.Edit(ctx, 10204, &GroupParams{GroupName: "New Group", VisitorPhoneMatches: chatsdk.Ptr(StringList{"312-555-9323"})})
		}},
	{"DELETE /groups/{group_id}.json", "groups_remove", "/groups/10204.json", nil,
		func(ctx context.Context, c *Client) (any, error) { return c.Groups.Remove(ctx, 10204) }},
	{"GET /messages.json?visitor_username|chat_id&include_admin", "messages_list", "/messages.json", url.Values{"visitor_username": {"tqxsbcndxs6q4fbm13dacg73kazefqx4pufr"}, "include_admin": {"false"}},
		func(ctx context.Context, c *Client) (any, error) {
			return c.Messages.List(ctx, &ListMessagesParams{VisitorUsername: "tqxsbcndxs6q4fbm13dacg73kazefqx4pufr"})
		}},
	{"GET /q_tasks.json?after&task_type&is_resolved", "tasks_list", "/q_tasks.json", url.Values{"after": {"0"}, "task_type": {"operational"}, "is_resolved": {"0"}},
		func(ctx context.Context, c *Client) (any, error) {
			return c.Tasks.ListPage(ctx, &ListTasksParams{TaskType: TaskOperational})
		}},
	{"GET /q_tasks/machine_learning/{task_id}/{intent_id}.json", "tasks_update_machine_learning", "/q_tasks/machine_learning/1/1.json", nil,
		func(ctx context.Context, c *Client) (any, error) { return c.Tasks.UpdateMachineLearning(ctx, 1, 1) }},
	{"GET /q_tasks/operational/{task_id}/{is_complete}.json", "tasks_update_operational", "/q_tasks/operational/2/1.json", nil,
		func(ctx context.Context, c *Client) (any, error) { return c.Tasks.UpdateOperational(ctx, 2, true) }},
	{"GET /visitors.json?name&email&phone&company_name&city&state&zip_code&ip_address&visitor_id&has_phone_number", "visitors_list", "/visitors.json", nil,
		func(ctx context.Context, c *Client) (any, error) { return c.Visitors.List(ctx, nil) }},
	{"GET /visitors.json?visitor_username", "visitors_get_by_username", "/visitors.json", url.Values{"visitor_username": {"geo1jqmurtnl3qjgwt0lsm4i6x4zsrtqzmj8"}},
		func(ctx context.Context, c *Client) (any, error) {
			return c.Visitors.GetByUsername(ctx, "geo1jqmurtnl3qjgwt0lsm4i6x4zsrtqzmj8")
		}},
	{"POST /visitors.json", "visitors_add", "/visitors.json", nil,
		func(ctx context.Context, c *Client) (any, error) {
			return c.Visitors.Add(ctx, &VisitorParams{CompanyName: chatsdk.Ptr("New Company")})
		}},
	{"PATCH /visitors/{visitor_id}.json", "visitors_edit", "/visitors/1.json", nil,
		func(ctx context.Context, c *Client) (any, error) {
			return c.Visitors.Edit(ctx, 1, &VisitorParams{CompanyName: chatsdk.Ptr("Different Company name")})
		}},
}

// TestGolden sends every operation to a server that answers with the
// documented example, and checks the request against the docs (method,
// path, query, Authorization, Content-Type, JSON body) and the decoded
// answer, field by field, against the example.
func TestGolden(t *testing.T) {
	endpoints := map[string]testkit.Endpoint{}
	for _, e := range testkit.Endpoints(t, "chatrhub") {
		endpoints[e.Key()] = e
	}
	seen := map[string]bool{}
	for _, tc := range goldenCases {
		require.False(t, seen[tc.endpoint], "two cases for %s", tc.endpoint)
		seen[tc.endpoint] = true
		t.Run(tc.fixture, func(t *testing.T) {
			t.Parallel()
			ep, ok := endpoints[tc.endpoint]
			require.True(t, ok, "%s is not a line of internal/endpoints/chatrhub.txt", tc.endpoint)
			respJSON := testkit.Fixture(t, "chatrhub", tc.fixture+".response.json")
			rec := newRecorder(t, answerJSON(http.StatusOK, respJSON))
			var route string
			got, err := tc.call(context.Background(), rec.client(t, chatsdk.WithMiddleware(func(req *http.Request, info chatsdk.AttemptInfo, next chatsdk.MiddlewareNext) (*http.Response, error) {
				route = info.Route
				return next(req)
			})))
			require.NoError(t, err)
			assert.Equal(t, ep.Route(), route, "route template middleware sees")

			reqs := rec.requests()
			require.Len(t, reqs, 1)
			r := reqs[0]
			assert.Equal(t, ep.Method, r.Method)
			assert.Equal(t, "/api/v1"+tc.path, r.Path)
			assert.Regexp(t, ep.Pattern(), tc.path, "the path of %s", ep.Key())
			gotQuery, err := url.ParseQuery(r.Query)
			require.NoError(t, err)
			wantQuery := tc.query
			if wantQuery == nil {
				wantQuery = url.Values{}
			}
			assert.Equal(t, wantQuery, gotQuery)
			assert.Equal(t, "Bearer "+testToken, r.Header.Get("Authorization"))
			assert.Equal(t, "application/json", r.Header.Get("Accept"))
			if name := tc.fixture + ".request.json"; testkit.FixtureExists(t, "chatrhub", name) {
				assert.Equal(t, "application/json", r.Header.Get("Content-Type"))
				testkit.AssertJSONEqualFixture(t, "chatrhub", name, r.Body)
			} else {
				assert.Empty(t, r.Header.Get("Content-Type"))
				assert.Empty(t, r.Body)
			}

			assertDecodedAsDocumented(t, tc.fixture+".response.json", got)
		})
	}
}

// TestGoldenCoversEveryEndpoint fails for a line of
// internal/endpoints/chatrhub.txt without a golden case, and for a case of
// no line.
func TestGoldenCoversEveryEndpoint(t *testing.T) {
	var keys []string
	for _, tc := range goldenCases {
		keys = append(keys, tc.endpoint)
	}
	testkit.AssertSameKeys(t, "chatrhub", "golden case", keys)
}

// TestGoldenCoversEveryFixture makes sure no documented example is left
// without a golden test.
func TestGoldenCoversEveryFixture(t *testing.T) {
	stems := map[string]bool{}
	for _, tc := range goldenCases {
		stems[tc.fixture] = true
	}
	entries, err := readFixtureNames()
	require.NoError(t, err)
	responses := 0
	for _, name := range entries {
		stem, kind, _ := cutKind(name)
		assert.True(t, stems[stem], "fixture %s has no golden case", name)
		if kind == "response" {
			responses++
		}
	}
	assert.Equal(t, len(goldenCases), responses, "one documented answer per operation")
}

// chatrhubAliases names the fields whose Go name is not their documented
// key: the docs misspell "friendly".
var chatrhubAliases = testkit.Aliases{"frendly_rating": "FriendlyRating", "success": "Message"}

// assertDecodedAsDocumented pins what a method returned to the documented
// answer: each resource object's "id" and "type" and every attribute, field
// by field (testkit.AssertFieldsMatch); a *Success as a whole.
func assertDecodedAsDocumented(t *testing.T, name string, got any) {
	t.Helper()
	doc := testkit.DecodeJSON(t, testkit.Fixture(t, "chatrhub", name))
	switch x := got.(type) {
	case *Success:
		testkit.AssertFieldsMatch(t, name, doc, x, chatrhubAliases)
		return
	case *TaskPage:
		got = x.Tasks
	}
	data := doc.(map[string]any)["data"]
	resources, isList := data.([]any)
	if !isList {
		resources = []any{data}
	}
	models := reflect.ValueOf(got)
	if models.Kind() == reflect.Pointer {
		models = models.Elem()
	}
	if models.Kind() != reflect.Slice {
		require.Len(t, resources, 1, "%s: one model for a list of resources", name)
		one := reflect.New(reflect.SliceOf(models.Type())).Elem()
		models = reflect.Append(one, models)
	}
	require.Equal(t, len(resources), models.Len(), "%s: number of resources", name)
	for i, res := range resources {
		res := res.(map[string]any)
		m := models.Index(i)
		label := name + " data[" + strconv.Itoa(i) + "]"
		testkit.AssertFieldsMatch(t, label, map[string]any{"id": res["id"], "type": res["type"]}, struct {
			ID   int64  `json:"id"`
			Type string `json:"type"`
		}{m.FieldByName("ID").Int(), m.FieldByName("Type").String()}, nil)
		testkit.AssertFieldsMatch(t, label+".attributes", res["attributes"], m.Interface(), chatrhubAliases)
	}
}
