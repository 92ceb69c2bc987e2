package jsondec

import "unsafe"

// maxDepth bounds the nesting the fast path follows; encoding/json refuses
// documents nested deeper than 10,000 levels, and deeper ones go to it.
const maxDepth = 9000

// decoder is the read position in one document.
type decoder struct {
	data  []byte
	pos   int
	depth int
}

// peek skips white space and returns the next byte, or 0 at the end.
func (d *decoder) peek() byte {
	for d.pos < len(d.data) {
		switch c := d.data[d.pos]; c {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return c
		}
	}
	return 0
}

// enter counts one more level of nesting, reporting whether it is allowed.
func (d *decoder) enter() bool {
	d.depth++
	return d.depth <= maxDepth
}

// literal consumes word (true, false, null) at the read position.
func (d *decoder) literal(word string) bool {
	end := d.pos + len(word)
	if end > len(d.data) || string(d.data[d.pos:end]) != word {
		return false
	}
	d.pos = end
	return true
}

// number consumes a JSON number at the read position and returns its text;
// integer is false when it has a fraction or an exponent.
func (d *decoder) number() (text []byte, integer, ok bool) {
	data, start, i := d.data, d.pos, d.pos
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
	d.pos = i
	return data[start:i], integer, true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// stringToken consumes a JSON string at the read position (on its opening
// quote) and returns the bytes between the quotes; plain is true when they
// hold no escape and no byte outside ASCII, so that they are the string's
// value as they stand.
func (d *decoder) stringToken() (raw []byte, plain, ok bool) {
	data := d.data
	start := d.pos + 1
	plain = true
	for i := start; i < len(data); i++ {
		switch c := data[i]; {
		case c == '"':
			d.pos = i + 1
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

// skipValue consumes one JSON value of any kind, checking its syntax, and
// returns its bytes.
func (d *decoder) skipValue() ([]byte, bool) {
	c := d.peek()
	start := d.pos
	var ok bool
	switch c {
	case '{':
		ok = d.skipObject()
	case '[':
		ok = d.skipArray()
	case '"':
		_, _, ok = d.stringToken()
	case 't':
		ok = d.literal("true")
	case 'f':
		ok = d.literal("false")
	case 'n':
		ok = d.literal("null")
	default:
		_, _, ok = d.number()
	}
	return d.data[start:d.pos], ok
}

// skipObject consumes an object, on its opening brace.
func (d *decoder) skipObject() bool {
	d.pos++
	if !d.enter() {
		return false
	}
	if d.peek() == '}' {
		d.pos++
		d.depth--
		return true
	}
	for {
		if d.peek() != '"' {
			return false
		}
		if _, _, ok := d.stringToken(); !ok || d.peek() != ':' {
			return false
		}
		d.pos++
		if _, ok := d.skipValue(); !ok {
			return false
		}
		switch d.peek() {
		case ',':
			d.pos++
		case '}':
			d.pos++
			d.depth--
			return true
		default:
			return false
		}
	}
}

// skipArray consumes an array, on its opening bracket.
func (d *decoder) skipArray() bool {
	d.pos++
	if !d.enter() {
		return false
	}
	if d.peek() == ']' {
		d.pos++
		d.depth--
		return true
	}
	for {
		if _, ok := d.skipValue(); !ok {
			return false
		}
		switch d.peek() {
		case ',':
			d.pos++
		case ']':
			d.pos++
			d.depth--
			return true
		default:
			return false
		}
	}
}

// objectStart consumes the opening brace of an object at the read
// position; empty is true when the object is {} (consumed whole).
func (d *decoder) objectStart() (empty, ok bool) {
	d.pos++
	if !d.enter() {
		return false, false
	}
	if d.peek() == '}' {
		d.pos++
		d.depth--
		return true, true
	}
	return false, true
}

// objectKey consumes a key and its colon; plain is as for stringToken.
func (d *decoder) objectKey() (key []byte, plain, ok bool) {
	if d.peek() != '"' {
		return nil, false, false
	}
	key, plain, ok = d.stringToken()
	if !ok || d.peek() != ':' {
		return nil, false, false
	}
	d.pos++
	return key, plain, true
}

// objectNext consumes the comma or closing brace after a member; more is
// true after a comma.
func (d *decoder) objectNext() (more, ok bool) {
	switch d.peek() {
	case ',':
		d.pos++
		return true, true
	case '}':
		d.pos++
		d.depth--
		return false, true
	}
	return false, false
}

// arrayStart consumes the opening bracket of an array; empty is true when
// the array is [] (consumed whole).
func (d *decoder) arrayStart() (empty, ok bool) {
	d.pos++
	if !d.enter() {
		return false, false
	}
	if d.peek() == ']' {
		d.pos++
		d.depth--
		return true, true
	}
	return false, true
}

// arrayNext consumes the comma or closing bracket after an element.
func (d *decoder) arrayNext() (more, ok bool) {
	switch d.peek() {
	case ',':
		d.pos++
		return true, true
	case ']':
		d.pos++
		d.depth--
		return false, true
	}
	return false, false
}

// view is b as a string without copying, for parsing functions that do not
// keep their argument.
func view(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}
