package chatio

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"sort"
)

// Filters limit a webhook to the chats, threads or events that match every
// condition. Build them with NewFilters:
//
//	chatio.NewFilters(
//		chatio.ChatProperty("source", "type").Values("facebook", "twitter"),
//		chatio.ChatProperty("rating", "comment").Exists(true),
//		chatio.ChatMembers("johndoe@mail.com"),
//	)
//
// The documentation lists which property kinds each action accepts (see the
// WebhookAction constants) but uses chat_member_ids, listed for no action, in
// its own example; the client therefore checks the shape of each filter, not
// whether the action accepts it, and leaves that to the API.
type Filters struct {
	// ChatProperties filter on the chat's properties.
	ChatProperties PropertyFilters `json:"chat_properties,omitempty"`
	// ThreadProperties filter on the thread's properties.
	ThreadProperties PropertyFilters `json:"thread_properties,omitempty"`
	// EventProperties filter on the event's properties.
	EventProperties PropertyFilters `json:"event_properties,omitempty"`
	// ChatMemberIDs limits the webhook to chats with these members.
	ChatMemberIDs *ChatMemberIDs `json:"chat_member_ids,omitempty"`

	// unknownKind is the first Property.Kind that Add could not place.
	unknownKind PropertyKind
}

// PropertyFilters maps a property namespace and name to its filter:
// {"<namespace>": {"<name>": {"values": [...]}}}.
type PropertyFilters map[string]map[string]PropertyFilter

// PropertyFilter is the condition on one property. Exactly one of its fields
// must be set.
type PropertyFilter struct {
	// Exists matches when the property exists (true) or does not (false).
	Exists *bool `json:"exists,omitempty"`
	// Values matches when the property has one of these values.
	Values PropertyValues `json:"values,omitempty"`
	// ExcludeValues matches when the property has none of these values.
	ExcludeValues PropertyValues `json:"exclude_values,omitempty"`
}

// PropertyValues are the values of a property filter, all of one type:
// string, int or bool. Decoded values are string, bool, int64, or float64 for
// a number with a fraction (which the API does not document).
type PropertyValues []any

// UnmarshalJSON implements json.Unmarshaler, keeping integers exact.
func (v *PropertyValues) UnmarshalJSON(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var raw []any
	if err := dec.Decode(&raw); err != nil {
		return err
	}
	if raw == nil {
		*v = nil
		return nil
	}
	out := make(PropertyValues, len(raw))
	for i, x := range raw {
		if n, ok := x.(json.Number); ok {
			if iv, err := n.Int64(); err == nil {
				x = iv
			} else if fv, err := n.Float64(); err == nil {
				x = fv
			} else {
				return fmt.Errorf("chatio: property value %s is out of range", n)
			}
		}
		out[i] = x
	}
	*v = out
	return nil
}

// ChatMemberIDs limits a webhook to chats with the listed members.
type ChatMemberIDs struct {
	// Agents are agent IDs (emails for human agents).
	Agents []string `json:"agents,omitempty"`
}

// PropertyKind is where a filtered property lives.
type PropertyKind string

// The documented property kinds, named after their key in Filters.
const (
	ChatProperties   PropertyKind = "chat_properties"
	ThreadProperties PropertyKind = "thread_properties"
	EventProperties  PropertyKind = "event_properties"
)

// Property names one property for a filter condition. Create it with
// ChatProperty, ThreadProperty or EventProperty.
type Property struct {
	Kind      PropertyKind
	Namespace string
	Name      string
}

// ChatProperty names the chat property namespace.name.
func ChatProperty(namespace, name string) Property {
	return Property{Kind: ChatProperties, Namespace: namespace, Name: name}
}

// ThreadProperty names the thread property namespace.name.
func ThreadProperty(namespace, name string) Property {
	return Property{Kind: ThreadProperties, Namespace: namespace, Name: name}
}

// EventProperty names the event property namespace.name.
func EventProperty(namespace, name string) Property {
	return Property{Kind: EventProperties, Namespace: namespace, Name: name}
}

// Exists matches when the property exists (true) or does not exist (false).
func (p Property) Exists(exists bool) FilterCondition {
	return propertyCondition{p, PropertyFilter{Exists: &exists}}
}

// Values matches when the property has one of values (strings, ints or
// bools, all of one type).
func (p Property) Values(values ...any) FilterCondition {
	return propertyCondition{p, PropertyFilter{Values: valueList(values)}}
}

// ExcludeValues matches when the property has none of values (strings, ints
// or bools, all of one type).
func (p Property) ExcludeValues(values ...any) FilterCondition {
	return propertyCondition{p, PropertyFilter{ExcludeValues: valueList(values)}}
}

// valueList keeps an empty argument list non-nil, so that validation reports
// the missing values instead of a missing filter type.
func valueList(values []any) PropertyValues {
	if values == nil {
		return PropertyValues{}
	}
	return PropertyValues(values)
}

// FilterCondition is one condition for NewFilters: a property condition
// (ChatProperty(...).Values(...) and the like) or ChatMembers.
type FilterCondition interface {
	apply(*Filters)
}

type propertyCondition struct {
	p Property
	f PropertyFilter
}

func (c propertyCondition) apply(f *Filters) {
	var m *PropertyFilters
	switch c.p.Kind {
	case ChatProperties:
		m = &f.ChatProperties
	case ThreadProperties:
		m = &f.ThreadProperties
	case EventProperties:
		m = &f.EventProperties
	default:
		if f.unknownKind == "" {
			f.unknownKind = c.p.Kind
		}
		return
	}
	if *m == nil {
		*m = PropertyFilters{}
	}
	names := (*m)[c.p.Namespace]
	if names == nil {
		names = map[string]PropertyFilter{}
		(*m)[c.p.Namespace] = names
	}
	// Two conditions on one property merge, so that validation reports the
	// conflict instead of one silently replacing the other.
	cur := names[c.p.Name]
	if c.f.Exists != nil {
		cur.Exists = c.f.Exists
	}
	if c.f.Values != nil {
		cur.Values = c.f.Values
	}
	if c.f.ExcludeValues != nil {
		cur.ExcludeValues = c.f.ExcludeValues
	}
	names[c.p.Name] = cur
}

type chatMembersCondition []string

func (c chatMembersCondition) apply(f *Filters) {
	if f.ChatMemberIDs == nil {
		f.ChatMemberIDs = &ChatMemberIDs{}
	}
	f.ChatMemberIDs.Agents = append(f.ChatMemberIDs.Agents, c...)
}

// ChatMembers matches chats that have these agents as members
// (chat_member_ids.agents).
func ChatMembers(agentIDs ...string) FilterCondition {
	return chatMembersCondition(append([]string(nil), agentIDs...))
}

// NewFilters returns the filters that hold every condition.
func NewFilters(conds ...FilterCondition) *Filters {
	f := &Filters{}
	return f.Add(conds...)
}

// Add adds conditions to f and returns f.
func (f *Filters) Add(conds ...FilterCondition) *Filters {
	for _, c := range conds {
		if c != nil {
			c.apply(f)
		}
	}
	return f
}

// Validate checks that every property filter names its namespace and
// property and sets exactly one of exists, values and exclude_values, with
// values of one type (string, int or bool), and that chat_member_ids lists
// at least one agent.
func (f *Filters) Validate() error { return f.validate() }

// validate checks f; the field paths of its errors are relative to f.
func (f *Filters) validate() error {
	if f == nil {
		return nil
	}
	if f.unknownKind != "" {
		return invalid("", "unknown property kind %q (want %q, %q or %q)", f.unknownKind, ChatProperties, ThreadProperties, EventProperties)
	}
	if err := f.ChatProperties.validate(); err != nil {
		return at("chat_properties", err)
	}
	if err := f.ThreadProperties.validate(); err != nil {
		return at("thread_properties", err)
	}
	if err := f.EventProperties.validate(); err != nil {
		return at("event_properties", err)
	}
	if m := f.ChatMemberIDs; m != nil {
		if len(m.Agents) == 0 {
			return invalid("chat_member_ids.agents", "at least one agent ID is required")
		}
		for i, id := range m.Agents {
			if id == "" {
				return invalid(fmt.Sprintf("chat_member_ids.agents[%d]", i), "empty agent ID")
			}
		}
	}
	return nil
}

// validate checks every filter of m. The first error in the order of the
// sorted namespaces and names is reported; sorting happens only once some
// filter is known to be invalid, so that valid filters allocate nothing.
func (m PropertyFilters) validate() error {
	for ns, names := range m {
		if ns == "" {
			return m.firstError()
		}
		for name, f := range names {
			if name == "" || f.validate() != nil {
				return m.firstError()
			}
		}
	}
	return nil
}

// firstError returns the error of the first invalid filter in the order of
// the sorted namespaces and names.
func (m PropertyFilters) firstError() error {
	for _, ns := range sortedKeys(m) {
		if ns == "" {
			return invalid("", "empty property namespace")
		}
		names := m[ns]
		for _, name := range sortedKeys(names) {
			if name == "" {
				return invalid(ns, "empty property name")
			}
			if err := names[name].validate(); err != nil {
				return at(ns, at(name, err))
			}
		}
	}
	return nil
}

// validate checks p; the field paths of its errors are relative to p.
func (p PropertyFilter) validate() error {
	set := 0
	if p.Exists != nil {
		set++
	}
	if p.Values != nil {
		set++
	}
	if p.ExcludeValues != nil {
		set++
	}
	if set != 1 {
		return invalid("", "set exactly one of exists, values and exclude_values (%d set)", set)
	}
	if p.Values != nil {
		return p.Values.validate("values")
	}
	if p.ExcludeValues != nil {
		return p.ExcludeValues.validate("exclude_values")
	}
	return nil
}

// validate checks the values of the list named field.
func (v PropertyValues) validate(field string) error {
	if len(v) == 0 {
		return invalid(field, "at least one value is required")
	}
	first := valueType(v[0])
	for i, x := range v {
		t := valueType(x)
		if t == "" {
			return invalid(fmt.Sprintf("%s[%d]", field, i), "%T is not a string, int or bool", x)
		}
		if t != first {
			return invalid(fmt.Sprintf("%s[%d]", field, i), "%s among %s values (all values must have one type)", t, first)
		}
	}
	return nil
}

// valueType returns "string", "int" or "bool", or "" for other types. A
// float64 without a fraction counts as an int (values decoded into any).
func valueType(x any) string {
	switch n := x.(type) {
	case nil:
		return ""
	case json.Number:
		if _, err := n.Int64(); err == nil {
			return "int"
		}
		return ""
	}
	rv := reflect.ValueOf(x)
	switch rv.Kind() {
	case reflect.String:
		return "string"
	case reflect.Bool:
		return "bool"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "int"
	case reflect.Float32, reflect.Float64:
		if f := rv.Float(); f == math.Trunc(f) && !math.IsInf(f, 0) {
			return "int"
		}
	}
	return ""
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
