package jsondec

import (
	"encoding"
	"encoding/json"
	"reflect"
	"sync"
	"unsafe"

	"github.com/chatsdk-go/chatsdk/internal/jsonscan"
)

// decodeFunc decodes the value at the read position into the value of its
// type at p, reporting false when the fast path cannot decode it.
type decodeFunc func(d *jsonscan.Scanner, p unsafe.Pointer) bool

// plans holds each pointer type's top-level decodeFunc, or a nil one when
// the type is left to encoding/json.
var plans sync.Map // reflect.Type -> decodeFunc

var (
	unmarshalerType     = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
	numberType          = reflect.TypeFor[json.Number]()
)

// planOf returns the decodeFunc of a document decoded through a pointer of
// type t, or nil.
func planOf(t reflect.Type) decodeFunc {
	if f, ok := plans.Load(t); ok {
		decode, _ := f.(decodeFunc)
		return decode
	}
	c := compiler{building: map[reflect.Type]*decodeFunc{}}
	var f decodeFunc
	switch elem := t.Elem(); {
	case t.Implements(unmarshalerType):
		f = unmarshalerDecoder(elem)
	case t.Implements(textUnmarshalerType) || elem.Kind() == reflect.Pointer:
	default:
		f = c.decoderOf(elem)
	}
	if c.refused {
		f = nil
	}
	actual, _ := plans.LoadOrStore(t, f)
	decode, _ := actual.(decodeFunc)
	return decode
}

// compiler builds the decoders of one top-level type. A type it cannot
// decode anywhere inside marks the whole plan refused.
type compiler struct {
	building map[reflect.Type]*decodeFunc
	refused  bool
}

// refuse marks the plan refused; its result stands in for a decoder.
func (c *compiler) refuse() decodeFunc {
	c.refused = true
	return nil
}

// decoderOf returns the decoder of a value of type t held in an
// addressable place (a field, an element, a pointer's target), following
// encoding/json's rules for which json.Unmarshaler it calls.
func (c *compiler) decoderOf(t reflect.Type) decodeFunc {
	if f, ok := c.building[t]; ok {
		if *f != nil {
			return *f
		}
		// t is still being built: it contains itself.
		return func(d *jsonscan.Scanner, p unsafe.Pointer) bool { return (*f)(d, p) }
	}
	slot := new(decodeFunc)
	c.building[t] = slot
	*slot = c.build(t)
	return *slot
}

func (c *compiler) build(t reflect.Type) decodeFunc {
	if t.Kind() != reflect.Pointer && t.Name() != "" {
		pt := reflect.PointerTo(t)
		if pt.Implements(unmarshalerType) {
			return unmarshalerDecoder(t)
		}
		if pt.Implements(textUnmarshalerType) {
			return c.refuse()
		}
	}
	switch t.Kind() {
	case reflect.Pointer:
		return c.pointerDecoder(t)
	case reflect.Bool:
		return decodeBool
	case reflect.String:
		if t == numberType {
			return c.refuse()
		}
		return decodeString
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return intDecoder(t)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return uintDecoder(t)
	case reflect.Float32, reflect.Float64:
		return floatDecoder(t)
	case reflect.Struct:
		return c.structDecoder(t)
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return c.refuse()
		}
		return c.sliceDecoder(t)
	case reflect.Map:
		return c.mapDecoder(t)
	case reflect.Interface:
		if t.NumMethod() != 0 {
			return c.refuse()
		}
		return decodeAny
	}
	return c.refuse()
}

// pointerDecoder decodes through a pointer: null sets it nil, anything else
// decodes into its target, allocated when the pointer is nil.
func (c *compiler) pointerDecoder(t reflect.Type) decodeFunc {
	elem := t.Elem()
	var decodeElem decodeFunc
	switch {
	case t.Name() != "" || elem.Kind() == reflect.Pointer:
		return c.refuse()
	case t.Implements(unmarshalerType):
		decodeElem = unmarshalerDecoder(elem)
	case t.Implements(textUnmarshalerType):
		return c.refuse()
	default:
		decodeElem = c.decoderOf(elem)
	}
	return func(d *jsonscan.Scanner, p unsafe.Pointer) bool {
		if d.Peek() == 'n' {
			if !d.Literal("null") {
				return false
			}
			*(*unsafe.Pointer)(p) = nil
			return true
		}
		target := *(*unsafe.Pointer)(p)
		if target == nil {
			target = reflect.New(elem).UnsafePointer()
			*(*unsafe.Pointer)(p) = target
		}
		return decodeElem(d, target)
	}
}

// unmarshalerDecoder hands the value's bytes, null included, to the
// json.Unmarshaler of *t.
func unmarshalerDecoder(t reflect.Type) decodeFunc {
	return func(d *jsonscan.Scanner, p unsafe.Pointer) bool {
		raw, ok := d.SkipValue()
		if !ok {
			return false
		}
		u, ok := reflect.NewAt(t, p).Interface().(json.Unmarshaler)
		return ok && u.UnmarshalJSON(raw) == nil
	}
}
