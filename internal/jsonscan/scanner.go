// Package jsonscan reads JSON token by token, accepting exactly what
// encoding/json accepts: the scanner under jsondec's decoders and the
// lenient types' parsers.
package jsonscan

// maxDepth bounds the nesting a Scanner follows; encoding/json refuses
// documents nested deeper than 10,000 levels, and a Scanner fails first.
const maxDepth = 9000

// Scanner is a read position in one JSON document. Its methods consume
// what they read and report with ok false that the data is not valid JSON
// there (or nests deeper than maxDepth); the position is then undefined.
type Scanner struct {
	// Data is the document.
	Data []byte
	// Pos is the offset of the next byte to read.
	Pos   int
	depth int
}

// Peek skips white space and returns the next byte, or 0 at the end.
func (s *Scanner) Peek() byte {
	for s.Pos < len(s.Data) {
		switch c := s.Data[s.Pos]; c {
		case ' ', '\t', '\n', '\r':
			s.Pos++
		default:
			return c
		}
	}
	return 0
}

// Literal consumes word (true, false, null) at the read position.
func (s *Scanner) Literal(word string) bool {
	end := s.Pos + len(word)
	if end > len(s.Data) || string(s.Data[s.Pos:end]) != word {
		return false
	}
	s.Pos = end
	return true
}

// Number consumes a JSON number at the read position and returns its text;
// integer is false when it has a fraction or an exponent.
func (s *Scanner) Number() (text []byte, integer, ok bool) {
	data, start, i := s.Data, s.Pos, s.Pos
	if i < len(data) && data[i] == '-' {
		i++
	}
	switch {
	case i >= len(data):
		return nil, false, false
	case data[i] == '0':
		i++
	case data[i] >= '1' && data[i] <= '9':
		i++
		for i < len(data) && isDigit(data[i]) {
			i++
		}
	default:
		return nil, false, false
	}
	integer = true
	if i < len(data) && data[i] == '.' {
		integer = false
		i++
		if i >= len(data) || !isDigit(data[i]) {
			return nil, false, false
		}
		for i < len(data) && isDigit(data[i]) {
			i++
		}
	}
	if i < len(data) && (data[i] == 'e' || data[i] == 'E') {
		integer = false
		i++
		if i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		if i >= len(data) || !isDigit(data[i]) {
			return nil, false, false
		}
		for i < len(data) && isDigit(data[i]) {
			i++
		}
	}
	s.Pos = i
	return data[start:i], integer, true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// StringToken consumes a JSON string at the read position (on its opening
// quote) and returns the bytes between the quotes; plain is true when they
// hold no escape and no byte outside ASCII, so that they are the string's
// value as they stand.
func (s *Scanner) StringToken() (raw []byte, plain, ok bool) {
	data := s.Data
	start := s.Pos + 1
	plain = true
	for i := start; i < len(data); i++ {
		switch c := data[i]; {
		case c == '"':
			s.Pos = i + 1
			return data[start:i], plain, true
		case c == '\\':
			plain = false
			i++
			if i >= len(data) {
				return nil, false, false
			}
			switch data[i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if i+4 >= len(data) || !isHex(data[i+1]) || !isHex(data[i+2]) || !isHex(data[i+3]) || !isHex(data[i+4]) {
					return nil, false, false
				}
				i += 4
			default:
				return nil, false, false
			}
		case c < ' ':
			return nil, false, false
		case c >= 0x80:
			plain = false
		}
	}
	return nil, false, false
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// SkipValue consumes one JSON value of any kind, checking its syntax, and
// returns its bytes.
func (s *Scanner) SkipValue() ([]byte, bool) {
	c := s.Peek()
	start := s.Pos
	var ok bool
	switch c {
	case '{':
		ok = s.skipObject()
	case '[':
		ok = s.skipArray()
	case '"':
		_, _, ok = s.StringToken()
	case 't':
		ok = s.Literal("true")
	case 'f':
		ok = s.Literal("false")
	case 'n':
		ok = s.Literal("null")
	default:
		_, _, ok = s.Number()
	}
	return s.Data[start:s.Pos], ok
}

// skipObject consumes an object, on its opening brace.
func (s *Scanner) skipObject() bool {
	empty, ok := s.Enter('{')
	for more := !empty; ok && more; {
		if _, _, ok = s.ObjectKey(); !ok {
			return false
		}
		if _, ok = s.SkipValue(); !ok {
			return false
		}
		more, ok = s.Next('}')
	}
	return ok
}

// skipArray consumes an array, on its opening bracket.
func (s *Scanner) skipArray() bool {
	empty, ok := s.Enter('[')
	for more := !empty; ok && more; {
		if _, ok = s.SkipValue(); !ok {
			return false
		}
		more, ok = s.Next(']')
	}
	return ok
}

// Enter consumes open, the opening brace or bracket of an object or array,
// at the read position; empty is true when the object or array is {} or []
// (consumed whole).
func (s *Scanner) Enter(open byte) (empty, ok bool) {
	if s.Peek() != open {
		return false, false
	}
	close := byte('}')
	if open == '[' {
		close = ']'
	}
	s.Pos++
	s.depth++
	if s.depth > maxDepth {
		return false, false
	}
	if s.Peek() == close {
		s.Pos++
		s.depth--
		return true, true
	}
	return false, true
}

// ObjectKey consumes a key and its colon; plain is as for StringToken.
func (s *Scanner) ObjectKey() (key []byte, plain, ok bool) {
	if s.Peek() != '"' {
		return nil, false, false
	}
	key, plain, ok = s.StringToken()
	if !ok || s.Peek() != ':' {
		return nil, false, false
	}
	s.Pos++
	return key, plain, true
}

// Next consumes the comma, or the closing brace or bracket close, after a
// member or element; more is true after a comma.
func (s *Scanner) Next(close byte) (more, ok bool) {
	switch s.Peek() {
	case ',':
		s.Pos++
		return true, true
	case close:
		s.Pos++
		s.depth--
		return false, true
	}
	return false, false
}

// Null consumes a null at the read position, if there is one.
func (s *Scanner) Null() (isNull, ok bool) {
	if s.Peek() != 'n' {
		return false, true
	}
	return true, s.Literal("null")
}

// AtEnd skips white space and reports whether the data is used up.
func (s *Scanner) AtEnd() bool {
	return s.Peek() == 0 && s.Pos == len(s.Data)
}

// Rest returns the data not read yet.
func (s *Scanner) Rest() []byte { return s.Data[s.Pos:] }
