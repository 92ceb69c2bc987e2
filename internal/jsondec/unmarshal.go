package jsondec

import (
	"encoding/json"
	"reflect"
	"sync"
	"unsafe"

	"github.com/chatsdk-go/chatsdk/internal/jsonscan"
)

// Unmarshal decodes data into v with exactly the result of json.Unmarshal:
// the same value in v and the same error. It reads the document in one pass
// when v points to a zero value of a type it can decode, and leaves
// everything else to json.Unmarshal.
func Unmarshal(data []byte, v any) error {
	if fastPath && decodeFast(data, v) {
		return nil
	}
	return json.Unmarshal(data, v)
}

// decodeFast decodes data into v on the fast path, reporting whether it
// did; when it did not, v is as it was.
func decodeFast(data []byte, v any) bool {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return false
	}
	decode := planOf(rv.Type())
	if decode == nil {
		return false
	}
	p := rv.UnsafePointer()
	if !isZeroMemory(p, rv.Type().Elem().Size()) {
		return false
	}
	d, _ := decoders.Get().(*jsonscan.Scanner)
	if d == nil {
		d = new(jsonscan.Scanner)
	}
	*d = jsonscan.Scanner{Data: data}
	ok := decode(d, p) && d.AtEnd()
	*d = jsonscan.Scanner{}
	decoders.Put(d)
	if !ok {
		rv.Elem().SetZero()
	}
	return ok
}

// decoders keeps read positions for reuse: the decode functions take a
// pointer, which would otherwise be allocated on every call.
var decoders sync.Pool

// isZeroMemory reports whether the size bytes at p are all zero: then the
// value there is its type's zero value.
func isZeroMemory(p unsafe.Pointer, size uintptr) bool {
	b := unsafe.Slice((*byte)(p), size)
	for uintptr(p)%8 == 0 && len(b) >= 8 {
		if *(*uint64)(unsafe.Pointer(&b[0])) != 0 {
			return false
		}
		b = b[8:]
	}
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}
