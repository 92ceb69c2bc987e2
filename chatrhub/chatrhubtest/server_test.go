package chatrhubtest_test

import (
	"net/http"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/chatrhub"
	"github.com/chatsdk-go/chatsdk/chatrhub/chatrhubtest"
	"github.com/chatsdk-go/chatsdk/internal/testkit"
)

// operation calls one documented operation with valid arguments for the
// seeded server.
type operation struct {
	name string
	call func(c *chatrhub.Client) error
}

func discard[T any](_ T, err error) error { return err }

var june2018 = &chatrhub.ChatReportParams{StartDate: day(2018, 6, 1), EndDate: day(2018, 6, 30)}

// operations lists every documented operation (the test checks them against the endpoint list).
var operations = []operation{
	{"Get Agent Activity", func(c *chatrhub.Client) error {
		return discard(c.AgentActivity.Get(ctx, 1, &chatrhub.AgentActivityParams{StartDate: day(2018, 5, 1), EndDate: day(2019, 5, 1)}))
	}},
	{"List Groups by Agent", func(c *chatrhub.Client) error { return discard(c.AgentGroups.List(ctx, 1)) }},
	{"Get Agent Group Assignment", func(c *chatrhub.Client) error { return discard(c.AgentGroups.Get(ctx, 1, 10245)) }},
	{"Assign Agent to Group", func(c *chatrhub.Client) error {
		return discard(c.AgentGroups.Assign(ctx, 1, &chatrhub.AssignAgentParams{GroupID: 10204, IsAssigned: true}))
	}},
	{"Remove Agent From Group", func(c *chatrhub.Client) error { return discard(c.AgentGroups.Remove(ctx, 1, 10245)) }},
	{"List Agents", func(c *chatrhub.Client) error { return discard(c.Agents.List(ctx, nil)) }},
	{"Get Agent", func(c *chatrhub.Client) error { return discard(c.Agents.Get(ctx, 4)) }},
	{"Update Agent", func(c *chatrhub.Client) error {
		return discard(c.Agents.Update(ctx, 1, &chatrhub.UpdateAgentParams{FullName: chatsdk.Ptr("Joe")}))
	}},
	{"Invite Agent", func(c *chatrhub.Client) error {
		return discard(c.Agents.Invite(ctx, &chatrhub.InviteAgentParams{FullName: "Joe", AuthorizationLevel: chatrhub.LevelAgent, Email: "joe2@example.com"}))
	}},
	{"List Chats", func(c *chatrhub.Client) error {
		return discard(c.Chats.List(ctx, &chatrhub.ListChatsParams{StartDate: day(2018, 6, 1), EndDate: day(2018, 8, 1)}))
	}},
	{"Get Chat", func(c *chatrhub.Client) error { return discard(c.Chats.Get(ctx, 2)) }},
	{"Update Chat Tag", func(c *chatrhub.Client) error {
		return discard(c.Chats.UpdateTag(ctx, 2, &chatrhub.UpdateChatTagParams{Tag: "New Tag"}))
	}},
	{"Chat Reports", func(c *chatrhub.Client) error { return discard(c.Chats.Report(ctx, june2018)) }},
	{"Transfer Chat", func(c *chatrhub.Client) error {
		return discard(c.Chats.Transfer(ctx, 3, &chatrhub.TransferChatParams{AgentUsernameFrom: "johnsmith1", AgentUsernameTo: "jennybrown1"}))
	}},
	{"List Groups", func(c *chatrhub.Client) error { return discard(c.Groups.List(ctx)) }},
	{"Get Group", func(c *chatrhub.Client) error { return discard(c.Groups.Get(ctx, 10204)) }},
	{"Add Group", func(c *chatrhub.Client) error {
		return discard(c.Groups.Add(ctx, &chatrhub.GroupParams{GroupName: "New Group"}))
	}},
	{"Edit Group", func(c *chatrhub.Client) error {
		return discard(c.Groups.Edit(ctx, 10204, &chatrhub.GroupParams{GroupName: "Sales"}))
	}},
	{"Remove Group", func(c *chatrhub.Client) error { return discard(c.Groups.Remove(ctx, 10245)) }},
	{"List Messages", func(c *chatrhub.Client) error {
		return discard(c.Messages.List(ctx, &chatrhub.ListMessagesParams{ChatID: 1}))
	}},
	{"List Tasks", func(c *chatrhub.Client) error {
		return discard(c.Tasks.ListPage(ctx, &chatrhub.ListTasksParams{TaskType: chatrhub.TaskOperational}))
	}},
	{"Update Machine Learning Task", func(c *chatrhub.Client) error { return discard(c.Tasks.UpdateMachineLearning(ctx, 3, 1)) }},
	{"Update Operational Task", func(c *chatrhub.Client) error { return discard(c.Tasks.UpdateOperational(ctx, 2, true)) }},
	{"List Visitors", func(c *chatrhub.Client) error { return discard(c.Visitors.List(ctx, nil)) }},
	{"Get Visitor By Username", func(c *chatrhub.Client) error {
		return discard(c.Visitors.GetByUsername(ctx, "geo1jqmurtnl3qjgwt0lsm4i6x4zsrtqzmj8"))
	}},
	{"Add Visitor", func(c *chatrhub.Client) error {
		return discard(c.Visitors.Add(ctx, &chatrhub.VisitorParams{CompanyName: chatsdk.Ptr("New Company")}))
	}},
	{"Edit Visitor", func(c *chatrhub.Client) error {
		return discard(c.Visitors.Edit(ctx, 1, &chatrhub.VisitorParams{CompanyName: chatsdk.Ptr("Different Company name")}))
	}},
}

func TestEveryOperationSucceedsOnTheSeededServer(t *testing.T) {
	var documented, covered []string
	for _, e := range testkit.Endpoints(t, "chatrhub") {
		documented = append(documented, e.Name)
	}
	for _, op := range operations {
		covered = append(covered, op.name)
	}
	require.ElementsMatch(t, documented, covered, "one operation per line of internal/endpoints/chatrhub.txt")
	for _, op := range operations {
		t.Run(op.name, func(t *testing.T) {
			_, c := setup(t)
			require.NoError(t, op.call(c))
		})
	}
}

func TestEveryOperationRejectsAWrongToken(t *testing.T) {
	srv, _ := setup(t)
	bad := clientWithToken(t, srv, "not-the-token")
	for _, op := range operations {
		t.Run(op.name, func(t *testing.T) {
			err := op.call(bad)
			apiErr := requireStatus(t, err, http.StatusUnauthorized)
			require.ErrorIs(t, err, chatsdk.ErrUnauthorized)
			assert.NotEmpty(t, apiErr.Message)
		})
	}
	// Nothing changed: every write was refused.
	_, c := setup(t)
	fresh, err := c.Agents.List(ctx, nil)
	require.NoError(t, err)
	good := clientWithToken(t, srv, srv.Token)
	agents, err := good.Agents.List(ctx, nil)
	require.NoError(t, err)
	assert.Len(t, agents, len(fresh))
	groups, err := good.Groups.List(ctx)
	require.NoError(t, err)
	assert.Len(t, groups, 2)
}

func TestMissingOrMalformedAuthorizationIs401(t *testing.T) {
	srv, _ := setup(t)
	for name, header := range map[string]string{
		"missing":      "",
		"wrong scheme": "Token " + srv.Token,
		"no token":     "Bearer ",
		"wrong token":  "Bearer x" + srv.Token,
	} {
		t.Run(name, func(t *testing.T) {
			req, err := http.NewRequest(http.MethodGet, srv.BaseURL+"/agents.json", nil)
			require.NoError(t, err)
			if header != "" {
				req.Header.Set("Authorization", header)
			}
			resp, err := srv.Client().Do(req)
			require.NoError(t, err)
			resp.Body.Close()
			assert.Equal(t, http.StatusUnauthorized, resp.StatusCode)
			assert.Equal(t, "application/json", resp.Header.Get("Content-Type"))
		})
	}
	r := rawWithToken(t, srv, http.MethodGet, "/agents.json", "", "")
	assert.Equal(t, "missing or invalid bearer token", r.detail())
	assert.Equal(t, "401", r.body["errors"].([]any)[0].(map[string]any)["status"])
}

func TestWithTokenChangesTheAcceptedToken(t *testing.T) {
	srv, c := setup(t, chatrhubtest.WithToken("s3cret"))
	assert.Equal(t, "s3cret", srv.Token)
	_, err := c.Agents.List(ctx, nil)
	require.NoError(t, err)
	_, err = clientWithToken(t, srv, chatrhubtest.DefaultToken).Agents.List(ctx, nil)
	_ = requireStatus(t, err, http.StatusUnauthorized)
}

func TestBaseURLHasTheAPIPrefix(t *testing.T) {
	srv, c := setup(t)
	assert.Equal(t, srv.URL+"/api/v1", srv.BaseURL)
	assert.Equal(t, srv.BaseURL, c.BaseURL())
}

func TestUnknownPathsAndMethods(t *testing.T) {
	srv, _ := setup(t)
	for _, tc := range []struct {
		method, path string
		status       int
	}{
		{http.MethodGet, "/nope.json", http.StatusNotFound},
		{http.MethodGet, "/agents", http.StatusNotFound},
		{http.MethodGet, "/agents/4/extra.json", http.StatusNotFound},
		{http.MethodPut, "/agents/4.json", http.StatusMethodNotAllowed},
		{http.MethodDelete, "/agents.json", http.StatusMethodNotAllowed},
		{http.MethodGet, "/agents/abc.json", http.StatusNotFound},
		{http.MethodGet, "/agents/-1.json", http.StatusNotFound},
	} {
		r := raw(t, srv, tc.method, tc.path, "")
		assert.Equal(t, tc.status, r.status, "%s %s", tc.method, tc.path)
		assert.NotEmpty(t, r.detail(), "%s %s", tc.method, tc.path)
	}
	// Outside /api/v1.
	req, err := http.NewRequest(http.MethodGet, srv.URL+"/agents.json", nil)
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+srv.Token)
	resp, err := srv.Client().Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusNotFound, resp.StatusCode)
}

func TestAnEscapedIDStaysOneSegment(t *testing.T) {
	srv, _ := setup(t)
	for _, id := range []string{"4%2F..%2F1", "4%3Fx", "4%23", "4%2Fextra", "..", "%2E%2E"} {
		r := raw(t, srv, http.MethodGet, "/agents/"+id+".json", "")
		assert.Equal(t, http.StatusNotFound, r.status, id)
		r = raw(t, srv, http.MethodGet, "/chats/transfer/"+id+".json?agent_username_from=a&agent_username_to=b", "")
		assert.Equal(t, http.StatusNotFound, r.status, id)
	}
	// The same ID unescaped reaches the agent.
	assert.Equal(t, http.StatusOK, raw(t, srv, http.MethodGet, "/agents/4.json", "").status)
}

func TestRequestsCountsEveryRequest(t *testing.T) {
	srv, c := setup(t)
	assert.Empty(t, srv.Requests())
	_, err := c.Agents.List(ctx, nil)
	require.NoError(t, err)
	_, err = clientWithToken(t, srv, "wrong").Agents.List(ctx, nil)
	require.Error(t, err)
	assert.Len(t, srv.Requests(), 2)
}

func TestFailNextInjectsFailures(t *testing.T) {
	srv, c := setup(t)
	srv.FailNext(chatrhubtest.Failure{Status: http.StatusServiceUnavailable, Times: 2})
	// A GET is retried through both failures.
	agents, err := c.Agents.List(ctx, nil)
	require.NoError(t, err)
	assert.Len(t, agents, 4)
	assert.Len(t, srv.Requests(), 3)

	// A POST is not retried, and the failure did not change state.
	srv.FailNext(chatrhubtest.Failure{Status: http.StatusServiceUnavailable, Times: 1})
	_, err = c.Groups.Add(ctx, &chatrhub.GroupParams{GroupName: "Once"})
	_ = requireStatus(t, err, http.StatusServiceUnavailable)
	require.ErrorIs(t, err, chatsdk.ErrMayHaveBeenApplied)
	assert.Len(t, srv.Requests(), 4)
	groups, err := c.Groups.List(ctx)
	require.NoError(t, err)
	assert.Len(t, groups, 2)

	srv.FailNext(chatrhubtest.Failure{Status: http.StatusNotFound, Times: 1})
	_, err = c.Agents.Get(ctx, 4)
	assert.ErrorIs(t, err, chatsdk.ErrNotFound)
}

func TestWithoutExamplesStartsEmpty(t *testing.T) {
	_, c := setup(t, chatrhubtest.WithoutExamples())
	agents, err := c.Agents.List(ctx, nil)
	require.NoError(t, err)
	assert.Empty(t, agents)
	groups, err := c.Groups.List(ctx)
	require.NoError(t, err)
	assert.Empty(t, groups)
	chats, err := c.Chats.List(ctx, &chatrhub.ListChatsParams{StartDate: day(2000, 1, 1), EndDate: day(2100, 1, 1)})
	require.NoError(t, err)
	assert.Empty(t, chats)
}

func TestRequestBodiesAreChecked(t *testing.T) {
	srv, _ := setup(t)
	for name, tc := range map[string]struct {
		body   string
		detail string
	}{
		"not JSON":         {`{"data":`, "body is not a JSON:API document"},
		"no data":          {`{"group_name": "x"}`, "body has no data object"},
		"wrong type":       {`{"data": {"type": "agents", "attributes": {"group_name": "x"}}}`, `data.type is "agents", want "groups"`},
		"missing name":     {`{"data": {"type": "groups", "attributes": {}}}`, "attribute group_name is required"},
		"empty name":       {`{"data": {"type": "groups", "attributes": {"group_name": " "}}}`, "attribute group_name: must not be empty"},
		"name not string":  {`{"data": {"type": "groups", "attributes": {"group_name": 5}}}`, "attribute group_name: want a string"},
		"bad match list":   {`{"data": {"type": "groups", "attributes": {"group_name": "x", "visitor_zip_matches": "[1"}}}`, "attribute visitor_zip_matches: want a JSON list inside a string"},
		"match not a list": {`{"data": {"type": "groups", "attributes": {"group_name": "x", "visitor_zip_matches": 5}}}`, "attribute visitor_zip_matches: want a JSON list inside a string"},
	} {
		t.Run(name, func(t *testing.T) {
			r := raw(t, srv, http.MethodPost, "/groups.json", tc.body)
			assert.Equal(t, http.StatusBadRequest, r.status)
			assert.Contains(t, r.detail(), tc.detail)
		})
	}
	// A plain list is accepted for a JSON-list attribute and stored in the
	// string form; the type may be left out.
	r := raw(t, srv, http.MethodPost, "/groups.json", `{"data": {"attributes": {"group_name": "x", "visitor_zip_matches": ["55401"]}}}`)
	require.Equal(t, http.StatusCreated, r.status, r.text)
	attrs := r.body["data"].(map[string]any)["attributes"].(map[string]any)
	assert.Equal(t, `["55401"]`, attrs["visitor_zip_matches"])

	// Content-Type must be JSON.
	req, err := http.NewRequest(http.MethodPost, srv.BaseURL+"/groups.json", nil)
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+srv.Token)
	req.Header.Set("Content-Type", "text/plain")
	resp, err := srv.Client().Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
}

func TestConcurrentUse(t *testing.T) {
	srv, c := setup(t)
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for i := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.Agents.List(ctx, nil); err != nil {
				errs <- err
			}
			if _, err := c.Visitors.Add(ctx, &chatrhub.VisitorParams{Name: chatsdk.Ptr("v")}); err != nil {
				errs <- err
			}
			if _, err := c.Chats.UpdateTag(ctx, int64(1+i%12), &chatrhub.UpdateChatTagParams{Tag: "t"}); err != nil {
				errs <- err
			}
			srv.AddChat(chatrhub.Chat{Tag: "added"})
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	visitors, err := c.Visitors.List(ctx, &chatrhub.ListVisitorsParams{Name: "v"})
	require.NoError(t, err)
	n := 0
	for _, v := range visitors {
		if v.Name == "v" {
			n++
		}
	}
	assert.Equal(t, 16, n)
	assert.Len(t, srv.Requests(), 16*3+1)
}

func TestFailNextMatchesMethodAndPath(t *testing.T) {
	srv, c := setup(t)
	srv.FailNext(chatrhubtest.Failure{Method: http.MethodPost, Path: "/groups.json", Status: http.StatusConflict})
	_, err := c.Groups.List(ctx)
	require.NoError(t, err, "a GET does not match")
	_, err = c.Agents.Get(ctx, 4)
	require.NoError(t, err, "another path does not match")
	_, err = c.Groups.Add(ctx, &chatrhub.GroupParams{GroupName: "Once"})
	_ = requireStatus(t, err, http.StatusConflict)
	_, err = c.Groups.Add(ctx, &chatrhub.GroupParams{GroupName: "Twice"})
	require.NoError(t, err, "Times 0 fails once")

	srv.FailNext(chatrhubtest.Failure{Path: "/agents/{agent_id}.json", Status: http.StatusTeapot, Body: []byte(`{"errors": []}`)})
	_, err = c.Agents.Get(ctx, 4)
	_ = requireStatus(t, err, http.StatusTeapot)

	assert.Equal(t, 2, srv.RequestCount(http.MethodGet, "/agents/{agent_id}.json"))
	assert.Equal(t, 2, srv.RequestCount(http.MethodPost, "/groups.json"))
	reqs := srv.Requests()
	require.Len(t, reqs, 5)
	add := reqs[2]
	assert.Equal(t, http.MethodPost, add.Method)
	assert.Equal(t, "/groups.json", add.Path)
	assert.Equal(t, http.StatusConflict, add.Status)
	assert.Contains(t, string(add.Body), "Once")
	assert.Empty(t, add.Header.Get("Authorization"))
	assert.NotEmpty(t, add.Header.Get("Content-Type"))
}
