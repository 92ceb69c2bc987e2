package jsonscan

import (
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// Unquote returns the value of a string token's bytes, as StringToken
// returned them: the bytes themselves when plain, else as AppendUnquoted
// reads them.
func Unquote(raw []byte, plain bool) string {
	if plain || plainPrefix(raw) == len(raw) {
		return string(raw)
	}
	return string(AppendUnquoted(make([]byte, 0, len(raw)+utf8.UTFMax), raw))
}

// plainPrefix is the length of the start of raw that holds no escape and
// only valid UTF-8: its value as it stands.
func plainPrefix(raw []byte) int {
	i := 0
	for i < len(raw) {
		c := raw[i]
		if c == '\\' {
			break
		}
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError && size == 1 {
			break
		}
		i += size
	}
	return i
}

// AppendUnquoted appends to out the value of a string token's bytes (between
// the quotes, syntax checked by StringToken), as encoding/json reads it:
// escapes resolved, a lone or broken surrogate and each byte of invalid
// UTF-8 read as U+FFFD.
func AppendUnquoted(out, raw []byte) []byte {
	i := plainPrefix(raw)
	out = append(out, raw[:i]...)
	for i < len(raw) {
		c := raw[i]
		switch {
		case c == '\\':
			i++
			switch e := raw[i]; e {
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'u':
				r := hex4(raw[i+1:])
				i += 5
				if utf16.IsSurrogate(r) {
					if i+5 < len(raw) && raw[i] == '\\' && raw[i+1] == 'u' {
						if pair := utf16.DecodeRune(r, hex4(raw[i+2:])); pair != unicode.ReplacementChar {
							out = utf8.AppendRune(out, pair)
							i += 6
							continue
						}
					}
					r = unicode.ReplacementChar
				}
				out = utf8.AppendRune(out, r)
				continue
			default:
				out = append(out, e)
			}
			i++
		case c < utf8.RuneSelf:
			out = append(out, c)
			i++
		default:
			r, size := utf8.DecodeRune(raw[i:])
			out = utf8.AppendRune(out, r)
			i += size
		}
	}
	return out
}

// hex4 is the value of four hexadecimal digits (checked by the scanner).
func hex4(b []byte) rune {
	var r rune
	for _, c := range b[:4] {
		switch {
		case c <= '9':
			c -= '0'
		case c <= 'F':
			c -= 'A' - 10
		default:
			c -= 'a' - 10
		}
		r = r<<4 | rune(c)
	}
	return r
}
