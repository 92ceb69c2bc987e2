// Package lenient holds JSON types that accept the loose forms the API
// documentation shows: booleans sent as 0/1, numbers sent as strings,
// datetimes with or without a zone, and JSON values stored inside strings.
// API packages re-export them as aliases.
//
// A value that does not fit fails with a *json.UnmarshalTypeError, so
// encoding/json reports the path of the failing field.
package lenient

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"time"
)

var null = []byte("null")

// typeError reports data that does not fit t. It is a
// *json.UnmarshalTypeError so that encoding/json adds the path of the
// failing field ("data.attributes.agent_id") to it. It names the JSON kind
// of data, never its content, which could echo a secret.
func typeError(data []byte, t reflect.Type) error {
	return &json.UnmarshalTypeError{Value: jsonKind(data), Type: t}
}

// jsonKind names the kind of a JSON value the way encoding/json's errors do.
func jsonKind(data []byte) string {
	data = bytes.TrimSpace(data)
	if len(data) == 0 {
		return "empty value"
	}
	switch data[0] {
	case '"':
		return "string"
	case '{':
		return "object"
	case '[':
		return "array"
	case 't', 'f':
		return "bool"
	case 'n':
		return "null"
	}
	return "number"
}

// unquote returns the contents of a JSON string, or data itself when it is
// not a string.
func unquote(data []byte) (string, bool, error) {
	if len(data) > 0 && data[0] == '"' {
		var s string
		if err := json.Unmarshal(data, &s); err != nil {
			return "", true, err
		}
		return s, true, nil
	}
	return string(data), false, nil
}

// Bool is a boolean that decodes from true/false, 0/1, "0"/"1",
// "true"/"false" and null (false). It encodes as a JSON boolean.
type Bool bool

// UnmarshalJSON implements json.Unmarshaler.
func (b *Bool) UnmarshalJSON(data []byte) error {
	s, _, err := unquote(bytes.TrimSpace(data))
	if err != nil {
		return typeError(data, reflect.TypeOf(*b))
	}
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "1":
		*b = true
	case "false", "0", "null", "":
		*b = false
	default:
		return typeError(data, reflect.TypeOf(*b))
	}
	return nil
}

// IntBool is a boolean that decodes like Bool but encodes as 0 or 1, for
// fields that the API documents as integers.
type IntBool bool

// UnmarshalJSON implements json.Unmarshaler.
func (b *IntBool) UnmarshalJSON(data []byte) error {
	if err := (*Bool)(b).UnmarshalJSON(data); err != nil {
		return typeError(data, reflect.TypeOf(*b))
	}
	return nil
}

// MarshalJSON implements json.Marshaler.
func (b IntBool) MarshalJSON() ([]byte, error) {
	if b {
		return []byte("1"), nil
	}
	return []byte("0"), nil
}

// Int is an integer that decodes from 4, "4", a whole number written as a
// float (4.0, "4e3"), and null or "" (0). It encodes as a JSON number.
type Int int64

// UnmarshalJSON implements json.Unmarshaler.
func (n *Int) UnmarshalJSON(data []byte) error {
	s, _, err := unquote(bytes.TrimSpace(data))
	if err != nil {
		return typeError(data, reflect.TypeOf(*n))
	}
	s = strings.TrimSpace(s)
	if s == "" || s == "null" {
		*n = 0
		return nil
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		// A whole number written as a JSON float ("4.0", "4e3").
		if !isJSONNumber(s) {
			return typeError(data, reflect.TypeOf(*n))
		}
		f, ferr := strconv.ParseFloat(s, 64)
		if ferr != nil || f != math.Trunc(f) || f < -(1<<63) || f >= 1<<63 {
			return typeError(data, reflect.TypeOf(*n))
		}
		v = int64(f)
	}
	*n = Int(v)
	return nil
}

// isJSONNumber reports whether s is a JSON number (no "NaN", "0x1p4" or
// "1_000", which strconv.ParseFloat would accept).
func isJSONNumber(s string) bool {
	return s != "" && (s[0] == '-' || (s[0] >= '0' && s[0] <= '9')) && json.Valid([]byte(s))
}

// String returns the decimal form.
func (n Int) String() string { return strconv.FormatInt(int64(n), 10) }

// Time is a datetime that decodes from RFC 3339 with or without a zone
// ("2015-02-13T11:31:36.042" is read as UTC), a date alone ("2018-06-19"),
// and null or "" (the zero time). It encodes as RFC 3339 in UTC with
// fractional seconds, and the zero time as null.
type Time struct{ time.Time }

var timeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02",
}

// ParseTime reads s in any of the forms Time accepts.
func ParseTime(s string) (time.Time, error) {
	for _, layout := range timeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("lenient.Time: a %d-byte string in no datetime form this type reads", len(s))
}

// UnmarshalJSON implements json.Unmarshaler.
func (t *Time) UnmarshalJSON(data []byte) error {
	data = bytes.TrimSpace(data)
	if bytes.Equal(data, null) {
		t.Time = time.Time{}
		return nil
	}
	s, quoted, err := unquote(data)
	if err != nil || !quoted {
		return typeError(data, reflect.TypeOf(*t))
	}
	if s == "" {
		t.Time = time.Time{}
		return nil
	}
	parsed, err := ParseTime(s)
	if err != nil {
		return typeError(data, reflect.TypeOf(*t))
	}
	t.Time = parsed
	return nil
}

// MarshalJSON implements json.Marshaler. A time whose UTC year falls outside
// 0000-9999 (RFC 3339's range) keeps its own offset.
func (t Time) MarshalJSON() ([]byte, error) {
	if t.Time.IsZero() {
		return null, nil
	}
	v := t.Time.UTC()
	if !rfc3339Year(v) {
		v = t.Time
		if !rfc3339Year(v) {
			return nil, fmt.Errorf("lenient.Time: year %d is outside RFC 3339's 0000-9999", v.Year())
		}
	}
	return []byte(`"` + v.Format(time.RFC3339Nano) + `"`), nil
}

func rfc3339Year(t time.Time) bool { return t.Year() >= 0 && t.Year() <= 9999 }

// ZonelessUTC is a Time that encodes in UTC without a zone suffix, to the
// millisecond ("2015-02-13T11:31:36.042"; finer digits are truncated), and
// the zero time as null: the form giosg documents for request bodies. It
// decodes as Time does.
type ZonelessUTC struct{ Time }

// zonelessLayout is ZonelessUTC's encoding.
const zonelessLayout = "2006-01-02T15:04:05.000"

// MarshalJSON implements json.Marshaler.
func (t ZonelessUTC) MarshalJSON() ([]byte, error) {
	if t.Time.IsZero() {
		return null, nil
	}
	v := t.Time.UTC()
	if !rfc3339Year(v) {
		return nil, fmt.Errorf("lenient.ZonelessUTC: year %d is outside 0000-9999", v.Year())
	}
	return []byte(`"` + v.Format(zonelessLayout) + `"`), nil
}

// StringList is a list of strings that the API stores as JSON inside a
// string ("[\"123\"]"). It decodes from that form or from a plain JSON array,
// and encodes back to the string form.
type StringList []string

// UnmarshalJSON implements json.Unmarshaler.
func (l *StringList) UnmarshalJSON(data []byte) error {
	var v []string
	if err := unmarshalEmbedded(data, &v); err != nil {
		return typeError(data, reflect.TypeOf(*l))
	}
	*l = v
	return nil
}

// MarshalJSON implements json.Marshaler.
func (l StringList) MarshalJSON() ([]byte, error) {
	if l == nil {
		return marshalEmbedded([]string{})
	}
	return marshalEmbedded([]string(l))
}

// List is any JSON list that the API stores inside a string ("[]"). It
// decodes from that form or a plain JSON array, and encodes back to the
// string form.
type List []any

// UnmarshalJSON implements json.Unmarshaler.
func (l *List) UnmarshalJSON(data []byte) error {
	var v []any
	if err := unmarshalEmbedded(data, &v); err != nil {
		return typeError(data, reflect.TypeOf(*l))
	}
	*l = v
	return nil
}

// MarshalJSON implements json.Marshaler.
func (l List) MarshalJSON() ([]byte, error) {
	if l == nil {
		return marshalEmbedded([]any{})
	}
	return marshalEmbedded([]any(l))
}

// Object is a JSON object that the API stores inside a string ("{}"). It
// decodes from that form or a plain JSON object, and encodes back to the
// string form.
type Object map[string]any

// UnmarshalJSON implements json.Unmarshaler.
func (o *Object) UnmarshalJSON(data []byte) error {
	var v map[string]any
	if err := unmarshalEmbedded(data, &v); err != nil {
		return typeError(data, reflect.TypeOf(*o))
	}
	*o = v
	return nil
}

// MarshalJSON implements json.Marshaler.
func (o Object) MarshalJSON() ([]byte, error) {
	if o == nil {
		return marshalEmbedded(map[string]any{})
	}
	return marshalEmbedded(map[string]any(o))
}

// unmarshalEmbedded decodes JSON that is either stored inside a JSON string
// or given directly. null and "" leave v at its zero value.
func unmarshalEmbedded(data []byte, v any) error {
	data = bytes.TrimSpace(data)
	if bytes.Equal(data, null) {
		return nil
	}
	s, quoted, err := unquote(data)
	if err != nil {
		return err
	}
	if !quoted {
		return json.Unmarshal(data, v)
	}
	if strings.TrimSpace(s) == "" {
		return nil
	}
	return json.Unmarshal([]byte(s), v)
}

func marshalEmbedded(v any) ([]byte, error) {
	inner, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return json.Marshal(string(inner))
}
