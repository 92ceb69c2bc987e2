package webhook

import (
	"encoding/json"
	"fmt"
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
	Base() *UserBase
}

// UserBase holds the fields every user has.
type UserBase struct {
	ID   string   `json:"id"`
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
	UserBase
	// Monitoring is optional: the customer's visit, stats and location.
	Monitoring *Monitoring `json:"monitoring,omitempty"`
	// Fields holds custom fields by name.
	Fields map[string]string `json:"fields,omitempty"`
	Banned bool              `json:"banned"`
	// Properties is optional.
	Properties Properties `json:"properties,omitempty"`
}

// Agent is a user of type "agent" (bot agents included).
type Agent struct {
	UserBase
	Avatar string `json:"avatar,omitempty"`
	// RoutingStatus (e.g. "accepting_chats") is sent only while the agent is
	// logged in.
	RoutingStatus string `json:"routing_status,omitempty"`
}

// UnknownUser is a user whose type is neither customer nor agent. Raw is the
// user object as received; it is also what UnknownUser encodes to.
type UnknownUser struct {
	UserBase
	Raw json.RawMessage `json:"-"`
}

// MarshalJSON implements json.Marshaler by returning Raw.
func (u *UnknownUser) MarshalJSON() ([]byte, error) { return rawOrNull(u.Raw), nil }

// Monitoring describes a customer's current visit, visit statistics and
// location.
type Monitoring struct {
	CurrentVisit *Visit       `json:"current_visit,omitempty"`
	Stats        *VisitStats  `json:"stats,omitempty"`
	Referrer     string       `json:"referrer,omitempty"`
	IP           string       `json:"ip,omitempty"`
	Host         string       `json:"host,omitempty"`
	UserAgent    string       `json:"user_agent,omitempty"`
	Geolocation  *Geolocation `json:"geolocation,omitempty"`
}

// Visit is a customer's visit to the website: when it started and the pages
// seen.
type Visit struct {
	Start Timestamp   `json:"start"`
	Pages []VisitPage `json:"pages"`
}

// VisitPage is one page seen during a visit.
type VisitPage struct {
	Start Timestamp `json:"start"`
	URL   string    `json:"url"`
	Title string    `json:"title"`
}

// VisitStats counts a customer's visits, threads and page views.
type VisitStats struct {
	Visits    int       `json:"visits"`
	Threads   int       `json:"threads"`
	PageViews int       `json:"page_views"`
	LastVisit Timestamp `json:"last_visit"`
}

// Geolocation is where a customer connects from.
type Geolocation struct {
	Country     string `json:"country,omitempty"`
	CountryCode string `json:"country_code,omitempty"`
	Region      string `json:"region,omitempty"`
	City        string `json:"city,omitempty"`
	Timezone    string `json:"timezone,omitempty"`
}

// Users is a list of users of mixed types, decoded by their "type".
type Users []User

// UnmarshalJSON implements json.Unmarshaler.
func (us *Users) UnmarshalJSON(data []byte) error {
	var raws []json.RawMessage
	if err := json.Unmarshal(data, &raws); err != nil {
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
	if err := json.Unmarshal(data, &head); err != nil {
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
		if err := json.Unmarshal(data, &unknown.UserBase); err != nil {
			return nil, err
		}
		return unknown, nil
	}
	if err := json.Unmarshal(data, u); err != nil {
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
