package chatsdk_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/chatsdk-go/chatsdk"
)

type nullableParams struct {
	Score *chatsdk.Nullable[float64]  `json:"score,omitempty"`
	Name  *chatsdk.Nullable[string]   `json:"name,omitempty"`
	Tags  *chatsdk.Nullable[[]string] `json:"tags,omitempty"`
}

func TestNullableMarshalInParams(t *testing.T) {
	cases := []struct {
		name string
		in   nullableParams
		want string
	}{
		{"nil leaves every key out", nullableParams{}, `{}`},
		{"null", nullableParams{Score: chatsdk.Null[float64]()}, `{"score":null}`},
		{"zero values are sent", nullableParams{
			Score: chatsdk.NullableOf(0.0), Name: chatsdk.NullableOf(""), Tags: chatsdk.NullableOf([]string{}),
		}, `{"score":0,"name":"","tags":[]}`},
		{"values", nullableParams{Score: chatsdk.NullableOf(0.25), Tags: chatsdk.NullableOf([]string{"a"})}, `{"score":0.25,"tags":["a"]}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := json.Marshal(tc.in)
			require.NoError(t, err)
			assert.JSONEq(t, tc.want, string(got))
		})
	}
}

func TestNullableUnsetIsAnErrorNotNull(t *testing.T) {
	_, err := json.Marshal(nullableParams{Score: &chatsdk.Nullable[float64]{}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "not set")
}

func TestNullableAccessors(t *testing.T) {
	var nilN *chatsdk.Nullable[int]
	assert.False(t, nilN.IsSet())
	assert.False(t, nilN.IsNull())
	assert.True(t, nilN.IsZero())
	v, ok := nilN.Get()
	assert.False(t, ok)
	assert.Zero(t, v)

	null := chatsdk.Null[int]()
	assert.True(t, null.IsSet())
	assert.True(t, null.IsNull())
	assert.False(t, null.IsZero())
	_, ok = null.Get()
	assert.False(t, ok)

	zero := chatsdk.NullableOf(0)
	assert.True(t, zero.IsSet())
	assert.False(t, zero.IsNull())
	v, ok = zero.Get()
	assert.True(t, ok)
	assert.Equal(t, 0, v)
}

func TestNullableUnmarshalTellsMissingFromNull(t *testing.T) {
	type view struct {
		Score chatsdk.Nullable[float64] `json:"score"`
	}
	var missing, null, zero view
	require.NoError(t, json.Unmarshal([]byte(`{}`), &missing))
	require.NoError(t, json.Unmarshal([]byte(`{"score": null}`), &null))
	require.NoError(t, json.Unmarshal([]byte(`{"score": 0}`), &zero))
	assert.False(t, missing.Score.IsSet())
	assert.True(t, null.Score.IsNull())
	v, ok := zero.Score.Get()
	assert.True(t, ok)
	assert.Equal(t, 0.0, v)

	var bad view
	assert.Error(t, json.Unmarshal([]byte(`{"score": "high"}`), &bad))
}

// FuzzNullableJSON checks that whatever decodes into a Nullable encodes back
// to JSON that decodes to the same Nullable.
func FuzzNullableJSON(f *testing.F) {
	for _, seed := range []string{`null`, `0`, `0.6`, `-1e300`, `"x"`, `[]`, `["a",""]`, `{}`, ` null `, `true`, `"null"`, `1e700`, `"&<>"`} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		roundTrip[float64](t, data)
		roundTrip[string](t, data)
		roundTrip[[]string](t, data)
		roundTrip[json.RawMessage](t, data)
	})
}

func roundTrip[T any](t *testing.T, data []byte) {
	t.Helper()
	var first chatsdk.Nullable[T]
	if err := json.Unmarshal(data, &first); err != nil {
		return
	}
	if !first.IsSet() {
		t.Fatalf("%T decoded from %q is not set", first, data)
	}
	out, err := json.Marshal(first)
	if err != nil {
		t.Fatalf("%T decoded from %q does not encode: %v", first, data, err)
	}
	var second chatsdk.Nullable[T]
	if err := json.Unmarshal(out, &second); err != nil {
		t.Fatalf("%q (from %q) does not decode: %v", out, data, err)
	}
	if first.IsNull() != second.IsNull() {
		t.Fatalf("null changed: %q -> %q", data, out)
	}
	if first.IsNull() {
		return
	}
	v1, _ := first.Get()
	v2, _ := second.Get()
	if raw, ok := any(v1).(json.RawMessage); ok {
		if !jsonEqual(raw, any(v2).(json.RawMessage)) {
			t.Fatalf("value changed: %q -> %q", data, out)
		}
		return
	}
	if !reflect.DeepEqual(v1, v2) {
		t.Fatalf("value changed: %q -> %q (%v != %v)", data, out, v1, v2)
	}
}

// jsonEqual compares two JSON texts as values, numbers by their text.
func jsonEqual(a, b []byte) bool {
	decode := func(data []byte) (any, error) {
		d := json.NewDecoder(bytes.NewReader(data))
		d.UseNumber()
		var v any
		return v, d.Decode(&v)
	}
	x, errA := decode(a)
	y, errB := decode(b)
	return errors.Join(errA, errB) == nil && reflect.DeepEqual(x, y)
}
