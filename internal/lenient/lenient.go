// Package lenient holds JSON types that accept the loose forms the API
// documentation shows: booleans sent as 0/1, numbers sent as strings,
// datetimes with or without a zone, and JSON values stored inside strings.
// API packages re-export them as aliases.
package lenient

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

var null = []byte("null")

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
		return err
	}
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "1":
		*b = true
	case "false", "0", "null", "":
		*b = false
	default:
		return fmt.Errorf("lenient.Bool: cannot read %.40q as a boolean", s)
	}
	return nil
}

// IntBool is a boolean that decodes like Bool but encodes as 0 or 1, for
// fields that the API documents as integers.
type IntBool bool

// UnmarshalJSON implements json.Unmarshaler.
func (b *IntBool) UnmarshalJSON(data []byte) error {
	return (*Bool)(b).UnmarshalJSON(data)
}

// MarshalJSON implements json.Marshaler.
func (b IntBool) MarshalJSON() ([]byte, error) {
	if b {
		return []byte("1"), nil
	}
	return []byte("0"), nil
}

// Int is an integer that decodes from 4, "4", and null (0). It encodes as a
// JSON number.
type Int int64

// UnmarshalJSON implements json.Unmarshaler.
func (n *Int) UnmarshalJSON(data []byte) error {
	s, _, err := unquote(bytes.TrimSpace(data))
	if err != nil {
		return err
	}
	s = strings.TrimSpace(s)
	if s == "" || s == "null" {
		*n = 0
		return nil
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		f, ferr := strconv.ParseFloat(s, 64)
		if ferr != nil || f != float64(int64(f)) {
			return fmt.Errorf("lenient.Int: cannot read %.40q as an integer", s)
		}
		v = int64(f)
	}
	*n = Int(v)
	return nil
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
	return time.Time{}, fmt.Errorf("lenient.Time: cannot read %.40q as a datetime", s)
}

// UnmarshalJSON implements json.Unmarshaler.
func (t *Time) UnmarshalJSON(data []byte) error {
	data = bytes.TrimSpace(data)
	if bytes.Equal(data, null) {
		t.Time = time.Time{}
		return nil
	}
	s, quoted, err := unquote(data)
	if err != nil {
		return err
	}
	if !quoted {
		return fmt.Errorf("lenient.Time: want a string, got %.40s", data)
	}
	if s == "" {
		t.Time = time.Time{}
		return nil
	}
	parsed, err := ParseTime(s)
	if err != nil {
		return err
	}
	t.Time = parsed
	return nil
}

// MarshalJSON implements json.Marshaler.
func (t Time) MarshalJSON() ([]byte, error) {
	if t.Time.IsZero() {
		return null, nil
	}
	return []byte(`"` + t.Time.UTC().Format(time.RFC3339Nano) + `"`), nil
}

// StringList is a list of strings that the API stores as JSON inside a
// string ("[\"123\"]"). It decodes from that form or from a plain JSON array,
// and encodes back to the string form.
type StringList []string

// UnmarshalJSON implements json.Unmarshaler.
func (l *StringList) UnmarshalJSON(data []byte) error {
	var v []string
	if err := unmarshalEmbedded(data, &v); err != nil {
		return fmt.Errorf("lenient.StringList: %w", err)
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
		return fmt.Errorf("lenient.List: %w", err)
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
		return fmt.Errorf("lenient.Object: %w", err)
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
