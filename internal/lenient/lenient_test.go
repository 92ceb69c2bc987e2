package lenient

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBool(t *testing.T) {
	for in, want := range map[string]bool{
		`true`: true, `false`: false, `0`: false, `1`: true, `"0"`: false, `"1"`: true,
		`"true"`: true, `"false"`: false, `"TRUE"`: true, `"False"`: false, `null`: false, `""`: false, `" 1 "`: true,
	} {
		var b Bool
		require.NoError(t, json.Unmarshal([]byte(in), &b), in)
		assert.Equal(t, want, bool(b), in)
		var ib IntBool
		require.NoError(t, json.Unmarshal([]byte(in), &ib), in)
		assert.Equal(t, want, bool(ib), in)
	}
	for _, in := range []string{`2`, `-1`, `"yes"`, `"2"`, `1.0`, `[]`, `{}`, `"t"`} {
		var b Bool
		require.Error(t, json.Unmarshal([]byte(in), &b), in)
		var ib IntBool
		require.Error(t, json.Unmarshal([]byte(in), &ib), in)
	}

	out, err := json.Marshal(struct {
		B  Bool    `json:"b"`
		F  Bool    `json:"f"`
		IB IntBool `json:"ib"`
		IF IntBool `json:"if"`
	}{true, false, true, false})
	require.NoError(t, err)
	assert.JSONEq(t, `{"b":true,"f":false,"ib":1,"if":0}`, string(out))
}

func TestInt(t *testing.T) {
	for in, want := range map[string]int64{
		`4`: 4, `"4"`: 4, `null`: 0, `""`: 0, `-7`: -7, `"-7"`: -7, `" 12 "`: 12, `4.0`: 4, `"4e2"`: 400, `1e3`: 1000,
		`9223372036854775807`: 9223372036854775807, `"-9223372036854775808"`: -9223372036854775808, `"007"`: 7,
	} {
		var n Int
		require.NoError(t, json.Unmarshal([]byte(in), &n), in)
		assert.Equal(t, want, int64(n), in)
	}
	for _, in := range []string{`"x"`, `4.5`, `"4.5"`, `true`, `"0x10"`, `"0x1p4"`, `"NaN"`, `"Inf"`, `"1_000"`,
		`1e19`, `9223372036854775808`, `-9.3e18`, `[]`, `{}`, `"4 apples"`} {
		var n Int
		err := json.Unmarshal([]byte(in), &n)
		require.Error(t, err, in)
		var te *json.UnmarshalTypeError
		require.ErrorAs(t, err, &te, "%s: %T", in, err)
	}
	out, err := json.Marshal(map[string]Int{"n": 4})
	require.NoError(t, err)
	assert.JSONEq(t, `{"n":4}`, string(out))
	assert.Equal(t, "-12", Int(-12).String())
}

func TestTime(t *testing.T) {
	utc := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339Nano, s)
		require.NoError(t, err)
		return v
	}
	for in, want := range map[string]time.Time{
		`"2015-02-13T11:31:36.042+02:00"`: utc("2015-02-13T09:31:36.042Z"),
		`"2016-09-01T11:31:36.042Z"`:      utc("2016-09-01T11:31:36.042Z"),
		`"2015-02-13T11:31:36.042"`:       utc("2015-02-13T11:31:36.042Z"),
		`"2015-02-13T11:31:36"`:           utc("2015-02-13T11:31:36Z"),
		`"2018-06-19T13:00:00+00:00"`:     utc("2018-06-19T13:00:00Z"),
		`"2018-06-19T13:00:00-0530"`:      utc("2018-06-19T18:30:00Z"),
		`"2018-06-19 13:00:00"`:           utc("2018-06-19T13:00:00Z"),
		`"2018-06-19 13:00:00+01:00"`:     utc("2018-06-19T12:00:00Z"),
		`"2018-06-19"`:                    utc("2018-06-19T00:00:00Z"),
		`null`:                            {},
		`""`:                              {},
	} {
		var v Time
		require.NoError(t, json.Unmarshal([]byte(in), &v), in)
		assert.True(t, want.Equal(v.Time), "%s: got %s want %s", in, v.Time, want)
	}
	var noZone Time
	require.NoError(t, json.Unmarshal([]byte(`"2015-02-13T11:31:36.042"`), &noZone))
	assert.Equal(t, time.UTC, noZone.Location(), "a datetime without zone is UTC")

	var zoned Time
	require.NoError(t, json.Unmarshal([]byte(`"2015-02-13T11:31:36.042+02:00"`), &zoned))
	_, offset := zoned.Zone()
	assert.Equal(t, 7200, offset, "the zone is kept")

	for _, in := range []string{`123`, `"yesterday"`, `"2015-13-45"`, `true`, `"2015-02-13T25:00:00Z"`, `{}`, `"13/02/2015"`} {
		var v Time
		err := json.Unmarshal([]byte(in), &v)
		require.Error(t, err, in)
		var te *json.UnmarshalTypeError
		require.ErrorAs(t, err, &te, in)
	}

	out, err := json.Marshal(map[string]Time{"zero": {}, "t": zoned})
	require.NoError(t, err)
	assert.JSONEq(t, `{"zero":null,"t":"2015-02-13T09:31:36.042Z"}`, string(out))

	edge := Time{time.Date(9999, 12, 31, 23, 30, 0, 0, time.FixedZone("", -3600))}
	out, err = json.Marshal(edge)
	require.NoError(t, err)
	assert.Equal(t, `"9999-12-31T23:30:00-01:00"`, string(out), "kept offset when UTC would be year 10000")
	_, err = json.Marshal(Time{time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)})
	require.Error(t, err)

	p, err := ParseTime("2018-06-19")
	require.NoError(t, err)
	assert.Equal(t, time.Date(2018, 6, 19, 0, 0, 0, 0, time.UTC), p)
	_, err = ParseTime("nope")
	assert.EqualError(t, err, `lenient.Time: a 4-byte string in no datetime form this type reads`)
}

func TestZonelessUTC(t *testing.T) {
	helsinki := time.FixedZone("EET", 2*3600)
	for _, tc := range []struct {
		in   time.Time
		want string
	}{
		{time.Date(2015, 2, 13, 11, 31, 36, 42_000_000, time.UTC), `"2015-02-13T11:31:36.042"`},
		{time.Date(2015, 2, 13, 13, 31, 36, 42_999_999, helsinki), `"2015-02-13T11:31:36.042"`},
		{time.Date(2015, 2, 13, 11, 31, 36, 0, time.UTC), `"2015-02-13T11:31:36.000"`},
		{time.Time{}, `null`},
	} {
		out, err := json.Marshal(ZonelessUTC{Time{tc.in}})
		require.NoError(t, err)
		assert.Equal(t, tc.want, string(out), "%s", tc.in)
	}
	_, err := json.Marshal(ZonelessUTC{Time{time.Date(9999, 12, 31, 23, 30, 0, 0, time.FixedZone("", -3600))}})
	require.Error(t, err, "year 10000 in UTC")

	var v ZonelessUTC
	require.NoError(t, json.Unmarshal([]byte(`"2015-02-13T11:31:36.042Z"`), &v))
	assert.True(t, v.Equal(time.Date(2015, 2, 13, 11, 31, 36, 42_000_000, time.UTC)), "decodes as Time does")
}

// A value that fails to decode may be anything the server echoed, even a
// token: errors name its JSON kind and size, never its content.
func TestDecodeErrorsNeverQuoteTheValue(t *testing.T) {
	const secret = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9secretsecretsecret"
	var v struct {
		B Bool
		I Int
		T Time
	}
	for _, doc := range []string{`{"B": "` + secret + `"}`, `{"I": "` + secret + `"}`, `{"T": "` + secret + `"}`} {
		err := json.Unmarshal([]byte(doc), &v)
		require.Error(t, err, doc)
		assert.NotContains(t, err.Error(), secret[:8], doc)
	}
}

func TestStringList(t *testing.T) {
	for in, want := range map[string]StringList{
		`"[\"123\"]"`:        {"123"},
		`"[\"a\", \"b\"]"`:   {"a", "b"},
		`["123"]`:            {"123"},
		`"[]"`:               {},
		`[]`:                 {},
		`null`:               nil,
		`""`:                 nil,
		`"  "`:               nil,
		`"[\"a\", null]"`:    {"a", ""},
		`"[\"\\u00e4\"]"`:    {"ä"},
		`" [\"x\"] "`:        {"x"},
		`"[\"a\\\"b\"]"`:     {`a"b`},
		`"[\"with,comma\"]"`: {"with,comma"},
	} {
		var l StringList
		require.NoError(t, json.Unmarshal([]byte(in), &l), in)
		assert.Equal(t, want, l, in)
	}
	for _, in := range []string{`"[1]"`, `"not json"`, `5`, `{}`, `"{}"`, `[1]`, `"[\"a\""`} {
		var l StringList
		require.Error(t, json.Unmarshal([]byte(in), &l), in)
	}
	out, err := json.Marshal(StringList{"123"})
	require.NoError(t, err)
	assert.Equal(t, `"[\"123\"]"`, string(out), "encodes back to the string form")
	out, err = json.Marshal(StringList(nil))
	require.NoError(t, err)
	assert.Equal(t, `"[]"`, string(out))

	var back StringList
	require.NoError(t, json.Unmarshal(out, &back))
	assert.Empty(t, back)
}

func TestList(t *testing.T) {
	var l List
	require.NoError(t, json.Unmarshal([]byte(`"[]"`), &l))
	assert.Equal(t, List{}, l)
	require.NoError(t, json.Unmarshal([]byte(`"[1, \"a\", {\"k\": true}]"`), &l))
	assert.Equal(t, List{1.0, "a", map[string]any{"k": true}}, l)
	require.NoError(t, json.Unmarshal([]byte(`[{"task":1}]`), &l))
	assert.Equal(t, List{map[string]any{"task": 1.0}}, l)
	require.Error(t, json.Unmarshal([]byte(`"{}"`), &l))
	require.Error(t, json.Unmarshal([]byte(`{}`), &l))

	out, err := json.Marshal(List{})
	require.NoError(t, err)
	assert.Equal(t, `"[]"`, string(out))
	out, err = json.Marshal(List(nil))
	require.NoError(t, err)
	assert.Equal(t, `"[]"`, string(out))
	out, err = json.Marshal(List{1, "a"})
	require.NoError(t, err)
	assert.Equal(t, `"[1,\"a\"]"`, string(out))
}

func TestObject(t *testing.T) {
	var o Object
	require.NoError(t, json.Unmarshal([]byte(`"{}"`), &o))
	assert.Equal(t, Object{}, o)
	require.NoError(t, json.Unmarshal([]byte(`"{\"a\": 1, \"b\": [\"x\"]}"`), &o))
	assert.Equal(t, Object{"a": 1.0, "b": []any{"x"}}, o)
	require.NoError(t, json.Unmarshal([]byte(`{"plain": "object"}`), &o))
	assert.Equal(t, Object{"plain": "object"}, o)
	var empty Object
	require.NoError(t, json.Unmarshal([]byte(`null`), &empty))
	assert.Nil(t, empty)
	for _, in := range []string{`"[]"`, `[1]`, `"x"`, `3`} {
		require.Error(t, json.Unmarshal([]byte(in), &o), in)
	}

	out, err := json.Marshal(Object{"a": 1})
	require.NoError(t, err)
	assert.Equal(t, `"{\"a\":1}"`, string(out))
	out, err = json.Marshal(Object(nil))
	require.NoError(t, err)
	assert.Equal(t, `"{}"`, string(out))
}

// documented is shaped like the ChatrHub objects that use every type.
type documented struct {
	TrmntInd   Bool       `json:"trmnt_ind"`
	IsBillable IntBool    `json:"is_billable"`
	AgentID    Int        `json:"agent_id"`
	CreateDt   Time       `json:"create_dt"`
	Matches    StringList `json:"visitor_email_matches"`
	TaskValues List       `json:"assign_operational_task_values"`
	Variables  Object     `json:"variables_"`
}

func TestDocumentedObjectRoundTrip(t *testing.T) {
	in := `{"trmnt_ind":0,"is_billable":1,"agent_id":"4","create_dt":"2018-06-19T13:00:00+00:00",
		"visitor_email_matches":"[\"123\"]","assign_operational_task_values":"[]","variables_":"{}","unknown":{"x":[1]}}`
	var d documented
	require.NoError(t, json.Unmarshal([]byte(in), &d))
	assert.Equal(t, documented{
		TrmntInd: false, IsBillable: true, AgentID: 4,
		CreateDt:   Time{time.Date(2018, 6, 19, 13, 0, 0, 0, time.UTC)},
		Matches:    StringList{"123"},
		TaskValues: List{},
		Variables:  Object{},
	}, normalizeTime(d))

	out, err := json.Marshal(d)
	require.NoError(t, err)
	assert.JSONEq(t, `{"trmnt_ind":false,"is_billable":1,"agent_id":4,"create_dt":"2018-06-19T13:00:00Z",
		"visitor_email_matches":"[\"123\"]","assign_operational_task_values":"[]","variables_":"{}"}`, string(out))

	var again documented
	require.NoError(t, json.Unmarshal(out, &again))
	assert.Equal(t, normalizeTime(d), normalizeTime(again))
}

func normalizeTime(d documented) documented {
	d.CreateDt.Time = d.CreateDt.UTC()
	return d
}

func TestDecodeErrorsNameTheField(t *testing.T) {
	var doc struct {
		Data struct {
			Attributes documented `json:"attributes"`
		} `json:"data"`
	}
	for field, body := range map[string]string{
		"data.attributes.trmnt_ind":             `{"data":{"attributes":{"trmnt_ind":"maybe"}}}`,
		"data.attributes.is_billable":           `{"data":{"attributes":{"is_billable":7}}}`,
		"data.attributes.agent_id":              `{"data":{"attributes":{"agent_id":"four"}}}`,
		"data.attributes.create_dt":             `{"data":{"attributes":{"create_dt":"tomorrow"}}}`,
		"data.attributes.visitor_email_matches": `{"data":{"attributes":{"visitor_email_matches":"[1]"}}}`,
		"data.attributes.variables_":            `{"data":{"attributes":{"variables_":"[]"}}}`,
	} {
		err := json.Unmarshal([]byte(body), &doc)
		var te *json.UnmarshalTypeError
		require.ErrorAs(t, err, &te, "%s: %v", field, err)
		assert.Equal(t, field, te.Field)
		assert.Contains(t, err.Error(), field)
	}
	long := `{"data":{"attributes":{"agent_id":"` + strings.Repeat("x", 200) + `"}}}`
	err := json.Unmarshal([]byte(long), &doc)
	require.Error(t, err)
	assert.Less(t, len(err.Error()), 160, "the value is cut short: %s", err)
}
