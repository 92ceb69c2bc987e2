package lenient

import (
	"errors"
	"unicode/utf16"
	"unicode/utf8"
)

// errSyntax is the error of unquote for data that is not one JSON string.
var errSyntax = errors.New("lenient: not a JSON string")

// parser reads the JSON forms the lenient types read directly (strings,
// numbers, literals, arrays of strings), accepting exactly what
// encoding/json accepts there. Every method reports with ok false that data
// is not valid JSON there.
type parser struct {
	data []byte
	pos  int
}

// skipSpace skips JSON white space.
func (p *parser) skipSpace() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

// atEnd skips white space and reports whether the data is used up.
func (p *parser) atEnd() bool {
	p.skipSpace()
	return p.pos == len(p.data)
}

// peek returns the next byte after white space, or 0 at the end.
func (p *parser) peek() byte {
	p.skipSpace()
	if p.pos < len(p.data) {
		return p.data[p.pos]
	}
	return 0
}

// rest returns the data not read yet.
func (p *parser) rest() []byte { return p.data[p.pos:] }

// literal consumes word (true, false, null) if it comes next.
func (p *parser) literal(word string) bool {
	if len(p.data)-p.pos >= len(word) && string(p.data[p.pos:p.pos+len(word)]) == word {
		p.pos += len(word)
		return true
	}
	return false
}

// stringArray reads a JSON array of strings, a null element being "" as
// encoding/json leaves it. Any other element fails, as it does decoding
// into a []string.
func (p *parser) stringArray() ([]string, bool) {
	if p.peek() != '[' {
		return nil, false
	}
	p.pos++
	a := []string{}
	if p.peek() == ']' {
		p.pos++
		return a, true
	}
	for {
		switch p.peek() {
		case '"':
			b, ok := p.stringBytes(nil)
			if !ok {
				return nil, false
			}
			a = append(a, string(b))
		case 'n':
			if !p.literal("null") {
				return nil, false
			}
			a = append(a, "")
		default:
			return nil, false
		}
		switch p.peek() {
		case ',':
			p.pos++
		case ']':
			p.pos++
			return a, true
		default:
			return nil, false
		}
	}
}

// number consumes a JSON number:
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (p *parser) number() bool {
	d, i := p.data, p.pos
	if i < len(d) && d[i] == '-' {
		i++
	}
	switch {
	case i < len(d) && d[i] == '0':
		i++
	case i < len(d) && '1' <= d[i] && d[i] <= '9':
		for i < len(d) && isDigit(d[i]) {
			i++
		}
	default:
		return false
	}
	if i < len(d) && d[i] == '.' {
		i++
		if i >= len(d) || !isDigit(d[i]) {
			return false
		}
		for i < len(d) && isDigit(d[i]) {
			i++
		}
	}
	if i < len(d) && (d[i] == 'e' || d[i] == 'E') {
		i++
		if i < len(d) && (d[i] == '+' || d[i] == '-') {
			i++
		}
		if i >= len(d) || !isDigit(d[i]) {
			return false
		}
		for i < len(d) && isDigit(d[i]) {
			i++
		}
	}
	p.pos = i
	return true
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// stringBytes reads the JSON string at the current position (after white
// space) and returns its decoded contents, appended to dst; when the string
// holds no escapes and only valid UTF-8 it returns a slice of data instead.
// As in encoding/json, invalid UTF-8 and lone surrogates become U+FFFD.
func (p *parser) stringBytes(dst []byte) ([]byte, bool) {
	if p.peek() != '"' {
		return nil, false
	}
	d := p.data
	start := p.pos + 1
	i := start
	for i < len(d) {
		c := d[i]
		if c == '"' {
			p.pos = i + 1
			return d[start:i], true
		}
		if c == '\\' || c < 0x20 {
			break
		}
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(d[i:])
		if r == utf8.RuneError && size == 1 {
			break
		}
		i += size
	}
	out := append(dst, d[start:i]...)
	for i < len(d) {
		c := d[i]
		switch {
		case c == '"':
			p.pos = i + 1
			return out, true
		case c < 0x20:
			return nil, false
		case c == '\\':
			if i+1 >= len(d) {
				return nil, false
			}
			switch e := d[i+1]; e {
			case '"', '\\', '/':
				out = append(out, e)
				i += 2
			case 'b':
				out, i = append(out, '\b'), i+2
			case 'f':
				out, i = append(out, '\f'), i+2
			case 'n':
				out, i = append(out, '\n'), i+2
			case 'r':
				out, i = append(out, '\r'), i+2
			case 't':
				out, i = append(out, '\t'), i+2
			case 'u':
				r, ok := hex4(d[i+2:])
				if !ok {
					return nil, false
				}
				i += 6
				if utf16.IsSurrogate(r) {
					if r2, ok := hex4After(d[i:]); ok {
						if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
							out, i = utf8.AppendRune(out, dec), i+6
							break
						}
					}
					r = utf8.RuneError
				}
				out = utf8.AppendRune(out, r)
			default:
				return nil, false
			}
		case c < utf8.RuneSelf:
			out, i = append(out, c), i+1
		default:
			r, size := utf8.DecodeRune(d[i:])
			if r == utf8.RuneError && size == 1 {
				out, i = utf8.AppendRune(out, utf8.RuneError), i+1
				continue
			}
			out, i = append(out, d[i:i+size]...), i+size
		}
	}
	return nil, false
}

// hex4 reads the four hex digits of a \u escape.
func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r*16 + rune(c)
	}
	return r, true
}

// hex4After reads a \uXXXX escape at the start of b, the second half of a
// surrogate pair.
func hex4After(b []byte) (rune, bool) {
	if len(b) < 6 || b[0] != '\\' || b[1] != 'u' {
		return 0, false
	}
	return hex4(b[2:])
}
