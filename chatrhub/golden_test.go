package chatrhub

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// goldenCase is one documented operation: the call, the request the docs
// show for it, and the fixture of its example answer.
type goldenCase struct {
	// fixture is the stem of testdata/chatrhub/<fixture>.{request,response}.json.
	fixture string
	method  string
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

// goldenCases holds the 27 operations, with the IDs and parameters of the
// docs' curl examples.
var goldenCases = []goldenCase{
	{"agent_activity_get", "GET", "/agent_activities/agent_id/1.json", url.Values{"start_date": {"2018-05-01"}, "end_date": {"2019-05-01"}},
		func(ctx context.Context, c *Client) (any, error) {
			return c.AgentActivity.Get(ctx, 1, &AgentActivityParams{StartDate: date("2018-05-01"), EndDate: date("2019-05-01")})
		}},
	{"agent_groups_list", "GET", "/agent_groups/1.json", nil,
		func(ctx context.Context, c *Client) (any, error) { return c.AgentGroups.List(ctx, 1) }},
	{"agent_groups_get", "GET", "/agent_groups/agent_id/1/group_id/10204.json", nil,
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
	{"agent_groups_assign", "POST", "/agent_groups/1.json", nil,
		func(ctx context.Context, c *Client) (any, error) {
			return c.AgentGroups.Assign(ctx, 1, &AssignAgentParams{GroupID: 10204, IsAssigned: true})
		}},
	{"agent_groups_remove", "DELETE", "/agent_groups/agent_id/1/group_id/10204.json", nil,
		func(ctx context.Context, c *Client) (any, error) { return c.AgentGroups.Remove(ctx, 1, 10204) }},
	{"agents_list", "GET", "/agents.json", nil,
		func(ctx context.Context, c *Client) (any, error) { return c.Agents.List(ctx, nil) }},
	{"agents_get", "GET", "/agents/1.json", nil,
		func(ctx context.Context, c *Client) (any, error) { return c.Agents.Get(ctx, 1) }},
	{"agents_update", "PATCH", "/agents/1.json", nil,
		func(ctx context.Context, c *Client) (any, error) {
			return c.Agents.Update(ctx, 1, &UpdateAgentParams{FullName: Ptr("Joe"), Email: Ptr("joe@example.com")})
		}},
	{"agents_invite", "POST", "/agents/invite.json", nil,
		func(ctx context.Context, c *Client) (any, error) {
			return c.Agents.Invite(ctx, &InviteAgentParams{FullName: "Joe", AuthorizationLevel: LevelAgent, Email: "ddj209@gmail.com"})
		}},
	{"chats_list", "GET", "/chats.json", url.Values{"start_date": {"1529083167000"}, "end_date": {"1534353567000"}},
		func(ctx context.Context, c *Client) (any, error) {
			return c.Chats.List(ctx, &ListChatsParams{StartDate: time.UnixMilli(1529083167000), EndDate: time.UnixMilli(1534353567000)})
		}},
	{"chats_get", "GET", "/chats/1.json", nil,
		func(ctx context.Context, c *Client) (any, error) { return c.Chats.Get(ctx, 1) }},
	{"chats_update_tag", "PATCH", "/chats/1.json", nil,
		func(ctx context.Context, c *Client) (any, error) {
			return c.Chats.UpdateTag(ctx, 1, &UpdateChatTagParams{Tag: "New Tag"})
		}},
	{"chats_report", "GET", "/chats/report.json", url.Values{"start_date": {"2018-01-01"}, "end_date": {"2018-12-01"}},
		func(ctx context.Context, c *Client) (any, error) {
			return c.Chats.Report(ctx, &ChatReportParams{StartDate: date("2018-01-01"), EndDate: date("2018-12-01")})
		}},
	{"chats_transfer", "GET", "/chats/transfer/1.json", url.Values{"agent_username_from": {"johnsmith1"}, "agent_username_to": {"jennybrown1"}},
		func(ctx context.Context, c *Client) (any, error) {
			return c.Chats.Transfer(ctx, 1, &TransferChatParams{AgentUsernameFrom: "johnsmith1", AgentUsernameTo: "jennybrown1"})
		}},
	{"groups_list", "GET", "/groups.json", nil,
		func(ctx context.Context, c *Client) (any, error) { return c.Groups.List(ctx) }},
	{"groups_get", "GET", "/groups/10204.json", nil,
		func(ctx context.Context, c *Client) (any, error) { return c.Groups.Get(ctx, 10204) }},
	{"groups_add", "POST", "/groups.json", nil,
		func(ctx context.Context, c *Client) (any, error) {
			return c.Groups.Add(ctx, &GroupParams{GroupName: "New Group", VisitorPhoneMatches: Ptr(StringList{"312-555-9323"})})
		}},
	{"groups_edit", "PATCH", "/groups/10204.json", nil,
		func(ctx context.Context, c *Client) (any, error) {
			return c.Groups.Edit(ctx, 10204, &GroupParams{GroupName: "New Group", VisitorPhoneMatches: Ptr(StringList{"312-555-9323"})})
		}},
	{"groups_remove", "DELETE", "/groups/10204.json", nil,
		func(ctx context.Context, c *Client) (any, error) { return c.Groups.Remove(ctx, 10204) }},
	{"messages_list", "GET", "/messages.json", url.Values{"visitor_username": {"tqxsbcndxs6q4fbm13dacg73kazefqx4pufr"}, "include_admin": {"false"}},
		func(ctx context.Context, c *Client) (any, error) {
			return c.Messages.List(ctx, &ListMessagesParams{VisitorUsername: "tqxsbcndxs6q4fbm13dacg73kazefqx4pufr"})
		}},
	{"tasks_list", "GET", "/q_tasks.json", url.Values{"after": {"0"}, "task_type": {"operational"}, "is_resolved": {"0"}},
		func(ctx context.Context, c *Client) (any, error) {
			return c.Tasks.List(ctx, &ListTasksParams{TaskType: TaskOperational})
		}},
	{"tasks_update_machine_learning", "GET", "/q_tasks/machine_learning/1/1.json", nil,
		func(ctx context.Context, c *Client) (any, error) { return c.Tasks.UpdateMachineLearning(ctx, 1, 1) }},
	{"tasks_update_operational", "GET", "/q_tasks/operational/2/1.json", nil,
		func(ctx context.Context, c *Client) (any, error) { return c.Tasks.UpdateOperational(ctx, 2, true) }},
	{"visitors_list", "GET", "/visitors.json", nil,
		func(ctx context.Context, c *Client) (any, error) { return c.Visitors.List(ctx, nil) }},
	{"visitors_get_by_username", "GET", "/visitors.json", url.Values{"visitor_username": {"geo1jqmurtnl3qjgwt0lsm4i6x4zsrtqzmj8"}},
		func(ctx context.Context, c *Client) (any, error) {
			return c.Visitors.GetByUsername(ctx, "geo1jqmurtnl3qjgwt0lsm4i6x4zsrtqzmj8")
		}},
	{"visitors_add", "POST", "/visitors.json", nil,
		func(ctx context.Context, c *Client) (any, error) {
			return c.Visitors.Add(ctx, &VisitorParams{CompanyName: Ptr("New Company")})
		}},
	{"visitors_edit", "PATCH", "/visitors/1.json", nil,
		func(ctx context.Context, c *Client) (any, error) {
			return c.Visitors.Edit(ctx, 1, &VisitorParams{CompanyName: Ptr("Different Company name")})
		}},
}

// TestGolden sends every operation to a server that answers with the
// documented example, and checks the request against the docs (method,
// path, query, Authorization, Content-Type, JSON body) and the decoded
// answer against the example.
func TestGolden(t *testing.T) {
	require.Len(t, goldenCases, 27)
	seen := map[string]bool{}
	for _, tc := range goldenCases {
		require.False(t, seen[tc.fixture], "duplicate case %s", tc.fixture)
		seen[tc.fixture] = true
		t.Run(tc.fixture, func(t *testing.T) {
			t.Parallel()
			respJSON := fixture(t, tc.fixture+".response.json")
			rec := newRecorder(t, answerJSON(http.StatusOK, respJSON))
			got, err := tc.call(context.Background(), rec.client(t))
			require.NoError(t, err)

			reqs := rec.requests()
			require.Len(t, reqs, 1)
			r := reqs[0]
			assert.Equal(t, tc.method, r.Method)
			assert.Equal(t, "/api/v1"+tc.path, r.Path)
			gotQuery, err := url.ParseQuery(r.Query)
			require.NoError(t, err)
			wantQuery := tc.query
			if wantQuery == nil {
				wantQuery = url.Values{}
			}
			assert.Equal(t, wantQuery, gotQuery)
			assert.Equal(t, "Bearer "+testToken, r.Header.Get("Authorization"))
			assert.Equal(t, "application/json", r.Header.Get("Accept"))
			if name := tc.fixture + ".request.json"; fixtureExists(name) {
				assert.Equal(t, "application/json", r.Header.Get("Content-Type"))
				assert.JSONEq(t, string(fixture(t, name)), string(r.Body))
			} else {
				assert.Empty(t, r.Header.Get("Content-Type"))
				assert.Empty(t, r.Body)
			}

			want := decodeGeneric(t, respJSON)
			for _, d := range sameValue("$", want, reencode(t, got, respJSON)) {
				t.Error(d)
			}
		})
	}
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
	require.Len(t, entries, 35, "27 responses and 8 requests")
	for _, name := range entries {
		stem, _, _ := cutKind(name)
		assert.True(t, stems[stem], "fixture %s has no golden case", name)
	}
}

// TestFixturesKeepEveryAttribute decodes each documented answer into its
// model, re-encodes it, and checks that every key path of the fixture is
// still there: no documented attribute is dropped.
func TestFixturesKeepEveryAttribute(t *testing.T) {
	decoders := map[string]func([]byte) (any, error){
		"agent_activity_get":            decodeMany[AgentActivity],
		"agent_groups_list":             decodeMany[AgentGroup],
		"agent_groups_get":              decodeOne[AgentGroup],
		"agent_groups_assign":           decodeOne[AgentGroup],
		"agent_groups_remove":           decodeResult,
		"agents_list":                   decodeMany[Agent],
		"agents_get":                    decodeOne[Agent],
		"agents_update":                 decodeOne[Agent],
		"agents_invite":                 decodeOne[Agent],
		"chats_list":                    decodeMany[Chat],
		"chats_get":                     decodeOne[Chat],
		"chats_update_tag":              decodeOne[Chat],
		"chats_report":                  decodeOne[ChatReport],
		"chats_transfer":                decodeResult,
		"groups_list":                   decodeMany[Group],
		"groups_get":                    decodeOne[Group],
		"groups_add":                    decodeOne[Group],
		"groups_edit":                   decodeOne[Group],
		"groups_remove":                 decodeResult,
		"messages_list":                 decodeMany[Message],
		"tasks_list":                    decodeMany[Task],
		"tasks_update_machine_learning": decodeOne[Task],
		"tasks_update_operational":      decodeOne[Task],
		"visitors_list":                 decodeMany[Visitor],
		"visitors_get_by_username":      decodeOne[Visitor],
		"visitors_add":                  decodeOne[Visitor],
		"visitors_edit":                 decodeOne[Visitor],
	}
	require.Len(t, decoders, 27)
	for stem, decode := range decoders {
		t.Run(stem, func(t *testing.T) {
			raw := fixture(t, stem+".response.json")
			got, err := decode(raw)
			require.NoError(t, err)
			want, have := map[string]bool{}, map[string]bool{}
			keySet("$", decodeGeneric(t, raw), want)
			keySet("$", reencode(t, got, raw), have)
			require.NotEmpty(t, want)
			for k := range want {
				assert.True(t, have[k], "documented attribute %s dropped", k)
			}
		})
	}
}

func decodeOne[T any](b []byte) (any, error) {
	var env Envelope[one[T]]
	if err := json.Unmarshal(b, &env); err != nil {
		return nil, err
	}
	m := env.Data.res.model()
	return &m, nil
}

func decodeMany[T any](b []byte) (any, error) {
	var env Envelope[many[T]]
	if err := json.Unmarshal(b, &env); err != nil {
		return nil, err
	}
	return env.Data.models(), nil
}

func decodeResult(b []byte) (any, error) {
	var r Result
	err := json.Unmarshal(b, &r)
	return &r, err
}
