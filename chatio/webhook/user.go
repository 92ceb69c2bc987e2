package webhook

import (
	"encoding/json"
	"fmt"

	"github.com/chatsdk-go/chatsdk/internal/jsondec"
)

// UserType is a user's "type": customer or agent.
type UserType string

// The documented user types.
const (
	UserTypeCustomer UserType = "customer"
	UserTypeAgent    UserType = "agent"
)

// User is a chat user: *Customer, *Agent, or *UnknownUser for a type this
// package does not know. Switch on the concrete type, or use Base for the
// fields all users share.
type User interface {
	// Base returns the fields every user has.
	Base() *UserBase
}

// UserBase holds the fields every user has.
type UserBase struct {
	// ID is the user's ID.
	ID string `json:"id"`
	// Type is "customer" or "agent"; it selects the concrete type.
	Type UserType `json:"type"`
	// Name is optional for customers.
	Name string `json:"name,omitempty"`
	// Email is optional for customers; bot agents have none.
	Email string `json:"email,omitempty"`
	// Present tells whether the user is present in the chat.
	Present bool `json:"present"`
	// LastSeenTimestamp is optional.
	LastSeenTimestamp Timestamp `json:"last_seen_timestamp,omitempty"`
}

// Base returns the shared fields; it makes every user type a User.
func (b *UserBase) Base() *UserBase { return b }

// Customer is a user of type "customer": a visitor chatting with agents.
type Customer struct {
	// UserBase holds the fields every user has.
	UserBase
	// Monitoring is optional: the customer's visit, stats and location.
	Monitoring *Monitoring `json:"monitoring,omitempty"`
	// Fields holds custom fields by name.
	Fields map[string]string `json:"fields,omitempty"`
	// Banned tells whether the customer is banned.
	Banned bool `json:"banned"`
	// Properties is optional.
	Properties Properties `json:"properties,omitempty"`
}

// Agent is a user of type "agent" (bot agents included).
type Agent struct {
	// UserBase holds the fields every user has.
	UserBase
	// Avatar is the agent's avatar image URL, sent without a scheme
	// (e.g. "cdn.livechatinc.com/avatars/1.png").
	Avatar string `json:"avatar,omitempty"`
	// RoutingStatus (e.g. "accepting_chats") is sent only while the agent is
	// logged in.
	RoutingStatus string `json:"routing_status,omitempty"`
}

// UnknownUser is a user whose type is neither customer nor agent. Raw is the
// user object as received; it is also what UnknownUser encodes to.
type UnknownUser struct {
	// UserBase holds the fields every user has, read from Raw.
	UserBase
	// Raw is the whole user object as received.
	Raw json.RawMessage `json:"-"`
}

// MarshalJSON implements json.Marshaler by returning Raw.
func (u *UnknownUser) MarshalJSON() ([]byte, error) { return rawOrNull(u.Raw), nil }

// Monitoring describes a customer's current visit, visit statistics and
// location.
type Monitoring struct {
	// CurrentVisit is the customer's ongoing visit.
	CurrentVisit *Visit `json:"current_visit,omitempty"`
	// Stats counts the customer's visits, threads and page views.
	Stats *VisitStats `json:"stats,omitempty"`
	// Referrer is the URL the customer came from.
	Referrer string `json:"referrer,omitempty"`
	// IP is the customer's IP address.
	IP string `json:"ip,omitempty"`
	// Host is the host name of the customer's IP address.
	Host string `json:"host,omitempty"`
	// UserAgent is the customer's browser User-Agent string.
	UserAgent string `json:"user_agent,omitempty"`
	// Geolocation is where the customer connects from.
	Geolocation *Geolocation `json:"geolocation,omitempty"`
}

// Visit is a customer's visit to the website: when it started and the pages
// seen.
type Visit struct {
	// Start is when the visit started, in Unix seconds.
	Start Timestamp `json:"start"`
	// Pages are the pages seen during the visit.
	Pages []VisitPage `json:"pages"`
}

// VisitPage is one page seen during a visit.
type VisitPage struct {
	// Start is when the customer opened the page, in Unix seconds.
	Start Timestamp `json:"start"`
	// URL is the page's address.
	URL string `json:"url"`
	// Title is the page's title.
	Title string `json:"title"`
}

// VisitStats counts a customer's visits, threads and page views.
type VisitStats struct {
	// Visits is the number of the customer's visits.
	Visits int `json:"visits"`
	// Threads is the number of the customer's chat threads.
	Threads int `json:"threads"`
	// PageViews is the number of pages the customer has viewed.
	PageViews int `json:"page_views"`
	// LastVisit is the time of the customer's previous visit, in Unix seconds.
	LastVisit Timestamp `json:"last_visit"`
}

// Geolocation is where a customer connects from.
type Geolocation struct {
	// Country is the country name (e.g. "Poland").
	Country string `json:"country,omitempty"`
	// CountryCode is the two-letter country code (e.g. "PL").
	CountryCode string `json:"country_code,omitempty"`
	// Region is the region within the country (e.g. "Dolnoslaskie").
	Region string `json:"region,omitempty"`
	// City is the city name (e.g. "Wroclaw").
	City string `json:"city,omitempty"`
	// Timezone is the IANA time zone name (e.g. "Europe/Warsaw").
	Timezone string `json:"timezone,omitempty"`
}

// Users is a list of users of mixed types, decoded by their "type".
type Users []User

// UnmarshalJSON implements json.Unmarshaler.
func (us *Users) UnmarshalJSON(data []byte) error {
	var raws []json.RawMessage
	if err := jsondec.Unmarshal(data, &raws); err != nil {
		return err
	}
	if raws == nil {
		*us = nil
		return nil
	}
	out := make(Users, 0, len(raws))
	for i, raw := range raws {
		u, err := decodeUser(raw)
		if err != nil {
			return fmt.Errorf("user %d: %w", i, err)
		}
		out = append(out, u)
	}
	*us = out
	return nil
}

// decodeUser decodes one user object by its type.
func decodeUser(data []byte) (User, error) {
	var head struct {
		Type UserType `json:"type"`
	}
	if err := jsondec.Unmarshal(data, &head); err != nil {
		return nil, err
	}
	var u User
	switch head.Type {
	case UserTypeCustomer:
		u = new(Customer)
	case UserTypeAgent:
		u = new(Agent)
	default:
		unknown := &UnknownUser{Raw: append(json.RawMessage(nil), data...)}
		if err := jsondec.Unmarshal(data, &unknown.UserBase); err != nil {
			return nil, err
		}
		return unknown, nil
	}
	if err := jsondec.Unmarshal(data, u); err != nil {
		return nil, err
	}
	return u, nil
}

func rawOrNull(raw json.RawMessage) []byte {
	if len(raw) == 0 {
		return []byte("null")
	}
	return raw
}
