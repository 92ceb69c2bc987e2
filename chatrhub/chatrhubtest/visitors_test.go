package chatrhubtest_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/chatrhub"
)

func visitorIDs(vs []chatrhub.Visitor) []int64 {
	ids := make([]int64, len(vs))
	for i, v := range vs {
		ids[i] = v.ID
	}
	return ids
}

func TestListVisitors(t *testing.T) {
	_, c := setup(t)
	all, err := c.Visitors.List(ctx, nil)
	require.NoError(t, err)
	require.Len(t, all, 5)
	v := all[0]
	assert.Equal(t, "visitors", v.Type)
	assert.Equal(t, "Test Visitor Name", v.Name)
	assert.Equal(t, "geo1jqmurtnl3qjgwt0lsm4i6x4zsrtqzmj8", v.XMPPUsername)

	for name, tc := range map[string]struct {
		p    chatrhub.ListVisitorsParams
		want []int64
	}{
		"name part, any case": {chatrhub.ListVisitorsParams{Name: "hopper"}, []int64{2}},
		"email":               {chatrhub.ListVisitorsParams{Email: "example@testexample.com"}, []int64{1}},
		"phone digits":        {chatrhub.ListVisitorsParams{Phone: "(123) 123-1234"}, []int64{1}},
		"company":             {chatrhub.ListVisitorsParams{CompanyName: "new co"}, []int64{1}},
		"city":                {chatrhub.ListVisitorsParams{City: "Minneapolis"}, []int64{1}},
		"state":               {chatrhub.ListVisitorsParams{State: "VA"}, []int64{2, 4}},
		"zip":                 {chatrhub.ListVisitorsParams{ZipCode: "12345"}, []int64{1}},
		"ip":                  {chatrhub.ListVisitorsParams{IPAddress: "127.0.0.1"}, []int64{1}},
		"id":                  {chatrhub.ListVisitorsParams{VisitorID: 3}, []int64{3}},
		"has phone":           {chatrhub.ListVisitorsParams{HasPhoneNumber: chatsdk.Ptr(true)}, []int64{1, 2, 4, 5}},
		"has no phone":        {chatrhub.ListVisitorsParams{HasPhoneNumber: chatsdk.Ptr(false)}, []int64{3}},
		"no match":            {chatrhub.ListVisitorsParams{State: "ZZ"}, []int64{}},
		"combined":            {chatrhub.ListVisitorsParams{State: "VA", City: "hampton"}, []int64{4}},
	} {
		t.Run(name, func(t *testing.T) {
			vs, err := c.Visitors.List(ctx, &tc.p)
			require.NoError(t, err)
			assert.Equal(t, tc.want, visitorIDs(vs))
		})
	}
}

func TestGetVisitorByUsername(t *testing.T) {
	srv, c := setup(t)
	v, err := c.Visitors.GetByUsername(ctx, "geo1jqmurtnl3qjgwt0lsm4i6x4zsrtqzmj8")
	require.NoError(t, err)
	assert.Equal(t, int64(1), v.ID)
	assert.Equal(t, "Minneapolis", v.City)

	_, err = c.Visitors.GetByUsername(ctx, "nobody")
	_ = requireStatus(t, err, http.StatusNotFound)

	r := raw(t, srv, http.MethodGet, "/visitors.json?visitor_username=", "")
	assert.Equal(t, http.StatusBadRequest, r.status)
	r = raw(t, srv, http.MethodGet, "/visitors.json?visitor_username=geo1jqmurtnl3qjgwt0lsm4i6x4zsrtqzmj8", "")
	require.Equal(t, http.StatusOK, r.status)
	_, isObject := r.body["data"].(map[string]any)
	assert.True(t, isObject, "Get Visitor By Username answers an object")
}

func TestAddAndEditVisitor(t *testing.T) {
	srv, c := setup(t)
	v, err := c.Visitors.Add(ctx, &chatrhub.VisitorParams{CompanyName: chatsdk.Ptr("New Company"), Phone: chatsdk.Ptr("+1 (612) 555-0100"), GroupID: chatsdk.Ptr(int64(10204))})
	require.NoError(t, err)
	assert.Equal(t, int64(6), v.ID)
	assert.Equal(t, "New Company", v.CompanyName)
	assert.Equal(t, "16125550100", v.Phone, "characters other than digits are stripped")
	assert.Equal(t, chatrhub.Int(10204), v.GroupID)
	assert.Empty(t, v.Name)
	assert.NotEmpty(t, v.XMPPUsername)
	assert.NotEmpty(t, v.XMPPPassword)

	got, err := c.Visitors.GetByUsername(ctx, v.XMPPUsername)
	require.NoError(t, err)
	assert.Equal(t, v, got)

	edited, err := c.Visitors.Edit(ctx, v.ID, &chatrhub.VisitorParams{Name: chatsdk.Ptr("Ada"), City: chatsdk.Ptr("London")})
	require.NoError(t, err)
	assert.Equal(t, "Ada", edited.Name)
	assert.Equal(t, "London", edited.City)
	assert.Equal(t, "New Company", edited.CompanyName, "attributes not sent are kept")
	assert.Equal(t, chatrhub.Int(1), edited.UpdtBy)

	listed, err := c.Visitors.List(ctx, &chatrhub.ListVisitorsParams{City: "London"})
	require.NoError(t, err)
	assert.Equal(t, []int64{6}, visitorIDs(listed))

	_, err = c.Visitors.Edit(ctx, 999, &chatrhub.VisitorParams{Name: chatsdk.Ptr("x")})
	_ = requireStatus(t, err, http.StatusNotFound)
	_, err = c.Visitors.Add(ctx, &chatrhub.VisitorParams{GroupID: chatsdk.Ptr(int64(99))})
	_ = requireStatus(t, err, http.StatusNotFound)

	// Every attribute is optional; Add Visitor answers 201.
	r := raw(t, srv, http.MethodPost, "/visitors.json", `{"data": {"type": "visitors", "attributes": {}}}`)
	assert.Equal(t, http.StatusCreated, r.status)
	r = raw(t, srv, http.MethodPatch, "/visitors/1.json", `{"data": {"type": "visitors", "attributes": {"zip_code": 12345}}}`)
	assert.Equal(t, http.StatusBadRequest, r.status)
	assert.Equal(t, "attribute zip_code: want a string", r.detail())
}
