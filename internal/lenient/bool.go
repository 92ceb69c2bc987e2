package lenient

import (
	"bytes"
	"reflect"
	"strings"
)

// Bool is a boolean that decodes from true/false, 0/1, "0"/"1",
// "true"/"false" and null (false). It encodes as a JSON boolean.
type Bool bool

// UnmarshalJSON implements json.Unmarshaler.
func (b *Bool) UnmarshalJSON(data []byte) error {
	v, ok := parseBool(data)
	if !ok {
		return typeError(data, reflect.TypeOf(*b))
	}
	*b = Bool(v)
	return nil
}

// IntBool is a boolean that decodes like Bool but encodes as 0 or 1, for
// fields that the API documents as integers.
type IntBool bool

// UnmarshalJSON implements json.Unmarshaler.
func (b *IntBool) UnmarshalJSON(data []byte) error {
	v, ok := parseBool(data)
	if !ok {
		return typeError(data, reflect.TypeOf(*b))
	}
	*b = IntBool(v)
	return nil
}

// MarshalJSON implements json.Marshaler.
func (b IntBool) MarshalJSON() ([]byte, error) {
	if b {
		return []byte("1"), nil
	}
	return []byte("0"), nil
}

// parseBool reads the forms Bool accepts; ok is false for anything else.
// Letters are compared without case and the text is trimmed of white space.
func parseBool(data []byte) (v, ok bool) {
	text, _, plain := plainText(bytes.TrimSpace(data))
	if !plain {
		return parseBoolGeneral(data)
	}
	text = trimASCIISpace(text)
	switch len(text) {
	case 0:
		return false, true
	case 1:
		switch text[0] {
		case '1':
			return true, true
		case '0':
			return false, true
		}
	case 4:
		if equalFoldASCII(text, "true") {
			return true, true
		}
		if equalFoldASCII(text, "null") {
			return false, true
		}
	case 5:
		if equalFoldASCII(text, "false") {
			return false, true
		}
	}
	return false, false
}

// parseBoolGeneral is parseBool for text with escapes or non-ASCII bytes.
func parseBoolGeneral(data []byte) (v, ok bool) {
	s, _, err := unquote(bytes.TrimSpace(data))
	if err != nil {
		return false, false
	}
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "1":
		return true, true
	case "false", "0", "null", "":
		return false, true
	}
	return false, false
}

// equalFoldASCII reports whether b is lower, a lower-case ASCII word, in any
// case.
func equalFoldASCII(b []byte, lower string) bool {
	if len(b) != len(lower) {
		return false
	}
	for i := range b {
		c := b[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}
