package lenient

import (
	"errors"

	"github.com/chatsdk-go/chatsdk/internal/jsonscan"
)

// errSyntax is the error of unquote for data that is not one JSON string.
var errSyntax = errors.New("lenient: not a JSON string")

// stringArray reads a JSON array of strings, a null element being "" as
// encoding/json leaves it. Any other element fails, as it does decoding
// into a []string.
func stringArray(s *jsonscan.Scanner) ([]string, bool) {
	a := []string{}
	empty, ok := s.Enter('[')
	for more := !empty; ok && more; {
		switch s.Peek() {
		case '"':
			var raw []byte
			var plain bool
			raw, plain, ok = s.StringToken()
			a = append(a, jsonscan.Unquote(raw, plain))
		case 'n':
			ok = s.Literal("null")
			a = append(a, "")
		default:
			ok = false
		}
		if ok {
			more, ok = s.Next(']')
		}
	}
	return a, ok
}

// stringBytes reads the JSON string at the read position and returns its
// contents: the bytes of data when they stand as they are, else unescaped
// and appended to dst. As in encoding/json, invalid UTF-8 and lone
// surrogates become U+FFFD.
func stringBytes(s *jsonscan.Scanner, dst []byte) ([]byte, bool) {
	if s.Peek() != '"' {
		return nil, false
	}
	raw, plain, ok := s.StringToken()
	if !ok {
		return nil, false
	}
	if plain {
		return raw, true
	}
	return jsonscan.AppendUnquoted(dst, raw), true
}
