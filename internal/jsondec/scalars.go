package jsondec

import (
	"reflect"
	"strconv"
	"unsafe"

	"github.com/chatsdk-go/chatsdk/internal/jsonscan"
)

func decodeBool(d *jsonscan.Scanner, p unsafe.Pointer) bool {
	switch d.Peek() {
	case 't':
		*(*bool)(p) = true
		return d.Literal("true")
	case 'f':
		*(*bool)(p) = false
		return d.Literal("false")
	case 'n':
		return d.Literal("null")
	}
	return false
}

func decodeString(d *jsonscan.Scanner, p unsafe.Pointer) bool {
	switch d.Peek() {
	case '"':
		raw, plain, ok := d.StringToken()
		if ok {
			*(*string)(p) = jsonscan.Unquote(raw, plain)
		}
		return ok
	case 'n':
		return d.Literal("null")
	}
	return false
}

// numberDecoder decodes a number with store, which writes the literal's
// value at p and reports whether it fits; null leaves the value as it is.
func numberDecoder(store func(p unsafe.Pointer, text []byte, integer bool) bool) decodeFunc {
	return func(d *jsonscan.Scanner, p unsafe.Pointer) bool {
		if isNull, ok := d.Null(); isNull || !ok {
			return ok
		}
		text, integer, ok := d.Number()
		return ok && store(p, text, integer)
	}
}

// intDecoder decodes an integer literal that fits t, a signed integer type.
func intDecoder(t reflect.Type) decodeFunc {
	bits := t.Bits()
	return numberDecoder(func(p unsafe.Pointer, text []byte, integer bool) bool {
		n, err := strconv.ParseInt(view(text), 10, bits)
		if !integer || err != nil {
			return false
		}
		switch bits {
		case 8:
			*(*int8)(p) = int8(n)
		case 16:
			*(*int16)(p) = int16(n)
		case 32:
			*(*int32)(p) = int32(n)
		default:
			*(*int64)(p) = n
		}
		return true
	})
}

// uintDecoder decodes an integer literal that fits t, an unsigned type.
func uintDecoder(t reflect.Type) decodeFunc {
	bits := t.Bits()
	return numberDecoder(func(p unsafe.Pointer, text []byte, integer bool) bool {
		n, err := strconv.ParseUint(view(text), 10, bits)
		if !integer || err != nil {
			return false
		}
		switch bits {
		case 8:
			*(*uint8)(p) = uint8(n)
		case 16:
			*(*uint16)(p) = uint16(n)
		case 32:
			*(*uint32)(p) = uint32(n)
		default:
			*(*uint64)(p) = n
		}
		return true
	})
}

// floatDecoder decodes a number that fits t, a floating-point type.
func floatDecoder(t reflect.Type) decodeFunc {
	bits := t.Bits()
	return numberDecoder(func(p unsafe.Pointer, text []byte, _ bool) bool {
		f, err := strconv.ParseFloat(view(text), bits)
		if err != nil {
			return false
		}
		if bits == 32 {
			*(*float32)(p) = float32(f)
		} else {
			*(*float64)(p) = f
		}
		return true
	})
}

// view is b as a string without copying, for parsing functions that do not
// keep their argument.
func view(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}
