package jsondec

import (
	"reflect"
	"strconv"
	"unsafe"
)

// null consumes a null at the read position, if there is one: a null
// leaves a boolean, number or string as it is.
func (d *decoder) null() (isNull, ok bool) {
	if d.peek() != 'n' {
		return false, true
	}
	return true, d.literal("null")
}

func decodeBool(d *decoder, p unsafe.Pointer) bool {
	switch d.peek() {
	case 't':
		*(*bool)(p) = true
		return d.literal("true")
	case 'f':
		*(*bool)(p) = false
		return d.literal("false")
	case 'n':
		return d.literal("null")
	}
	return false
}

func decodeString(d *decoder, p unsafe.Pointer) bool {
	switch d.peek() {
	case '"':
		raw, plain, ok := d.stringToken()
		if ok {
			*(*string)(p) = unquote(raw, plain)
		}
		return ok
	case 'n':
		return d.literal("null")
	}
	return false
}

// numberText consumes a number, or a null (isNull), at the read position.
func (d *decoder) numberText() (text []byte, integer, isNull, ok bool) {
	if isNull, ok := d.null(); isNull || !ok {
		return nil, false, isNull, ok
	}
	text, integer, ok = d.number()
	return text, integer, false, ok
}

// intDecoder decodes an integer literal that fits t, a signed integer type.
func intDecoder(t reflect.Type) decodeFunc {
	bits := t.Bits()
	return func(d *decoder, p unsafe.Pointer) bool {
		text, integer, isNull, ok := d.numberText()
		if isNull || !ok {
			return ok
		}
		if !integer {
			return false
		}
		n, err := strconv.ParseInt(view(text), 10, bits)
		if err != nil {
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
	}
}

// uintDecoder decodes an integer literal that fits t, an unsigned type.
func uintDecoder(t reflect.Type) decodeFunc {
	bits := t.Bits()
	return func(d *decoder, p unsafe.Pointer) bool {
		text, integer, isNull, ok := d.numberText()
		if isNull || !ok {
			return ok
		}
		if !integer || text[0] == '-' {
			return false
		}
		n, err := strconv.ParseUint(view(text), 10, bits)
		if err != nil {
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
	}
}

func decodeFloat32(d *decoder, p unsafe.Pointer) bool {
	text, _, isNull, ok := d.numberText()
	if isNull || !ok {
		return ok
	}
	f, err := strconv.ParseFloat(view(text), 32)
	if err != nil {
		return false
	}
	*(*float32)(p) = float32(f)
	return true
}

func decodeFloat64(d *decoder, p unsafe.Pointer) bool {
	text, _, isNull, ok := d.numberText()
	if isNull || !ok {
		return ok
	}
	f, err := strconv.ParseFloat(view(text), 64)
	if err != nil {
		return false
	}
	*(*float64)(p) = f
	return true
}
