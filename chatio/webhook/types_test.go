package webhook

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTimestamp(t *testing.T) {
	for in, want := range map[string]Timestamp{
		`1473433500`:     1473433500,
		`"1473433500"`:   1473433500,
		`1473433500.987`: 1473433500,
		`1.4734335e9`:    1473433500,
		`null`:           0,
		`0`:              0,
	} {
		var ts Timestamp
		require.NoError(t, json.Unmarshal([]byte(in), &ts), in)
		assert.Equal(t, want, ts, in)
	}
	for _, in := range []string{`"soon"`, `true`, `{}`, `1e300`, `""`} {
		var ts Timestamp
		require.Error(t, json.Unmarshal([]byte(in), &ts), in)
	}
	assert.Equal(t, time.Date(2016, 9, 9, 15, 5, 0, 0, time.UTC), Timestamp(1473433500).Time())
	assert.True(t, Timestamp(0).Time().IsZero())
	b, err := json.Marshal(Timestamp(5))
	require.NoError(t, err)
	assert.Equal(t, "5", string(b))
}

func TestProperty(t *testing.T) {
	var props Properties
	require.NoError(t, json.Unmarshal([]byte(`{
		"source": {"type": "facebook"},
		"rating": {"score": {"value": 1}, "comment": {"value": "ok"}, "value": {"value": true}},
		"x": {"obj": {"a": 1}, "nil": null, "null": {"value": null}}
	}`), &props))

	src, ok := props.Get("source", "type")
	require.True(t, ok)
	assert.Equal(t, "facebook", src.String())
	score, _ := props.Get("rating", "score")
	var n int
	require.NoError(t, score.Decode(&n))
	assert.Equal(t, 1, n)
	assert.Equal(t, "1", score.String())
	v, _ := props.Get("rating", "value")
	assert.Equal(t, "true", v.String())
	obj, _ := props.Get("x", "obj")
	assert.JSONEq(t, `{"a": 1}`, string(obj.Value), "an object without a value key is a bare value")
	null, _ := props.Get("x", "null")
	assert.Equal(t, "null", string(null.Value))
	_, ok = props.Get("nope", "type")
	assert.False(t, ok)

	again, err := json.Marshal(props)
	require.NoError(t, err)
	assert.JSONEq(t, `{
		"source": {"type": "facebook"},
		"rating": {"score": {"value": 1}, "comment": {"value": "ok"}, "value": {"value": true}},
		"x": {"obj": {"a": 1}, "nil": null, "null": {"value": null}}
	}`, string(again))

	built, err := json.Marshal(Properties{"rating": {"score": {Value: json.RawMessage("5")}, "empty": {}}})
	require.NoError(t, err)
	assert.JSONEq(t, `{"rating": {"score": {"value": 5}, "empty": {"value": null}}}`, string(built))
}

func TestScopesAcceptBothDocumentedForms(t *testing.T) {
	for _, in := range []string{`{"groups": [1, 2]}`, `{"scopes": {"groups": [1, 2]}}`} {
		var s Scopes
		require.NoError(t, json.Unmarshal([]byte(in), &s))
		assert.Equal(t, []int{1, 2}, s.Groups, in)
	}
	var s Scopes
	require.NoError(t, json.Unmarshal([]byte(`{}`), &s))
	assert.Empty(t, s.Groups)
	b, err := json.Marshal(Scopes{Groups: []int{3}})
	require.NoError(t, err)
	assert.JSONEq(t, `{"groups": [3]}`, string(b))
}

func TestUnknownTypesKeepTheirRawJSON(t *testing.T) {
	in := `{"id": "e1", "order": 7, "type": "sticker", "author_id": "a", "timestamp": 1, "sticker": {"pack": 3}}`
	e, err := DecodeEvent([]byte(in))
	require.NoError(t, err)
	u, ok := e.(*UnknownEvent)
	require.True(t, ok, "%T", e)
	assert.Equal(t, EventType("sticker"), u.Type)
	assert.Equal(t, "e1", u.Base().ID)
	assert.Equal(t, int64(7), u.Order)
	out, err := json.Marshal(e)
	require.NoError(t, err)
	assert.JSONEq(t, in, string(out))

	var users Users
	require.NoError(t, json.Unmarshal([]byte(`[{"id": "b1", "type": "bot", "present": true, "extra": 1}, {"id": "c", "type": "customer", "present": false, "banned": true}]`), &users))
	require.Len(t, users, 2)
	uu, ok := users[0].(*UnknownUser)
	require.True(t, ok, "%T", users[0])
	assert.Equal(t, "b1", uu.Base().ID)
	assert.True(t, uu.Present)
	assert.True(t, users[1].(*Customer).Banned)
	out, err = json.Marshal(users)
	require.NoError(t, err)
	assert.JSONEq(t, `[{"id": "b1", "type": "bot", "present": true, "extra": 1}, {"id": "c", "type": "customer", "present": false, "banned": true}]`, string(out))
}

func TestListsDecodeNullAndEmpty(t *testing.T) {
	var th Thread
	require.NoError(t, json.Unmarshal([]byte(`{"events": null}`), &th))
	assert.Nil(t, th.Events)
	require.NoError(t, json.Unmarshal([]byte(`{"events": []}`), &th))
	assert.NotNil(t, th.Events)
	assert.Empty(t, th.Events)
	var c Chat
	require.NoError(t, json.Unmarshal([]byte(`{"users": null}`), &c))
	assert.Nil(t, c.Users)
	require.Error(t, json.Unmarshal([]byte(`{"users": [{"type": "agent", "present": "yes"}]}`), &c))
	assert.Error(t, json.Unmarshal([]byte(`{"events": [1]}`), &th))
}

func TestIncomingEventOfEveryType(t *testing.T) {
	for typ, want := range map[string]Event{
		"message":        &Message{},
		"system_message": &SystemMessage{},
		"annotation":     &Annotation{},
		"filled_form":    &FilledForm{},
		"file":           &File{},
		"custom":         &CustomEvent{},
		"typing":         &UnknownEvent{},
	} {
		var p IncomingEvent
		require.NoError(t, json.Unmarshal([]byte(`{"chat_id": "c", "event": {"type": "`+typ+`", "id": "e"}}`), &p))
		assert.IsType(t, want, p.Event, typ)
		assert.Equal(t, EventType(typ), p.Event.Base().Type)
		assert.Equal(t, "e", p.Event.Base().ID)
	}
}

func TestTypedValuesMarshalTheirOwnType(t *testing.T) {
	for _, c := range []struct {
		v    any
		want string
	}{
		{Message{Text: "hi"}, "message"},
		{&Message{Text: "hi"}, "message"},
		{SystemMessage{}, "system_message"},
		{Annotation{}, "annotation"},
		{FilledForm{}, "filled_form"},
		{File{}, "file"},
		{CustomEvent{}, "custom"},
		{Customer{}, "customer"},
		{Agent{}, "agent"},
		{Message{EventBase: EventBase{Type: "custom_type_kept"}}, "custom_type_kept"},
	} {
		b, err := json.Marshal(c.v)
		require.NoError(t, err)
		var head struct {
			Type string `json:"type"`
		}
		require.NoError(t, json.Unmarshal(b, &head))
		assert.Equal(t, c.want, head.Type, "%T", c.v)
	}
	b, err := json.Marshal(&Message{EventBase: EventBase{ID: "e1"}, Text: "hi"})
	require.NoError(t, err)
	e, err := DecodeEvent(b)
	require.NoError(t, err)
	assert.Equal(t, &Message{EventBase: EventBase{ID: "e1", Type: EventTypeMessage}, Text: "hi"}, e)
}
