package testkit

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
)

// SameAfterRoundTrip reports whether a and b are deeply equal once empty maps
// and slices are treated as absent (fields tagged omitempty drop them on
// encoding, and the API reads an empty list or object as no value) and a
// float64 without a fraction equals the int64 of the same value (it encodes
// as an integer, which PropertyValues decodes as int64). Raw JSON is
// compared by value: encoding compacts it and escapes HTML characters.
func SameAfterRoundTrip(a, b any) bool {
	return reflect.DeepEqual(withoutEmpty(reflect.ValueOf(a)).Interface(), withoutEmpty(reflect.ValueOf(b)).Interface())
}

var rawMessageType = reflect.TypeOf(json.RawMessage(nil))

// withoutEmpty returns a copy of v with every empty map and slice in its
// exported fields, elements and pointees replaced by nil, and every float64
// without a fraction in an interface replaced by its int64, and every
// json.RawMessage in a canonical encoding.
func withoutEmpty(v reflect.Value) reflect.Value {
	if !v.IsValid() {
		return v
	}
	t := v.Type()
	if t == rawMessageType && v.Len() > 0 {
		dec := json.NewDecoder(bytes.NewReader(v.Bytes()))
		dec.UseNumber()
		var x any
		if dec.Decode(&x) != nil {
			return v
		}
		canonical, err := json.Marshal(x)
		if err != nil {
			return v
		}
		return reflect.ValueOf(json.RawMessage(canonical))
	}
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		p := reflect.New(t.Elem())
		p.Elem().Set(withoutEmpty(v.Elem()))
		return p
	case reflect.Interface:
		if v.IsNil() {
			return v
		}
		i := reflect.New(t).Elem()
		if f, ok := v.Elem().Interface().(float64); ok && f == math.Trunc(f) && math.Abs(f) < 1<<63 {
			i.Set(reflect.ValueOf(int64(f)))
			return i
		}
		i.Set(withoutEmpty(v.Elem()))
		return i
	case reflect.Struct:
		s := reflect.New(t).Elem()
		s.Set(v)
		for i := 0; i < t.NumField(); i++ {
			if t.Field(i).IsExported() {
				s.Field(i).Set(withoutEmpty(v.Field(i)))
			}
		}
		return s
	case reflect.Map:
		if v.Len() == 0 {
			return reflect.Zero(t)
		}
		m := reflect.MakeMapWithSize(t, v.Len())
		for it := v.MapRange(); it.Next(); {
			m.SetMapIndex(it.Key(), withoutEmpty(it.Value()))
		}
		return m
	case reflect.Slice:
		if v.Len() == 0 {
			return reflect.Zero(t)
		}
		s := reflect.MakeSlice(t, v.Len(), v.Len())
		for i := 0; i < v.Len(); i++ {
			s.Index(i).Set(withoutEmpty(v.Index(i)))
		}
		return s
	}
	return v
}
