package core

import (
	"fmt"
	"net/url"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/google/go-querystring/query"
)

// EncodeQuery returns the query string of q as url.Values.Encode writes it
// (keys sorted, values escaped with url.QueryEscape): q is a go-querystring
// struct (or pointer to one), url.Values or a map[string][]string. It is ""
// when q sends no parameters.
func EncodeQuery(q any) (string, error) {
	b, _, err := appendQuery(make([]byte, 0, 128), q)
	return string(b), err
}

// appendQuery appends the encoding of q, as EncodeQuery returns it, to dst;
// params reports whether q holds any parameter (a url.Values may hold a
// key without values, which encodes as nothing).
// A struct is encoded with its type's queryPlan, built once per type: the
// result is byte for byte what go-querystring's query.Values followed by
// url.Values.Encode gives, without their reflection and maps at every
// call. Types whose encoding depends on more than the field values
// (custom query.Encoder implementations, nested or pointer-embedded
// structs, interface fields, numbered slices) go through go-querystring
// itself.
func appendQuery(dst []byte, q any) (out []byte, params bool, err error) {
	switch v := q.(type) {
	case nil:
		return dst, false, nil
	case url.Values:
		return append(dst, v.Encode()...), len(v) > 0, nil
	case map[string][]string:
		return append(dst, url.Values(v).Encode()...), len(v) > 0, nil
	}
	val := reflect.ValueOf(q)
	for val.Kind() == reflect.Pointer {
		if val.IsNil() {
			return dst, false, nil
		}
		val = val.Elem()
	}
	if val.Kind() == reflect.Struct {
		if p := planFor(val.Type()); p != nil {
			if !val.CanAddr() {
				// Time fields are read through their address.
				c := reflect.New(val.Type()).Elem()
				c.Set(val)
				val = c
			}
			out = p.encode(dst, val)
			return out, len(out) > len(dst), nil
		}
	}
	values, err := query.Values(q)
	if err != nil {
		return dst, false, err
	}
	return append(dst, values.Encode()...), len(values) > 0, nil
}

// queryPlan is how one struct type encodes: its parameters in the order
// url.Values.Encode writes them (sorted by key; fields with the same key in
// go-querystring's order).
type queryPlan struct {
	fields []queryField
}

// queryField is one parameter of a queryPlan.
type queryField struct {
	// index leads to the field through embedded structs.
	index []int
	// key is the parameter name, escapedKey its url.QueryEscape form.
	key, escapedKey string
	omitEmpty       bool
	// ptr is set for a pointer field: nil encodes as an empty value.
	ptr bool
	// list is set for a slice or array: each element is a value, or all
	// elements form one value joined by sep when sep is not "".
	list bool
	sep  string
	// elemPtr is set when the list's elements are pointers.
	elemPtr bool
	format  valueFormat
}

// valueFormat appends the escaped text of v (of the field's scalar type,
// not a pointer) to dst.
type valueFormat func(dst []byte, v reflect.Value) []byte

// queryPlans caches each struct type's plan; a type go-querystring must
// encode itself maps to a nil plan.
var queryPlans sync.Map // reflect.Type → *queryPlan

func planFor(t reflect.Type) *queryPlan {
	if v, ok := queryPlans.Load(t); ok {
		p, _ := v.(*queryPlan)
		return p
	}
	var p *queryPlan
	var fields []queryField
	if collectFields(t, nil, &fields) {
		sort.SliceStable(fields, func(i, j int) bool { return fields[i].key < fields[j].key })
		p = &queryPlan{fields: fields}
	}
	actual, _ := queryPlans.LoadOrStore(t, p)
	p, _ = actual.(*queryPlan)
	return p
}

var (
	timeType      = reflect.TypeFor[time.Time]()
	encoderType   = reflect.TypeFor[query.Encoder]()
	stringerType  = reflect.TypeFor[fmt.Stringer]()
	formatterType = reflect.TypeFor[fmt.Formatter]()
	errorType     = reflect.TypeFor[error]()
)

// collectFields appends the parameters of struct type t (reached through
// index) in go-querystring's order: t's own fields, then those of its
// embedded structs. It reports false when the type needs go-querystring.
func collectFields(t reflect.Type, index []int, out *[]queryField) bool {
	var embedded []int
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		if !sf.IsExported() && !sf.Anonymous {
			continue
		}
		tag := sf.Tag.Get("url")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" && sf.Anonymous {
			switch {
			case sf.Type.Kind() == reflect.Struct:
				embedded = append(embedded, i)
				continue
			case sf.Type.Kind() == reflect.Pointer && sf.Type.Elem().Kind() == reflect.Struct:
				// Flattened when set, a parameter of its own when nil.
				return false
			}
		}
		if !sf.IsExported() {
			return false
		}
		if name == "" {
			name = sf.Name
		}
		f, ok := planField(sf, name, tagOptions(opts))
		if !ok {
			return false
		}
		f.index = append(append([]int(nil), index...), i)
		*out = append(*out, f)
	}
	for _, i := range embedded {
		if !collectFields(t.Field(i).Type, append(append([]int(nil), index...), i), out) {
			return false
		}
	}
	return true
}

// tagOptions are the options after the name in a url tag.
type tagOptions string

func (o tagOptions) has(opt string) bool {
	for _, s := range strings.Split(string(o), ",") {
		if s == opt {
			return true
		}
	}
	return false
}

func planField(sf reflect.StructField, name string, opts tagOptions) (queryField, bool) {
	f := queryField{key: name, omitEmpty: opts.has("omitempty")}
	t := sf.Type
	if implementsEncoder(t) {
		return f, false
	}
	if f.omitEmpty && !canTellEmpty(t) {
		return f, false
	}
	if t.Kind() == reflect.Pointer {
		f.ptr, t = true, t.Elem()
		if implementsEncoder(t) {
			return f, false
		}
	}
	if t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
		f.list = true
		switch {
		case opts.has("comma"):
			f.sep = ","
		case opts.has("space"):
			f.sep = " "
		case opts.has("semicolon"):
			f.sep = ";"
		case opts.has("brackets"):
			f.key += "[]"
		default:
			f.sep = sf.Tag.Get("del")
		}
		if f.sep == "" && opts.has("numbered") {
			return f, false
		}
		t = t.Elem()
		if t.Kind() == reflect.Pointer {
			f.elemPtr, t = true, t.Elem()
		}
	}
	f.escapedKey = url.QueryEscape(f.key)
	var ok bool
	f.format, ok = formatFor(t, opts, sf.Tag.Get("layout"))
	return f, ok
}

// implementsEncoder reports whether t, or a pointer to it, encodes itself.
func implementsEncoder(t reflect.Type) bool {
	return t.Implements(encoderType) || (t.Kind() != reflect.Pointer && reflect.PointerTo(t).Implements(encoderType))
}

// canTellEmpty reports whether the plan knows go-querystring's omitempty
// test for a field of type t.
func canTellEmpty(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String, reflect.Bool,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Pointer:
		return true
	}
	return t == timeType
}

// formatFor returns the format of a scalar of type t, as go-querystring's
// valueString writes it, or false for a type the plan leaves to it.
func formatFor(t reflect.Type, opts tagOptions, layout string) (valueFormat, bool) {
	if t == timeType {
		return timeFormat(opts, layout), true
	}
	if t.Kind() == reflect.Bool && opts.has("int") {
		return func(dst []byte, v reflect.Value) []byte {
			if v.Bool() {
				return append(dst, '1')
			}
			return append(dst, '0')
		}, true
	}
	if t.Implements(formatterType) || t.Implements(stringerType) || t.Implements(errorType) {
		if !canPrint(t.Kind()) {
			return nil, false
		}
		return func(dst []byte, v reflect.Value) []byte {
			return appendQueryEscape(dst, fmt.Sprint(v.Interface()))
		}, true
	}
	switch t.Kind() {
	case reflect.String:
		return func(dst []byte, v reflect.Value) []byte { return appendQueryEscape(dst, v.String()) }, true
	case reflect.Bool:
		return func(dst []byte, v reflect.Value) []byte { return strconv.AppendBool(dst, v.Bool()) }, true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return func(dst []byte, v reflect.Value) []byte { return strconv.AppendInt(dst, v.Int(), 10) }, true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return func(dst []byte, v reflect.Value) []byte { return strconv.AppendUint(dst, v.Uint(), 10) }, true
	case reflect.Float32, reflect.Float64:
		bits := t.Bits()
		return func(dst []byte, v reflect.Value) []byte {
			var tmp [32]byte
			return appendQueryEscapeBytes(dst, strconv.AppendFloat(tmp[:0], v.Float(), 'g', -1, bits))
		}, true
	}
	return nil, false
}

// canPrint lists the kinds whose fmt.Sprint the plan may call: the scalar
// kinds (other kinds go-querystring treats in ways of its own).
func canPrint(k reflect.Kind) bool {
	switch k {
	case reflect.String, reflect.Bool,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64:
		return true
	}
	return false
}

// timeFormat is go-querystring's time encoding: unix, unixmilli or
// unixnano when asked, else the layout tag, else RFC 3339.
func timeFormat(opts tagOptions, layout string) valueFormat {
	switch {
	case opts.has("unix"):
		return func(dst []byte, v reflect.Value) []byte { return strconv.AppendInt(dst, timeOf(v).Unix(), 10) }
	case opts.has("unixmilli"):
		return func(dst []byte, v reflect.Value) []byte { return strconv.AppendInt(dst, timeOf(v).UnixNano()/1e6, 10) }
	case opts.has("unixnano"):
		return func(dst []byte, v reflect.Value) []byte { return strconv.AppendInt(dst, timeOf(v).UnixNano(), 10) }
	}
	if layout == "" {
		layout = time.RFC3339
	}
	return func(dst []byte, v reflect.Value) []byte {
		var tmp [64]byte
		return appendQueryEscapeBytes(dst, timeOf(v).AppendFormat(tmp[:0], layout))
	}
}

// timeOf returns the time.Time v holds; v is addressable.
func timeOf(v reflect.Value) *time.Time {
	t, _ := v.Addr().Interface().(*time.Time)
	return t
}

// encode appends the parameters of v, a value of the plan's type, to dst.
func (p *queryPlan) encode(dst []byte, v reflect.Value) []byte {
	start := len(dst)
	for i := range p.fields {
		f := &p.fields[i]
		fv := v.FieldByIndex(f.index)
		if f.omitEmpty && isEmptyValue(fv) {
			continue
		}
		if f.ptr {
			if fv.IsNil() {
				dst = f.appendKey(dst, start)
				continue
			}
			fv = fv.Elem()
		}
		if !f.list {
			dst = f.format(f.appendKey(dst, start), fv)
			continue
		}
		n := fv.Len()
		if n == 0 {
			continue
		}
		if f.sep != "" {
			dst = f.appendKey(dst, start)
			for j := 0; j < n; j++ {
				if j > 0 {
					dst = appendQueryEscape(dst, f.sep)
				}
				dst = f.appendElem(dst, fv.Index(j))
			}
			continue
		}
		for j := 0; j < n; j++ {
			dst = f.appendElem(f.appendKey(dst, start), fv.Index(j))
		}
	}
	return dst
}

// appendKey writes "&key=" ("key=" for the first parameter).
func (f *queryField) appendKey(dst []byte, start int) []byte {
	if len(dst) > start {
		dst = append(dst, '&')
	}
	dst = append(dst, f.escapedKey...)
	return append(dst, '=')
}

// appendElem writes one element of a list; a nil pointer is empty.
func (f *queryField) appendElem(dst []byte, e reflect.Value) []byte {
	if f.elemPtr {
		if e.IsNil() {
			return dst
		}
		e = e.Elem()
	}
	return f.format(dst, e)
}

// isEmptyValue is go-querystring's omitempty test for the kinds a plan
// allows (see canTellEmpty).
func isEmptyValue(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool:
		return !v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() == 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() == 0
	case reflect.Float32, reflect.Float64:
		return v.Float() == 0
	case reflect.Pointer:
		return v.IsNil()
	}
	return timeOf(v).IsZero()
}

const upperHex = "0123456789ABCDEF"

// appendQueryEscape appends url.QueryEscape(s) to dst.
func appendQueryEscape(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		dst = appendEscapedByte(dst, s[i])
	}
	return dst
}

// appendQueryEscapeBytes appends url.QueryEscape(string(b)) to dst.
func appendQueryEscapeBytes(dst, b []byte) []byte {
	for _, c := range b {
		dst = appendEscapedByte(dst, c)
	}
	return dst
}

func appendEscapedByte(dst []byte, c byte) []byte {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
		c == '-', c == '_', c == '.', c == '~':
		return append(dst, c)
	case c == ' ':
		return append(dst, '+')
	}
	return append(dst, '%', upperHex[c>>4], upperHex[c&15])
}
