package webhook

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/chatsdk-go/chatsdk/internal/jsondec"
)

// Timestamp is a Unix time in seconds, as the Agent API sends it. It
// decodes from a JSON number (a fraction is dropped), a number in a string,
// or null (0), so that a slightly different sender does not make a webhook
// undecodable; it encodes as an integer.
type Timestamp int64

// UnmarshalJSON implements json.Unmarshaler.
func (t *Timestamp) UnmarshalJSON(data []byte) error {
	s := string(bytes.TrimSpace(data))
	if s == "null" {
		*t = 0
		return nil
	}
	if len(s) > 0 && s[0] == '"' {
		var text string
		if err := jsondec.Unmarshal(data, &text); err != nil {
			return err
		}
		s = strings.TrimSpace(text)
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		*t = Timestamp(n)
		return nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) || f >= math.MaxInt64 || f <= math.MinInt64 {
		return fmt.Errorf("timestamp: cannot read %.40q as Unix seconds", s)
	}
	*t = Timestamp(f)
	return nil
}

// Time returns t as a UTC time, or the zero time when t is 0 (not sent).
func (t Timestamp) Time() time.Time {
	if t == 0 {
		return time.Time{}
	}
	return time.Unix(int64(t), 0).UTC()
}

// Chat is the Agent API chat object carried by incoming_chat_thread: its
// users, properties and the thread that just started.
type Chat struct {
	// ID is the chat's ID (e.g. "a0c22fdd-fb71-40b5-bfc6-a8a0bc3117f5").
	ID string `json:"id"`
	// Users are the chat's customers and agents.
	Users Users `json:"users"`
	// Properties are the chat's properties; optional.
	Properties Properties `json:"properties,omitempty"`
	// Thread is the thread that just started.
	Thread Thread `json:"thread"`
}

// Thread is a chat thread: a conversation period of a chat, with its events.
type Thread struct {
	// ID is the thread's ID.
	ID string `json:"id"`
	// Timestamp is the thread's time, in Unix seconds.
	Timestamp Timestamp `json:"timestamp"`
	// Active is true while the thread is still active.
	Active bool `json:"active"`
	// UserIDs are the IDs of the users in the thread.
	UserIDs []string `json:"user_ids"`
	// Events are the thread's events, each decoded by its type.
	Events Events `json:"events"`
	// Order is the thread's server-generated sort order.
	Order int64 `json:"order"`
	// Properties is optional.
	Properties Properties `json:"properties,omitempty"`
}

// Scopes says which agents can see a chat. Empty scopes (no groups) mean no
// scope: all agents can see it.
//
// The docs show the Scopes object as {"scopes": {"groups": [1, 2]}}, while
// chat_scopes_updated nests a Scopes object under scopes_added and
// scopes_removed; both {"groups": [...]} and {"scopes": {"groups": [...]}}
// are accepted there. Scopes encodes as {"groups": [...]}.
type Scopes struct {
	// Groups are the IDs of the agent groups that can see the chat.
	Groups []int `json:"groups,omitempty"`
}

// UnmarshalJSON implements json.Unmarshaler, accepting both documented forms.
func (s *Scopes) UnmarshalJSON(data []byte) error {
	var v struct {
		Groups []int `json:"groups"`
		Scopes *struct {
			Groups []int `json:"groups"`
		} `json:"scopes"`
	}
	if err := jsondec.Unmarshal(data, &v); err != nil {
		return err
	}
	s.Groups = v.Groups
	if s.Groups == nil && v.Scopes != nil {
		s.Groups = v.Scopes.Groups
	}
	return nil
}

// Properties holds property values by namespace, then by property name:
// {"<namespace>": {"<name>": {"value": <value>}}}. In chat_properties_updated
// and chat_thread_properties_updated it holds only the properties that were
// just updated, not all of them.
type Properties map[string]map[string]Property

// Get returns the property namespace.name and whether it is present.
func (p Properties) Get(namespace, name string) (Property, bool) {
	v, ok := p[namespace][name]
	return v, ok
}

// Property is one property value. Its JSON type depends on the property's
// configuration (string, number, bool...), so it is kept raw: use Decode, or
// String for display.
//
// The documented format wraps the value as {"value": <value>}, but the
// incoming_chat_thread sample shows a bare value ("source": {"type":
// "facebook"}); both are accepted, and a Property encodes back in the form it
// was received in (wrapped when built in Go).
type Property struct {
	// Value is the raw JSON value.
	Value json.RawMessage
	bare  bool
}

// UnmarshalJSON implements json.Unmarshaler.
func (p *Property) UnmarshalJSON(data []byte) error {
	data = bytes.TrimSpace(data)
	if len(data) > 0 && data[0] == '{' {
		var wrapped struct {
			Value json.RawMessage `json:"value"`
		}
		if err := jsondec.Unmarshal(data, &wrapped); err != nil {
			return err
		}
		if wrapped.Value != nil { // a "value" key, null included
			p.Value, p.bare = wrapped.Value, false
			return nil
		}
	}
	p.Value, p.bare = append(json.RawMessage(nil), data...), true
	return nil
}

// MarshalJSON implements json.Marshaler.
func (p Property) MarshalJSON() ([]byte, error) {
	v := p.Value
	if len(v) == 0 {
		v = json.RawMessage("null")
	}
	if p.bare {
		return v, nil
	}
	return json.Marshal(struct {
		Value json.RawMessage `json:"value"`
	}{v})
}

// Decode unmarshals the value into dst.
func (p Property) Decode(dst any) error {
	return jsondec.Unmarshal(p.Value, dst)
}

// String returns a string value's text, or the raw JSON of any other value
// (1, false, [...]).
func (p Property) String() string {
	var s string
	if jsondec.Unmarshal(p.Value, &s) == nil {
		return s
	}
	return string(p.Value)
}
