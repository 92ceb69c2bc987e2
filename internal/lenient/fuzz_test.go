package lenient

import (
	"encoding/json"
	"errors"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
)

// roundTrip decodes data into a fresh T; when that succeeds, the value must
// encode, and decode again to an equal value (by same).
func roundTrip[T any](t *testing.T, data []byte, same func(a, b T) bool) {
	var v T
	if json.Unmarshal(data, &v) != nil {
		return
	}
	out, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("decoded %s into %#v, which does not encode: %v", data, v, err)
	}
	var again T
	if err := json.Unmarshal(out, &again); err != nil {
		t.Fatalf("decoded %s into %#v, encoded %s, which does not decode: %v", data, v, out, err)
	}
	if !same(v, again) {
		t.Fatalf("decoded %s into %#v, encoded %s, decoded again into %#v", data, v, out, again)
	}
}

// sameAsReference fails unless a decoder and the reference implementation
// (reference_test.go) agree on data: both fail, or both succeed with
// deeply equal values.
func sameAsReference[T any](t *testing.T, data []byte, got T, err error, want T, wantErr error) {
	t.Helper()
	if (err == nil) != (wantErr == nil) {
		t.Fatalf("%q: error %v, the reference's %v", data, err, wantErr)
	}
	if err != nil {
		return
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%q: decoded %#v, the reference %#v", data, got, want)
	}
}

// timeKey is what a decoded time is compared by: the instant, the wall
// clock and the zone's name and offset.
func timeKey(v time.Time) string {
	name, offset := v.Zone()
	return v.Format(time.RFC3339Nano) + " " + name + " " + strconv.Itoa(offset) + " " + v.Location().String()
}

// asTypeError returns err, failing unless it is nil or a
// *json.UnmarshalTypeError (which encoding/json adds the field path to).
func asTypeError(t *testing.T, data []byte, err error) error {
	t.Helper()
	var te *json.UnmarshalTypeError
	if err != nil && !errors.As(err, &te) {
		t.Fatalf("%q: error %T, not a *json.UnmarshalTypeError", data, err)
	}
	return err
}

func equal[T comparable](a, b T) bool { return a == b }

// deepEqualOrEmpty treats nil and empty as the same (nil encodes as empty).
func deepEqualOrEmpty[T any](a, b T) bool {
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	if va.Len() == 0 && vb.Len() == 0 {
		return true
	}
	return reflect.DeepEqual(a, b)
}

func addSeeds(f *testing.F, seeds ...string) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
}

func FuzzBool(f *testing.F) {
	addSeeds(f, `true`, `false`, `0`, `1`, `"0"`, `"1"`, `"true"`, `"FALSE"`, `null`, `""`, `2`, `"yes"`, `[]`, `{}`, `"\u0031"`,
		`" TRUE "`, `"fals\u017f"`, `"\u00a01"`, `NULL`, `"\t0"`)
	f.Fuzz(func(t *testing.T, data []byte) {
		roundTrip(t, data, equal[Bool])
		roundTrip(t, data, equal[IntBool])
		want, wantErr := refBool(data)
		var b Bool
		sameAsReference(t, data, bool(b), b.UnmarshalJSON(data), want, wantErr) // raw input, not validated by encoding/json
		var ib IntBool
		sameAsReference(t, data, bool(ib), ib.UnmarshalJSON(data), want, wantErr)
	})
}

func FuzzInt(f *testing.F) {
	addSeeds(f, `4`, `"4"`, `null`, `""`, `-7`, `4.0`, `"4e2"`, `1e3`, `"x"`, `4.5`, `"0x10"`, `"NaN"`,
		`9223372036854775807`, `"-9223372036854775808"`, `9223372036854775808`, `1e19`, `-0`, `"+4"`, `" 4 "`,
		`"1234567890123456789"`, `"+"`, `"-"`, `"\u0034"`, `1.5e1`, `"\u0664"`, `"-0012"`, `"--4"`)
	f.Fuzz(func(t *testing.T, data []byte) {
		roundTrip(t, data, equal[Int])
		want, wantErr := refInt(data)
		var n Int
		sameAsReference(t, data, int64(n), n.UnmarshalJSON(data), want, wantErr)
	})
}

func FuzzTime(f *testing.F) {
	addSeeds(f, `"2015-02-13T11:31:36.042+02:00"`, `"2016-09-01T11:31:36.042Z"`, `"2015-02-13T11:31:36.042"`,
		`"2018-06-19T13:00:00+00:00"`, `"2018-06-19"`, `"2018-06-19 13:00:00"`, `"2018-06-19T13:00:00-0530"`, `null`, `""`,
		`"9999-12-31T23:59:59-01:00"`, `"0000-01-01T00:00:00+01:00"`, `"0001-01-01T00:00:00Z"`, `123`, `"yesterday"`,
		`"2015-02-13T11:31:36,042Z"`, `"2018-06-19T13:00:00+05:30"`, `"2018-06-19T24:00:00Z"`, `"2016-02-29"`, `"2015-02-29"`,
		`"2015-02-13T11:31:36.0421234567"`, `"2015-02-13T11:31:36.0421234567Z"`, `"2018-06-19 13:00:00+0100"`,
		`"\u0032018-06-19"`, `"2018-06-19T13:00:00+14:00"`, `"2018-06-19T13:00:00-23:59"`, `"2018-06-19T13:00:00.Z"`)
	f.Fuzz(func(t *testing.T, data []byte) {
		roundTrip(t, data, func(a, b Time) bool { return a.Equal(b.Time) })
		want, wantErr := refTime(data)
		var v Time
		err := asTypeError(t, data, v.UnmarshalJSON(data))
		sameAsReference(t, data, timeKey(v.Time), err, timeKey(want), wantErr)
		wantParsed, wantErr := refParseTime(string(data))
		parsed, err := ParseTime(string(data))
		sameAsReference(t, data, timeKey(parsed), err, timeKey(wantParsed), wantErr)
	})
}

func FuzzStringList(f *testing.F) {
	addSeeds(f, `"[\"123\"]"`, `["123"]`, `"[]"`, `[]`, `null`, `""`, `"[\"a\", null]"`, `"[1]"`, `"not json"`,
		`"[\"\\ud800\"]"`, `["\u00e4"]`, `"null"`,
		`"[\"\\ud83d\\ude00\", \"\\ud800\\u0041\"]"`, "\"[\\\"\xff\\\"]\"", `"[1, [2, {\"a\": null}]]"`, `" [ ] "`)
	f.Fuzz(func(t *testing.T, data []byte) {
		roundTrip(t, data, deepEqualOrEmpty[StringList])
		roundTrip(t, data, deepEqualOrEmpty[List])
		var want []string
		wantErr := refEmbedded(data, &want)
		var l StringList
		sameAsReference(t, data, []string(l), l.UnmarshalJSON(data), want, wantErr)
		var wantAny []any
		wantErr = refEmbedded(data, &wantAny)
		var la List
		sameAsReference(t, data, []any(la), la.UnmarshalJSON(data), wantAny, wantErr)
	})
}

func FuzzObject(f *testing.F) {
	addSeeds(f, `"{}"`, `{}`, `"{\"a\": 1, \"b\": [\"x\"]}"`, `{"plain":"object"}`, `null`, `""`, `"[]"`, `[1]`,
		`"{\"n\": 1e308}"`, `"{\"a\":{\"b\":{\"c\":null}}}"`,
		`"{\"a\":1,\"a\":2}"`, `"{\"k\":1e400}"`, `{"x":[1,{"y":"\u00e4"}],"z":-0.5e-3}`, `"{\"\\ud800\":true}"`)
	f.Fuzz(func(t *testing.T, data []byte) {
		roundTrip(t, data, deepEqualOrEmpty[Object])
		var want map[string]any
		wantErr := refEmbedded(data, &want)
		var o Object
		sameAsReference(t, data, map[string]any(o), o.UnmarshalJSON(data), want, wantErr)
	})
}

// FuzzZonelessUTC: a ZonelessUTC decodes as the reference Time does, and
// every time that decodes and whose UTC year is in 0000-9999 encodes
// without a zone and decodes back to the same instant, truncated to the
// millisecond.
func FuzzZonelessUTC(f *testing.F) {
	addSeeds(f, `"2015-02-13T11:31:36.042+02:00"`, `"2015-02-13T11:31:36.042"`, `"2015-02-13T11:31:36.0429999Z"`,
		`"2018-06-19"`, `null`, `""`, `"0000-01-01T00:00:00+01:00"`, `"9999-12-31T23:59:59.999-01:00"`, `"0001-01-01T00:00:00Z"`)
	f.Fuzz(func(t *testing.T, data []byte) {
		want, wantErr := refTime(data)
		var direct ZonelessUTC
		err := asTypeError(t, data, direct.UnmarshalJSON(data))
		sameAsReference(t, data, timeKey(direct.Time.Time), err, timeKey(want), wantErr)
		var v ZonelessUTC
		if json.Unmarshal(data, &v) != nil {
			return
		}
		out, err := json.Marshal(v)
		if y := v.UTC().Year(); y < 0 || y > 9999 {
			if err == nil {
				t.Fatalf("year %d encoded as %s", y, out)
			}
			return
		}
		if err != nil {
			t.Fatalf("decoded %s, which does not encode: %v", data, err)
		}
		if !v.IsZero() && (len(out) != len(`"2015-02-13T11:31:36.042"`) || strings.ContainsAny(string(out[20:]), "Z+-")) {
			t.Fatalf("decoded %s, encoded %s, not zoneless milliseconds", data, out)
		}
		var again ZonelessUTC
		if err := json.Unmarshal(out, &again); err != nil {
			t.Fatalf("encoded %s, which does not decode: %v", out, err)
		}
		if !again.Equal(v.Truncate(time.Millisecond)) {
			t.Fatalf("decoded %s, encoded %s, decoded again as %v", data, out, again.Time)
		}
	})
}
