package jsondec

import (
	"reflect"
	"strconv"
	"unsafe"

	"github.com/chatsdk-go/chatsdk/internal/jsonscan"
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
	return func(d *jsonscan.Scanner, p unsafe.Pointer) bool {
		h := (*sliceHeader)(p)
		if isNull, ok := d.Null(); isNull || !ok {
			*h = sliceHeader{}
			return ok
		}
		empty, ok := d.Enter('[')
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
			more, ok := d.Next(']')
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
	return func(d *jsonscan.Scanner, p unsafe.Pointer) bool {
		if isNull, ok := d.Null(); isNull || !ok {
			*(*unsafe.Pointer)(p) = nil
			return ok
		}
		if d.Peek() != '{' {
			return false
		}
		m := reflect.NewAt(t, p).Elem()
		if m.IsNil() {
			m.Set(reflect.MakeMap(t))
		}
		empty, ok := d.Enter('{')
		if !ok {
			return false
		}
		if empty {
			return true
		}
		k := reflect.New(key).Elem()
		v := reflect.New(elem).Elem()
		for {
			raw, plain, ok := d.ObjectKey()
			if !ok {
				return false
			}
			v.SetZero()
			if !decodeElem(d, v.Addr().UnsafePointer()) {
				return false
			}
			k.SetString(jsonscan.Unquote(raw, plain))
			m.SetMapIndex(k, v)
			more, ok := d.Next('}')
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
func decodeAny(d *jsonscan.Scanner, p unsafe.Pointer) bool {
	v, ok := anyValue(d)
	if ok {
		*(*any)(p) = v
	}
	return ok
}

func anyValue(d *jsonscan.Scanner) (any, bool) {
	switch d.Peek() {
	case '{':
		m := map[string]any{}
		empty, ok := d.Enter('{')
		for more := !empty; ok && more; {
			var raw []byte
			var plain bool
			var v any
			if raw, plain, ok = d.ObjectKey(); ok {
				if v, ok = anyValue(d); ok {
					m[jsonscan.Unquote(raw, plain)] = v
					more, ok = d.Next('}')
				}
			}
		}
		return m, ok
	case '[':
		list := []any{}
		empty, ok := d.Enter('[')
		for more := !empty; ok && more; {
			var v any
			if v, ok = anyValue(d); ok {
				list = append(list, v)
				more, ok = d.Next(']')
			}
		}
		return list, ok
	case '"':
		raw, plain, ok := d.StringToken()
		if !ok {
			return nil, false
		}
		return jsonscan.Unquote(raw, plain), true
	case 't':
		return true, d.Literal("true")
	case 'f':
		return false, d.Literal("false")
	case 'n':
		return nil, d.Literal("null")
	}
	text, _, ok := d.Number()
	if !ok {
		return nil, false
	}
	f, err := strconv.ParseFloat(view(text), 64)
	return f, err == nil
}
