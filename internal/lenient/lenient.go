// Package lenient holds JSON types that accept the loose forms the API
// documentation shows: booleans sent as 0/1, numbers sent as strings,
// datetimes with or without a zone, and JSON values stored inside strings.
// API packages re-export them as aliases.
//
// The decoders read their bytes directly: the common forms (a plain string
// without escapes, a number, a literal) decode without allocating, and
// only unusual input (escapes, non-ASCII text, floats written for integers)
// takes a slower general path with the same result.
//
// A value that does not fit fails with a *json.UnmarshalTypeError, so
// encoding/json reports the path of the failing field.
package lenient

import (
	"bytes"
	"encoding/json"
	"reflect"

	"github.com/chatsdk-go/chatsdk/internal/jsonscan"
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

// plainText returns the text of data, a value already trimmed of white
// space, when reading it needs no unescaping: the contents of a JSON string
// of printable ASCII without escapes, or data itself when it is not a string
// and is all ASCII. ok is false for anything else (escapes, non-ASCII bytes,
// an unterminated string), which the callers read on their general path.
func plainText(data []byte) (text []byte, quoted, ok bool) {
	if len(data) > 0 && data[0] == '"' {
		if len(data) < 2 || data[len(data)-1] != '"' {
			return nil, true, false
		}
		inner := data[1 : len(data)-1]
		for _, c := range inner {
			if c < 0x20 || c > 0x7e || c == '"' || c == '\\' {
				return nil, true, false
			}
		}
		return inner, true, true
	}
	for _, c := range data {
		if c >= 0x80 {
			return nil, false, false
		}
	}
	return data, false, true
}

// trimASCIISpace trims the ASCII white space strings.TrimSpace trims.
func trimASCIISpace(b []byte) []byte {
	for len(b) > 0 && isASCIISpace(b[0]) {
		b = b[1:]
	}
	for len(b) > 0 && isASCIISpace(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}

func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// unquote returns the contents of a JSON string, or data itself when it is
// not a string. It is the general path behind plainText.
func unquote(data []byte) (string, bool, error) {
	if len(data) > 0 && data[0] == '"' {
		p := jsonscan.Scanner{Data: data}
		s, ok := stringBytes(&p, nil)
		if !ok || !p.AtEnd() {
			return "", true, errSyntax
		}
		return string(s), true, nil
	}
	return string(data), false, nil
}
