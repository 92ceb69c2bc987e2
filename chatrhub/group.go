package chatrhub

// Group separates agents in the chat console and routes visitors: a visitor
// whose phone, email, URL, company or address matches one of the group's
// lists is routed to it.
//
// The match lists are JSON lists stored in strings ("[\"123\"]"); the API
// uses [""] (StringList{""}) for "no match".
type Group struct {
	// ID is the resource "id" of the group; zero in a Group nested in another
	// object (use the parent's GroupID there).
	ID int64 `json:"-"`
	// Type is the resource "type", "groups".
	Type string `json:"-"`

	// GroupName is the name of the group.
	GroupName string `json:"group_name"`
	// GroupType is "CUSTOM" for groups created by the account.
	GroupType string `json:"group_type"`
	// SystemGroup is whether the group is built in.
	SystemGroup Bool `json:"system_group"`
	// VisitorPhoneMatches lists the phone numbers the group matches.
	VisitorPhoneMatches StringList `json:"visitor_phone_matches"`
	// VisitorEmailMatches lists the emails the group matches.
	VisitorEmailMatches StringList `json:"visitor_email_matches"`
	// VisitorCurrentURLMatches lists the current URLs the group matches.
	VisitorCurrentURLMatches StringList `json:"visitor_current_url_matches"`
	// VisitorReferrerURLMatches lists the referrer URLs the group matches.
	VisitorReferrerURLMatches StringList `json:"visitor_referrer_url_matches"`
	// VisitorCompanyMatches lists the company names the group matches.
	VisitorCompanyMatches StringList `json:"visitor_company_matches"`
	// VisitorStateMatches lists the states (ISO short codes) the group matches.
	VisitorStateMatches StringList `json:"visitor_state_matches"`
	// VisitorZipMatches lists the zip codes the group matches.
	VisitorZipMatches StringList `json:"visitor_zip_matches"`
	// VisitorCityMatches lists the cities the group matches.
	VisitorCityMatches StringList `json:"visitor_city_matches"`
	// VisitorCountryMatches lists the countries (ISO short codes) the group
	// matches.
	VisitorCountryMatches StringList `json:"visitor_country_matches"`
	// Record is the account, the terminated flag and who created and last
	// updated the group, and when.
	Record
}

func (g *Group) setIdentity(id int64, typ string) { g.ID, g.Type = id, typ }
