package chatrhub

import (
	"context"
	"net/http"
	"strings"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/internal/core"
)

// GroupsService lists, reads, adds, edits and removes groups.
type GroupsService service

// List returns all groups.
//
// GET /groups.json
func (s *GroupsService) List(ctx context.Context, opts ...chatsdk.CallOption) ([]Group, error) {
	return getMany[Group](ctx, (*service)(s), &core.Request{Operation: "chatrhub.Groups.List", Method: http.MethodGet, Path: "/groups.json"}, opts)
}

// Get returns one group by ID.
//
// GET /groups/{group_id}.json
func (s *GroupsService) Get(ctx context.Context, groupID int64, opts ...chatsdk.CallOption) (*Group, error) {
	const op = "chatrhub.Groups.Get"
	if err := positiveID(op, "group_id", groupID); err != nil {
		return nil, err
	}
	return getOne[Group](ctx, (*service)(s), &core.Request{Operation: op, Method: http.MethodGet, Route: "/groups/{group_id}.json", PathParams: []any{groupID}}, opts)
}

// GroupParams are the attributes of Add Group and Edit Group. GroupName is
// required by both. Each match list is sent, when not nil, as a JSON list
// in a string, empty lists included:
//
//	nil                                      left out: Edit keeps the list
//	chatsdk.Ptr(StringList{"312-555-9323"})  "[\"312-555-9323\"]"
//	chatsdk.Ptr(StringList{})                "[]": Edit empties the list
//	chatsdk.Ptr(StringList{""})              "[\"\"]", the API's own "no match" value
type GroupParams struct {
	// GroupName is the name of the group (required).
	GroupName string `json:"group_name"`
	// VisitorPhoneMatches lists phone numbers the group matches.
	VisitorPhoneMatches *StringList `json:"visitor_phone_matches,omitempty"`
	// VisitorEmailMatches lists emails the group matches.
	VisitorEmailMatches *StringList `json:"visitor_email_matches,omitempty"`
	// VisitorCurrentURLMatches lists current URLs the group matches.
	VisitorCurrentURLMatches *StringList `json:"visitor_current_url_matches,omitempty"`
	// VisitorReferrerURLMatches lists referrer URLs the group matches.
	VisitorReferrerURLMatches *StringList `json:"visitor_referrer_url_matches,omitempty"`
	// VisitorCompanyMatches lists company names the group matches.
	VisitorCompanyMatches *StringList `json:"visitor_company_matches,omitempty"`
	// VisitorStateMatches lists states (ISO short codes) the group matches.
	VisitorStateMatches *StringList `json:"visitor_state_matches,omitempty"`
	// VisitorZipMatches lists zip codes the group matches.
	VisitorZipMatches *StringList `json:"visitor_zip_matches,omitempty"`
	// VisitorCityMatches lists city names the group matches.
	VisitorCityMatches *StringList `json:"visitor_city_matches,omitempty"`
	// VisitorCountryMatches lists countries (ISO short codes) the group
	// matches.
	VisitorCountryMatches *StringList `json:"visitor_country_matches,omitempty"`
}

func (p *GroupParams) check(op string) error {
	if p == nil || strings.TrimSpace(p.GroupName) == "" {
		return paramErr(op, "group_name", "is required")
	}
	return nil
}

// Add creates a group and returns it.
//
// The docs' HTTP section says GET /groups.json, but the operation creates a
// group and the curl example POSTs its body, so Add sends a POST. Being a
// POST, it is never replayed: if the connection fails after the request was
// sent, or the API answers 5xx, the error matches
// chatsdk.ErrMayHaveBeenApplied and the group may exist.
//
// POST /groups.json
func (s *GroupsService) Add(ctx context.Context, params *GroupParams, opts ...chatsdk.CallOption) (*Group, error) {
	const op = "chatrhub.Groups.Add"
	if err := params.check(op); err != nil {
		return nil, err
	}
	return getOne[Group](ctx, (*service)(s), &core.Request{
		Operation: op, Method: http.MethodPost, Path: "/groups.json",
		Body: body(TypeGroups, params),
	}, opts)
}

// Edit changes a group's attributes and returns the updated group. It is a PATCH: never retried once sent (a
// failure after sending matches chatsdk.ErrMayHaveBeenApplied);
// chatsdk.WithRetryUnsafe retries it.
//
// PATCH /groups/{group_id}.json
func (s *GroupsService) Edit(ctx context.Context, groupID int64, params *GroupParams, opts ...chatsdk.CallOption) (*Group, error) {
	const op = "chatrhub.Groups.Edit"
	if err := positiveID(op, "group_id", groupID); err != nil {
		return nil, err
	}
	if err := params.check(op); err != nil {
		return nil, err
	}
	return getOne[Group](ctx, (*service)(s), &core.Request{
		Operation: op, Method: http.MethodPatch, Route: "/groups/{group_id}.json", PathParams: []any{groupID},
		Body: body(TypeGroups, params),
	}, opts)
}

// Remove deletes a group. The API answers {"success": "Deleted"}
// (SuccessDeleted). It is a DELETE, so it is retried on 5xx and connection
// errors.
//
// DELETE /groups/{group_id}.json
func (s *GroupsService) Remove(ctx context.Context, groupID int64, opts ...chatsdk.CallOption) (*Success, error) {
	const op = "chatrhub.Groups.Remove"
	if err := positiveID(op, "group_id", groupID); err != nil {
		return nil, err
	}
	return doResult(ctx, (*service)(s), &core.Request{Operation: op, Method: http.MethodDelete, Route: "/groups/{group_id}.json", PathParams: []any{groupID}}, opts)
}
