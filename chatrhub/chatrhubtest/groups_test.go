package chatrhubtest_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/chatrhub"
)

func TestListAndGetGroups(t *testing.T) {
	_, c := setup(t)
	groups, err := c.Groups.List(ctx)
	require.NoError(t, err)
	require.Len(t, groups, 2)
	assert.Equal(t, int64(10204), groups[0].ID)
	assert.Equal(t, "Sales", groups[0].GroupName)
	assert.Equal(t, chatrhub.StringList{"123"}, groups[0].VisitorPhoneMatches)
	assert.Equal(t, "Support", groups[1].GroupName)

	g, err := c.Groups.Get(ctx, 10204)
	require.NoError(t, err)
	assert.Equal(t, groups[0], *g)

	_, err = c.Groups.Get(ctx, 1)
	_ = requireStatus(t, err, http.StatusNotFound)
}

func TestAddEditRemoveGroup(t *testing.T) {
	srv, c := setup(t)
	g, err := c.Groups.Add(ctx, &chatrhub.GroupParams{GroupName: "New Group", VisitorPhoneMatches: chatsdk.Ptr(chatrhub.StringList{"312-555-9323"})})
	require.NoError(t, err)
	assert.Equal(t, int64(10246), g.ID)
	assert.Equal(t, "New Group", g.GroupName)
	assert.Equal(t, chatrhub.StringList{"312-555-9323"}, g.VisitorPhoneMatches)
	assert.Equal(t, chatrhub.StringList{""}, g.VisitorZipMatches, "unset match lists are [\"\"] as documented")

	got, err := c.Groups.Get(ctx, g.ID)
	require.NoError(t, err)
	assert.Equal(t, g, got)

	edited, err := c.Groups.Edit(ctx, g.ID, &chatrhub.GroupParams{GroupName: "Renamed", VisitorCityMatches: chatsdk.Ptr(chatrhub.StringList{"Minneapolis"})})
	require.NoError(t, err)
	assert.Equal(t, "Renamed", edited.GroupName)
	assert.Equal(t, chatrhub.StringList{"Minneapolis"}, edited.VisitorCityMatches)
	assert.Equal(t, chatrhub.StringList{"312-555-9323"}, edited.VisitorPhoneMatches, "lists not sent are kept")
	assert.Equal(t, chatrhub.Int(1), edited.UpdtBy)

	cleared, err := c.Groups.Edit(ctx, g.ID, &chatrhub.GroupParams{GroupName: "Renamed", VisitorPhoneMatches: chatsdk.Ptr(chatrhub.StringList{})})
	require.NoError(t, err)
	assert.Empty(t, cleared.VisitorPhoneMatches, "an empty list sent as \"[]\" empties the list")
	assert.Equal(t, chatrhub.StringList{"Minneapolis"}, cleared.VisitorCityMatches)

	groups, err := c.Groups.List(ctx)
	require.NoError(t, err)
	require.Len(t, groups, 3)
	assert.Equal(t, "Renamed", groups[2].GroupName)

	res, err := c.Groups.Remove(ctx, g.ID)
	require.NoError(t, err)
	assert.Equal(t, chatrhub.SuccessDeleted, res.Message)
	_, err = c.Groups.Get(ctx, g.ID)
	_ = requireStatus(t, err, http.StatusNotFound)
	_, err = c.Groups.Remove(ctx, g.ID)
	_ = requireStatus(t, err, http.StatusNotFound)
	_, err = c.Groups.Edit(ctx, g.ID, &chatrhub.GroupParams{GroupName: "x"})
	_ = requireStatus(t, err, http.StatusNotFound)

	// group_name is required by Add and Edit.
	for _, tc := range []struct{ method, path string }{{http.MethodPost, "/groups.json"}, {http.MethodPatch, "/groups/10204.json"}} {
		r := raw(t, srv, tc.method, tc.path, `{"data": {"type": "groups", "attributes": {"visitor_zip_matches": "[\"1\"]"}}}`)
		assert.Equal(t, http.StatusBadRequest, r.status)
		assert.Equal(t, "attribute group_name is required", r.detail())
	}
	// Add Group answers 201.
	r := raw(t, srv, http.MethodPost, "/groups.json", `{"data": {"type": "groups", "attributes": {"group_name": "New Group", "visitor_phone_matches": "[\"312-555-9323\"]"}}}`)
	assert.Equal(t, http.StatusCreated, r.status)
}

func TestRemoveGroupRemovesItsAssignments(t *testing.T) {
	_, c := setup(t)
	_, err := c.Groups.Remove(ctx, 10245)
	require.NoError(t, err)
	ags, err := c.AgentGroups.List(ctx, 1)
	require.NoError(t, err)
	assert.Empty(t, ags)
}

func TestListGroupsByAgent(t *testing.T) {
	_, c := setup(t)
	ags, err := c.AgentGroups.List(ctx, 1)
	require.NoError(t, err)
	require.Len(t, ags, 1)
	ag := ags[0]
	assert.Equal(t, int64(1), ag.ID)
	assert.Equal(t, "agent_groups", ag.Type)
	assert.Equal(t, chatrhub.Int(1), ag.AgentID)
	assert.Equal(t, chatrhub.Int(10245), ag.GroupID)
	assert.True(t, bool(ag.IsAssigned))
	require.NotNil(t, ag.Agent)
	assert.Equal(t, "unittest500", ag.Agent.Username)
	require.NotNil(t, ag.Group)
	assert.Equal(t, "Support", ag.Group.GroupName)

	none, err := c.AgentGroups.List(ctx, 4)
	require.NoError(t, err)
	assert.Empty(t, none)

	_, err = c.AgentGroups.List(ctx, 99)
	_ = requireStatus(t, err, http.StatusNotFound)
}

func TestAssignGetAndRemoveAgentGroup(t *testing.T) {
	srv, c := setup(t)
	before, err := c.AgentGroups.Get(ctx, 1, 10204)
	require.NoError(t, err)
	assert.Equal(t, &chatrhub.AgentGroupAssignment{}, before, "not associated yet: data is null")

	assigned, err := c.AgentGroups.Assign(ctx, 1, &chatrhub.AssignAgentParams{GroupID: 10204, IsAssigned: true})
	require.NoError(t, err)
	assert.Equal(t, chatrhub.Int(1), assigned.AgentID)
	assert.Equal(t, chatrhub.Int(10204), assigned.GroupID)
	assert.True(t, bool(assigned.IsAssigned))
	require.NotNil(t, assigned.Group)
	assert.Equal(t, "Sales", assigned.Group.GroupName)

	got, err := c.AgentGroups.Get(ctx, 1, 10204)
	require.NoError(t, err)
	assert.True(t, got.Assigned)
	require.NotNil(t, got.AgentGroup)
	assert.Equal(t, assigned.ID, got.AgentGroup.ID)
	ags, err := c.AgentGroups.List(ctx, 1)
	require.NoError(t, err)
	assert.Len(t, ags, 2)

	// Assigning again updates the same assignment.
	unassigned, err := c.AgentGroups.Assign(ctx, 1, &chatrhub.AssignAgentParams{GroupID: 10204, IsAssigned: false})
	require.NoError(t, err)
	assert.Equal(t, assigned.ID, unassigned.ID)
	assert.False(t, bool(unassigned.IsAssigned))
	got, err = c.AgentGroups.Get(ctx, 1, 10204)
	require.NoError(t, err)
	assert.False(t, got.Assigned)
	require.NotNil(t, got.AgentGroup, "an unassigned link is still returned")
	assert.False(t, bool(got.AgentGroup.IsAssigned))

	res, err := c.AgentGroups.Remove(ctx, 1, 10204)
	require.NoError(t, err)
	assert.Equal(t, chatrhub.SuccessDeleted, res.Message)
	got, err = c.AgentGroups.Get(ctx, 1, 10204)
	require.NoError(t, err)
	assert.Equal(t, &chatrhub.AgentGroupAssignment{}, got, "removed: no object")
	_, err = c.AgentGroups.Remove(ctx, 1, 10204)
	_ = requireStatus(t, err, http.StatusNotFound)

	// Unknown agents and groups are 404.
	_, err = c.AgentGroups.Get(ctx, 99, 10204)
	_ = requireStatus(t, err, http.StatusNotFound)
	_, err = c.AgentGroups.Get(ctx, 1, 99)
	_ = requireStatus(t, err, http.StatusNotFound)
	_, err = c.AgentGroups.Assign(ctx, 99, &chatrhub.AssignAgentParams{GroupID: 10204})
	_ = requireStatus(t, err, http.StatusNotFound)
	_, err = c.AgentGroups.Assign(ctx, 1, &chatrhub.AssignAgentParams{GroupID: 99})
	_ = requireStatus(t, err, http.StatusNotFound)
	require.ErrorIs(t, err, chatsdk.ErrNotFound)
	_, err = c.AgentGroups.Remove(ctx, 1, 99)
	_ = requireStatus(t, err, http.StatusNotFound)

	// The answer to Get Agent Group Assignment without an assignment.
	r := raw(t, srv, http.MethodGet, "/agent_groups/agent_id/4/group_id/10204.json", "")
	assert.Equal(t, http.StatusOK, r.status)
	assert.JSONEq(t, `{"data": null}`, r.text)
}

func TestAssignAgentRequiresItsParameters(t *testing.T) {
	srv, _ := setup(t)
	for _, tc := range []struct{ attrs, detail string }{
		{`"group_id": 10204, "is_assigned": true`, "attribute agent_id is required"},
		{`"agent_id": 1, "is_assigned": true`, "attribute group_id is required"},
		{`"agent_id": 1, "group_id": 10204`, "attribute is_assigned is required"},
		{`"agent_id": 2, "group_id": 10204, "is_assigned": true`, "attribute agent_id 2 does not match the path's agent_id 1"},
		{`"agent_id": "x", "group_id": 10204, "is_assigned": true`, "attribute agent_id: want an integer"},
	} {
		r := raw(t, srv, http.MethodPost, "/agent_groups/1.json", `{"data": {"type": "agent_groups", "attributes": {`+tc.attrs+`}}}`)
		assert.Equal(t, http.StatusBadRequest, r.status, tc.attrs)
		assert.Equal(t, tc.detail, r.detail())
	}
	// The documented request, with "1" for an ID, answers a list of one.
	r := raw(t, srv, http.MethodPost, "/agent_groups/1.json", `{"data": {"type": "agent_groups", "attributes": {"agent_id": "1", "group_id": 10204, "is_assigned": true}}}`)
	require.Equal(t, http.StatusOK, r.status, r.text)
	assert.Len(t, r.body["data"], 1)
}
