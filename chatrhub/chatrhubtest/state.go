package chatrhubtest

import (
	"encoding/json"
	"sort"
	"strconv"
	"strings"
	"time"
)

// attrs are the attributes of one stored object in their JSON wire form, as
// the docs show them (numbers as json.Number).
type attrs = map[string]any

// table holds the objects of one resource type by ID.
type table struct {
	typ  string
	rows map[int64]attrs
	next int64
}

func newTable(typ string, firstID int64) *table {
	return &table{typ: typ, rows: map[int64]attrs{}, next: firstID}
}

func (t *table) get(id int64) (attrs, bool) {
	a, ok := t.rows[id]
	return a, ok
}

// insert stores a under the next free ID and returns that ID.
func (t *table) insert(a attrs) int64 {
	id := t.next
	t.put(id, a)
	return id
}

// put stores a under id.
func (t *table) put(id int64, a attrs) {
	t.rows[id] = a
	if id >= t.next {
		t.next = id + 1
	}
}

func (t *table) del(id int64) bool {
	_, ok := t.rows[id]
	delete(t.rows, id)
	return ok
}

// ids returns the stored IDs in ascending order.
func (t *table) ids() []int64 {
	ids := make([]int64, 0, len(t.rows))
	for id := range t.rows {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	return ids
}

// resource returns the object as a JSON:API resource holding a copy of its
// attributes.
func (t *table) resource(id int64) *resource {
	a := t.rows[id]
	cp := make(attrs, len(a))
	for k, v := range a {
		cp[k] = v
	}
	return &resource{Type: t.typ, ID: id, Attributes: cp}
}

// state is everything the server stores.
type state struct {
	agents      *table
	groups      *table
	agentGroups *table
	visitors    *table
	chats       *table
	messages    *table
	tasks       *table
	activities  *table
	// serial makes generated usernames and passwords unique.
	serial int
}

func newState() *state {
	return &state{
		agents:      newTable("agents", 1),
		groups:      newTable("groups", 10204),
		agentGroups: newTable("agent_groups", 1),
		visitors:    newTable("visitors", 1),
		chats:       newTable("chats", 1),
		messages:    newTable("messages", 1),
		tasks:       newTable("q_tasks", 1),
		activities:  newTable("agent_activities", 1),
	}
}

// intOf reads an integer sent as a number or a numeric string.
func intOf(v any) (int64, bool) {
	switch x := v.(type) {
	case json.Number:
		if n, err := x.Int64(); err == nil {
			return n, true
		}
		f, err := x.Float64()
		if err == nil && f == float64(int64(f)) {
			return int64(f), true
		}
	case float64:
		if x == float64(int64(x)) {
			return int64(x), true
		}
	case int:
		return int64(x), true
	case int64:
		return x, true
	case string:
		n, err := strconv.ParseInt(strings.TrimSpace(x), 10, 64)
		return n, err == nil
	}
	return 0, false
}

// floatOf reads a number sent as a number or a numeric string.
func floatOf(v any) (float64, bool) {
	switch x := v.(type) {
	case json.Number:
		f, err := x.Float64()
		return f, err == nil
	case float64:
		return x, true
	case int:
		return float64(x), true
	case int64:
		return float64(x), true
	case string:
		f, err := strconv.ParseFloat(strings.TrimSpace(x), 64)
		return f, err == nil
	}
	return 0, false
}

// boolOf reads a boolean sent as true/false, 0/1, "0"/"1" or
// "true"/"false"; ok is false for anything else (null included).
func boolOf(v any) (value, ok bool) {
	switch x := v.(type) {
	case bool:
		return x, true
	case json.Number:
		switch x.String() {
		case "1":
			return true, true
		case "0":
			return false, true
		}
	case float64:
		switch x {
		case 1:
			return true, true
		case 0:
			return false, true
		}
	case int:
		switch x {
		case 1:
			return true, true
		case 0:
			return false, true
		}
	case string:
		switch strings.ToLower(strings.TrimSpace(x)) {
		case "1", "true":
			return true, true
		case "0", "false":
			return false, true
		}
	}
	return false, false
}

// truthy reports whether v is a true boolean in any accepted form.
func truthy(v any) bool {
	b, _ := boolOf(v)
	return b
}

// strOf returns v as a string ("" for null).
func strOf(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case json.Number:
		return x.String()
	}
	return ""
}

// timeOf reads a documented create_dt ("2018-06-21T01:50:49+00:00").
func timeOf(v any) (time.Time, bool) {
	s, ok := v.(string)
	if !ok {
		return time.Time{}, false
	}
	t, err := time.Parse(time.RFC3339, s)
	return t, err == nil
}

// num returns n as a JSON number value.
func num(n int64) json.Number { return json.Number(strconv.FormatInt(n, 10)) }

// numOrNull is num(n), or null for 0 (the API's "none").
func numOrNull(n int64) any {
	if n == 0 {
		return nil
	}
	return num(n)
}
