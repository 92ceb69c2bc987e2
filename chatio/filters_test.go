package chatio_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/chatsdk-go/chatsdk/chatio"
	"github.com/chatsdk-go/chatsdk/internal/testkit"
)

func TestFilterBuilders(t *testing.T) {
	f := chatio.NewFilters(
		chatio.ChatProperty("source", "type").Values("facebook", "twitter"),
		chatio.ChatProperty("rating", "comment").Exists(true),
		chatio.ThreadProperty("routing", "status").ExcludeValues("queued"),
		chatio.EventProperty("bot", "score").Values(1, 2),
		chatio.EventProperty("bot", "handled").Exists(false),
		chatio.ChatMembers("a@example.com"),
		nil,
	).Add(chatio.ChatMembers("b@example.com"))
	require.NoError(t, f.Validate())
	b, err := json.Marshal(f)
	require.NoError(t, err)
	assert.JSONEq(t, `{
		"chat_properties": {
			"source": {"type": {"values": ["facebook", "twitter"]}},
			"rating": {"comment": {"exists": true}}
		},
		"thread_properties": {"routing": {"status": {"exclude_values": ["queued"]}}},
		"event_properties": {"bot": {"score": {"values": [1, 2]}, "handled": {"exists": false}}},
		"chat_member_ids": {"agents": ["a@example.com", "b@example.com"]}
	}`, string(b))
	assert.Equal(t, chatio.Property{Kind: chatio.ThreadProperties, Namespace: "routing", Name: "status"}, chatio.ThreadProperty("routing", "status"))
}

func TestUnknownPropertyKind(t *testing.T) {
	f := chatio.NewFilters(chatio.Property{Kind: "user_properties", Namespace: "a", Name: "b"}.Exists(true))
	err := f.Validate()
	assert.ErrorIs(t, err, chatio.ErrInvalidParams)
	assert.ErrorContains(t, err, `unknown property kind "user_properties"`)
}

func TestEmptyFiltersEncodeAsEmptyObject(t *testing.T) {
	b, err := json.Marshal(chatio.NewFilters())
	require.NoError(t, err)
	assert.JSONEq(t, `{}`, string(b))
}

func TestPropertyValuesDecode(t *testing.T) {
	var f chatio.PropertyFilter
	require.NoError(t, json.Unmarshal([]byte(`{"values":[1, 9007199254740993, -4]}`), &f))
	assert.Equal(t, chatio.PropertyValues{int64(1), int64(9007199254740993), int64(-4)}, f.Values, "integers stay exact")
	require.NoError(t, inFilters(f).Validate())

	f = chatio.PropertyFilter{}
	require.NoError(t, json.Unmarshal([]byte(`{"exclude_values":["a","b"]}`), &f))
	assert.Equal(t, chatio.PropertyValues{"a", "b"}, f.ExcludeValues)

	f = chatio.PropertyFilter{}
	require.NoError(t, json.Unmarshal([]byte(`{"values":[true, 1.5], "exists": false}`), &f))
	assert.Equal(t, chatio.PropertyValues{true, 1.5}, f.Values)
	require.NotNil(t, f.Exists)
	assert.False(t, *f.Exists)
	assert.Error(t, inFilters(f).Validate())

	f = chatio.PropertyFilter{}
	require.NoError(t, json.Unmarshal([]byte(`{"values": null}`), &f))
	assert.Nil(t, f.Values)

	assert.Error(t, json.Unmarshal([]byte(`{"values":"x"}`), &f))
	assert.Error(t, json.Unmarshal([]byte(`{"values":[1e999]}`), &f))
}

func inFilters(f chatio.PropertyFilter) *chatio.Filters {
	return &chatio.Filters{ChatProperties: chatio.PropertyFilters{"ns": {"name": f}}}
}

// FuzzPropertyValues checks that decoding never panics and that whatever
// decodes encodes back to values that decode the same way.
func FuzzPropertyValues(f *testing.F) {
	for _, seed := range []string{`["facebook","twitter"]`, `[1,2,3]`, `[true]`, `[]`, `null`, `[1.5,"a",{"x":1}]`, `[9007199254740993]`, `[1e400]`, `"x"`} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var v chatio.PropertyValues
		if json.Unmarshal(data, &v) != nil {
			return
		}
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatalf("encoding %#v: %v", v, err)
		}
		var again chatio.PropertyValues
		if err := json.Unmarshal(b, &again); err != nil {
			t.Fatalf("decoding %s: %v", b, err)
		}
		if !testkit.SameAfterRoundTrip(v, again) {
			t.Fatalf("round trip through %s changed %#v to %#v", b, v, again)
		}
		b2, _ := json.Marshal(again)
		if string(b) != string(b2) {
			t.Fatalf("round trip changed %s to %s", b, b2)
		}
	})
}

// FuzzFilters decodes arbitrary filters, validates them, and checks that
// valid filters survive an encode/decode round trip.
func FuzzFilters(f *testing.F) {
	for _, name := range []string{"webhooks_register.request.json", "webhooks_list.response.json"} {
		f.Add(fixture(f, name))
	}
	for _, seed := range []string{
		`{"chat_properties":{"a":{"b":{"exists":true,"values":[1]}}}}`,
		`{"event_properties":{"":{"b":{"exclude_values":[]}}}}`,
		`{"chat_member_ids":{"agents":[""]}}`,
		`{"thread_properties":{"a":{"b":{"values":[1,"x"]}}}}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var filters chatio.Filters
		if json.Unmarshal(data, &filters) != nil {
			return
		}
		if filters.Validate() != nil {
			return
		}
		b, err := json.Marshal(&filters)
		if err != nil {
			t.Fatal(err)
		}
		var again chatio.Filters
		if err := json.Unmarshal(b, &again); err != nil {
			t.Fatalf("decoding %s: %v", b, err)
		}
		if err := again.Validate(); err != nil {
			t.Fatalf("valid filters %s became invalid: %v", b, err)
		}
		if !testkit.SameAfterRoundTrip(filters, again) {
			t.Fatalf("round trip through %s changed\n%#v\nto\n%#v", b, filters, again)
		}
	})
}

// FuzzBotAgent decodes arbitrary get_bot_agent_details answers.
func FuzzBotAgent(f *testing.F) {
	f.Add(fixture(f, "bot_agents_get.response.json"))
	f.Add([]byte(`{"bot_agent":{"groups":[{"id":-1}],"max_chats_count":"6"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var out struct {
			BotAgent *chatio.BotAgent `json:"bot_agent"`
		}
		if json.Unmarshal(data, &out) != nil || out.BotAgent == nil {
			return
		}
		if _, err := json.Marshal(out.BotAgent); err != nil {
			t.Fatal(err)
		}
	})
}
