package jsondec

import (
	"reflect"
	"strconv"
	"unsafe"
)

// sliceHeader is the memory layout of a slice.
type sliceHeader struct {
	data     unsafe.Pointer
	len, cap int
}

// emptySliceBase is where an empty non-nil slice points, as
// reflect.MakeSlice(t, 0, 0) would make it, without allocating.
var emptySliceBase [0]uint64

// sliceDecoder decodes an array into a slice as encoding/json does: elements
// decode in place over any the slice already holds, [] is an empty non-nil
// slice and null a nil one.
func (c *compiler) sliceDecoder(t reflect.Type) decodeFunc {
	elem := t.Elem()
	size := elem.Size()
	decodeElem := c.decoderOf(elem)
	return func(d *decoder, p unsafe.Pointer) bool {
		switch d.peek() {
		case '[':
		case 'n':
			if !d.literal("null") {
				return false
			}
			*(*sliceHeader)(p) = sliceHeader{}
			return true
		default:
			return false
		}
		h := (*sliceHeader)(p)
		empty, ok := d.arrayStart()
		if !ok {
			return false
		}
		if empty {
			*h = sliceHeader{data: unsafe.Pointer(&emptySliceBase)}
			return true
		}
		i := 0
		for {
			if i >= h.cap {
				reflect.NewAt(t, p).Elem().Grow(1)
			}
			if i >= h.len {
				h.len = i + 1
			}
			if !decodeElem(d, unsafe.Add(h.data, uintptr(i)*size)) {
				return false
			}
			i++
			more, ok := d.arrayNext()
			if !ok {
				return false
			}
			if !more {
				break
			}
		}
		if i < h.len {
			h.len = i
		}
		return true
	}
}

// mapDecoder decodes an object into a map with string keys: each member
// decodes into a zero element that is then stored, null sets the map nil.
func (c *compiler) mapDecoder(t reflect.Type) decodeFunc {
	key, elem := t.Key(), t.Elem()
	if key.Kind() != reflect.String || reflect.PointerTo(key).Implements(textUnmarshalerType) {
		return c.refuse()
	}
	decodeElem := c.decoderOf(elem)
	return func(d *decoder, p unsafe.Pointer) bool {
		switch d.peek() {
		case '{':
		case 'n':
			if !d.literal("null") {
				return false
			}
			*(*unsafe.Pointer)(p) = nil
			return true
		default:
			return false
		}
		m := reflect.NewAt(t, p).Elem()
		if m.IsNil() {
			m.Set(reflect.MakeMap(t))
		}
		empty, ok := d.objectStart()
		if !ok {
			return false
		}
		if empty {
			return true
		}
		k := reflect.New(key).Elem()
		v := reflect.New(elem).Elem()
		for {
			raw, plain, ok := d.objectKey()
			if !ok {
				return false
			}
			v.SetZero()
			if !decodeElem(d, v.Addr().UnsafePointer()) {
				return false
			}
			k.SetString(unquote(raw, plain))
			m.SetMapIndex(k, v)
			more, ok := d.objectNext()
			if !ok {
				return false
			}
			if !more {
				return true
			}
		}
	}
}

// decodeAny decodes into an empty interface the values encoding/json would
// put there: map[string]any, []any, float64, string, bool or nil.
func decodeAny(d *decoder, p unsafe.Pointer) bool {
	v, ok := d.anyValue()
	if ok {
		*(*any)(p) = v
	}
	return ok
}

func (d *decoder) anyValue() (any, bool) {
	switch d.peek() {
	case '{':
		empty, ok := d.objectStart()
		if !ok {
			return nil, false
		}
		m := map[string]any{}
		for !empty {
			raw, plain, ok := d.objectKey()
			if !ok {
				return nil, false
			}
			v, ok := d.anyValue()
			if !ok {
				return nil, false
			}
			m[unquote(raw, plain)] = v
			more, ok := d.objectNext()
			if !ok {
				return nil, false
			}
			empty = !more
		}
		return m, true
	case '[':
		empty, ok := d.arrayStart()
		if !ok {
			return nil, false
		}
		list := []any{}
		for !empty {
			v, ok := d.anyValue()
			if !ok {
				return nil, false
			}
			list = append(list, v)
			more, ok := d.arrayNext()
			if !ok {
				return nil, false
			}
			empty = !more
		}
		return list, true
	case '"':
		raw, plain, ok := d.stringToken()
		if !ok {
			return nil, false
		}
		return unquote(raw, plain), true
	case 't':
		return true, d.literal("true")
	case 'f':
		return false, d.literal("false")
	case 'n':
		return nil, d.literal("null")
	}
	text, _, ok := d.number()
	if !ok {
		return nil, false
	}
	f, err := strconv.ParseFloat(view(text), 64)
	return f, err == nil
}
