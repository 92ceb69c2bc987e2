package chatrhub

import (
	"context"
	"net/http"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/internal/core"
)

// VisitorsService lists, finds, adds and edits visitors.
type VisitorsService service

// ListVisitorsParams filters List Visitors; every field is optional.
type ListVisitorsParams struct {
	// Name filters visitors by name.
	Name string `url:"name,omitempty"`
	// Email filters visitors by email address.
	Email string `url:"email,omitempty"`
	// Phone filters visitors by phone number.
	Phone string `url:"phone,omitempty"`
	// CompanyName filters visitors by company name.
	CompanyName string `url:"company_name,omitempty"`
	// City filters visitors by city.
	City string `url:"city,omitempty"`
	// State filters visitors by state.
	State string `url:"state,omitempty"`
	// ZipCode filters visitors by zip code.
	ZipCode string `url:"zip_code,omitempty"`
	// IPAddress filters visitors by the IP address they chatted from on web
	// chat.
	IPAddress string `url:"ip_address,omitempty"`
	// VisitorID filters visitors by visitor ID; 0 sends no filter.
	VisitorID int64 `url:"visitor_id,omitempty"`
	// HasPhoneNumber filters on whether a phone number exists; nil sends no
	// filter, false is sent as "false".
	HasPhoneNumber *bool `url:"has_phone_number,omitempty"`
}

// List returns the visitors that match the filters; params may be nil.
//
// GET /visitors.json?name&email&phone&company_name&city&state&zip_code&ip_address&visitor_id&has_phone_number
func (s *VisitorsService) List(ctx context.Context, params *ListVisitorsParams, opts ...chatsdk.CallOption) ([]Visitor, error) {
	return getMany[Visitor](ctx, (*service)(s), &core.Request{Operation: "chatrhub.Visitors.List", Method: http.MethodGet, Path: "/visitors.json", Query: params}, opts)
}

type visitorUsernameQuery struct {
	VisitorUsername string `url:"visitor_username"`
}

// GetByUsername returns the visitor whose username (Visitor.XMPPUsername) is
// username. The API also makes sure the username exists in XMPP.
//
// GET /visitors.json?visitor_username
func (s *VisitorsService) GetByUsername(ctx context.Context, username string, opts ...chatsdk.CallOption) (*Visitor, error) {
	const op = "chatrhub.Visitors.GetByUsername"
	if username == "" {
		return nil, paramErr(op, "visitor_username", "is required")
	}
	return getOne[Visitor](ctx, (*service)(s), &core.Request{
		Operation: op, Method: http.MethodGet, Path: "/visitors.json",
		Query: &visitorUsernameQuery{VisitorUsername: username},
	}, opts)
}

// VisitorParams are the attributes of Add Visitor and Edit Visitor; all are
// optional. Nil fields are left out (Edit keeps their value); a pointer to
// "" clears a field.
type VisitorParams struct {
	// Name is the visitor's name.
	Name *string `json:"name,omitempty"`
	// CompanyName is the name of the visitor's company.
	CompanyName *string `json:"company_name,omitempty"`
	// StreetAddress1 is the first line of the visitor's street address.
	StreetAddress1 *string `json:"street_address_1,omitempty"`
	// StreetAddress2 is the second line of the visitor's street address.
	StreetAddress2 *string `json:"street_address_2,omitempty"`
	// City is the visitor's city.
	City *string `json:"city,omitempty"`
	// State is an ISO short code.
	State *string `json:"state,omitempty"`
	// ZipCode is the visitor's zip code.
	ZipCode *string `json:"zip_code,omitempty"`
	// Email is the visitor's email address.
	Email *string `json:"email,omitempty"`
	// Phone is stripped of characters other than digits by the API.
	Phone *string `json:"phone,omitempty"`
	// Country is an ISO short code.
	Country *string `json:"country,omitempty"`
	// GroupID is the group the visitor is associated with.
	GroupID *int64 `json:"group_id,omitempty"`
}

// Add creates a visitor and returns it. Visitors are usually created by the
// chat widget or by a text message; params may be nil.
//
// It is a POST and is never replayed: if the connection fails after the
// request was sent, or the API answers 5xx, the error matches
// chatsdk.ErrMayHaveBeenApplied and the visitor may exist.
//
// POST /visitors.json
func (s *VisitorsService) Add(ctx context.Context, params *VisitorParams, opts ...chatsdk.CallOption) (*Visitor, error) {
	if params == nil {
		params = &VisitorParams{}
	}
	return getOne[Visitor](ctx, (*service)(s), &core.Request{
		Operation: "chatrhub.Visitors.Add", Method: http.MethodPost, Path: "/visitors.json",
		Body: body(TypeVisitors, params),
	}, opts)
}

// Edit changes a visitor's attributes and returns the updated visitor.
// params must set at least one field. It is a PATCH: never retried once sent (a
// failure after sending matches chatsdk.ErrMayHaveBeenApplied);
// chatsdk.WithRetryUnsafe retries it.
//
// PATCH /visitors/{visitor_id}.json
func (s *VisitorsService) Edit(ctx context.Context, visitorID int64, params *VisitorParams, opts ...chatsdk.CallOption) (*Visitor, error) {
	const op = "chatrhub.Visitors.Edit"
	if err := positiveID(op, "visitor_id", visitorID); err != nil {
		return nil, err
	}
	if params == nil || *params == (VisitorParams{}) {
		return nil, paramErr(op, "attributes", "are required: set at least one field")
	}
	return getOne[Visitor](ctx, (*service)(s), &core.Request{
		Operation: op, Method: http.MethodPatch, Route: "/visitors/{visitor_id}.json", PathParams: []any{visitorID},
		Body: body(TypeVisitors, params),
	}, opts)
}
