package lenient

import (
	"bytes"
	"math"
	"reflect"
	"strconv"
	"strings"

	"github.com/chatsdk-go/chatsdk/internal/jsonscan"
)

// Int is an integer that decodes from 4, "4", a whole number written as a
// float (4.0, "4e3"), and null or "" (0). It encodes as a JSON number.
type Int int64

// UnmarshalJSON implements json.Unmarshaler.
func (n *Int) UnmarshalJSON(data []byte) error {
	v, ok := parseInt(data)
	if !ok {
		return typeError(data, reflect.TypeOf(*n))
	}
	*n = Int(v)
	return nil
}

// String returns the decimal form.
func (n Int) String() string { return strconv.FormatInt(int64(n), 10) }

// maxPlainDigits is the most digits an int64 always holds.
const maxPlainDigits = 18

// parseInt reads the forms Int accepts; ok is false for anything else.
func parseInt(data []byte) (int64, bool) {
	text, _, plain := plainText(bytes.TrimSpace(data))
	if !plain {
		return parseIntGeneral(data)
	}
	text = trimASCIISpace(text)
	if len(text) == 0 || string(text) == "null" {
		return 0, true
	}
	digits, neg := text, false
	if digits[0] == '-' || digits[0] == '+' {
		neg, digits = digits[0] == '-', digits[1:]
	}
	if len(digits) == 0 || len(digits) > maxPlainDigits {
		return parseIntGeneral(data)
	}
	var v int64
	for _, c := range digits {
		if c < '0' || c > '9' {
			return parseIntGeneral(data)
		}
		v = v*10 + int64(c-'0')
	}
	if neg {
		v = -v
	}
	return v, true
}

// parseIntGeneral is parseInt for long numbers, floats, escapes and
// non-ASCII text.
func parseIntGeneral(data []byte) (int64, bool) {
	s, _, err := unquote(bytes.TrimSpace(data))
	if err != nil {
		return 0, false
	}
	s = strings.TrimSpace(s)
	if s == "" || s == "null" {
		return 0, true
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err == nil {
		return v, true
	}
	// A whole number written as a JSON float ("4.0", "4e3").
	if !isJSONNumber(s) {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f != math.Trunc(f) || f < -(1<<63) || f >= 1<<63 {
		return 0, false
	}
	return int64(f), true
}

// isJSONNumber reports whether s is exactly one JSON number (no "NaN",
// "0x1p4" or "1_000", which strconv.ParseFloat would accept).
func isJSONNumber(s string) bool {
	p := jsonscan.Scanner{Data: []byte(s)}
	_, _, ok := p.Number()
	return ok && p.Pos == len(s)
}
