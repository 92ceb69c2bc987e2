package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// fieldFlag is one command-line flag bound to a (possibly nested) field of a
// params struct.
type fieldFlag struct {
	name  string
	index []int
	typ   reflect.Type
}

var timeType = reflect.TypeOf(time.Time{})

// paramFlags lists the flags of every exported field of the struct type t:
// the field's json or url tag name in kebab-case, or its Go name when the tag
// is missing or "-". Embedded structs contribute their fields.
func paramFlags(t reflect.Type) []fieldFlag {
	var out []fieldFlag
	var walk func(t reflect.Type, prefix []int)
	walk = func(t reflect.Type, prefix []int) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			index := append(append([]int(nil), prefix...), i)
			if f.Anonymous && f.Type.Kind() == reflect.Struct {
				walk(f.Type, index)
				continue
			}
			out = append(out, fieldFlag{name: flagName(f), index: index, typ: f.Type})
		}
	}
	walk(t, nil)
	return out
}

func flagName(f reflect.StructField) string {
	for _, key := range []string{"json", "url"} {
		name, _, _ := strings.Cut(f.Tag.Get(key), ",")
		if name != "" && name != "-" {
			return strings.ReplaceAll(name, "_", "-")
		}
	}
	return kebab(f.Name)
}

// kebab turns a Go name (PageURL) into a flag name (page-url).
func kebab(s string) string {
	var b strings.Builder
	r := []rune(s)
	for i, c := range r {
		if unicode.IsUpper(c) && i > 0 && (unicode.IsLower(r[i-1]) || (i+1 < len(r) && unicode.IsLower(r[i+1]))) {
			b.WriteByte('-')
		}
		b.WriteRune(unicode.ToLower(c))
	}
	return b.String()
}

// fieldValue is a flag.Value that stores into one field of the params
// struct; set records that the flag was given.
type fieldValue struct {
	params func() reflect.Value
	f      fieldFlag
	set    bool
}

func (v *fieldValue) String() string { return "" }

func (v *fieldValue) IsBoolFlag() bool {
	t := v.f.typ
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.Kind() == reflect.Bool
}

func (v *fieldValue) Set(s string) error {
	field := v.params().FieldByIndex(v.f.index)
	v.set = true
	et := v.f.typ
	if et.Kind() == reflect.Pointer {
		et = et.Elem()
	}
	if names, ok := enumNames[et]; ok {
		if n, ok := names[s]; ok {
			s = n
		}
	}
	return setValue(field, s)
}

// setValue parses s into dst: scalars and times from their text (times as
// RFC 3339 or YYYY-MM-DD), slices of scalars from a comma-separated list,
// anything else from JSON.
func setValue(dst reflect.Value, s string) error {
	t := dst.Type()
	if t == timeType {
		tm, err := parseTime(s)
		if err != nil {
			return err
		}
		dst.Set(reflect.ValueOf(tm))
		return nil
	}
	if t.Kind() == reflect.Pointer && isScalar(t.Elem()) {
		p := reflect.New(t.Elem())
		if err := setValue(p.Elem(), s); err != nil {
			return err
		}
		dst.Set(p)
		return nil
	}
	if _, ok := dst.Addr().Interface().(json.Unmarshaler); ok || !isScalar(t) {
		if t.Kind() == reflect.Slice && isScalar(t.Elem()) && !strings.HasPrefix(strings.TrimSpace(s), "[") {
			parts := strings.Split(s, ",")
			sl := reflect.MakeSlice(t, len(parts), len(parts))
			for i, p := range parts {
				if err := setValue(sl.Index(i), strings.TrimSpace(p)); err != nil {
					return err
				}
			}
			dst.Set(sl)
			return nil
		}
		return setJSON(dst, s)
	}
	switch t.Kind() {
	case reflect.String:
		dst.SetString(s)
	case reflect.Bool:
		b, err := strconv.ParseBool(s)
		if err != nil {
			return err
		}
		dst.SetBool(b)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return err
		}
		dst.SetInt(n)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			return err
		}
		dst.SetUint(n)
	case reflect.Float32, reflect.Float64:
		n, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return err
		}
		dst.SetFloat(n)
	}
	return nil
}

var unmarshalerType = reflect.TypeOf((*json.Unmarshaler)(nil)).Elem()

// setJSON decodes s as JSON into dst, or, when s is not JSON, as a JSON
// string ("--avatar x" for a nullable string). A pointer to a type with its
// own UnmarshalJSON (chatsdk.Nullable) gets that method even for null.
func setJSON(dst reflect.Value, s string) error {
	t := dst.Type()
	target := dst.Addr()
	if t.Kind() == reflect.Pointer && reflect.PointerTo(t.Elem()).Implements(unmarshalerType) {
		target = reflect.New(t.Elem())
	}
	decode := func(b []byte) error {
		if u, ok := target.Interface().(json.Unmarshaler); ok {
			return u.UnmarshalJSON(b)
		}
		return json.Unmarshal(b, target.Interface())
	}
	err := decode([]byte(s))
	if err != nil && !json.Valid([]byte(s)) {
		err = decode([]byte(strconv.Quote(s)))
	}
	if err != nil {
		return fmt.Errorf("want JSON for %s: %w", t, err)
	}
	if target != dst.Addr() {
		dst.Set(target)
	}
	return nil
}

func isScalar(t reflect.Type) bool {
	if t == timeType {
		return true
	}
	switch t.Kind() {
	case reflect.String, reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		return true
	}
	return false
}

func parseTime(s string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	if ms, err := strconv.ParseInt(s, 10, 64); err == nil {
		return time.UnixMilli(ms).UTC(), nil
	}
	return time.Time{}, fmt.Errorf("time %q: want RFC 3339, YYYY-MM-DD or epoch milliseconds", s)
}

// bindParams defines on fs one flag per field of the struct type t (plus
// --data for a JSON body) and returns a function that builds the *t value
// after fs.Parse: --data first, then the flags given on top of it.
func bindParams(fs *flag.FlagSet, t reflect.Type) func() (reflect.Value, error) {
	p := reflect.New(t)
	for alias, target := range flagAliases[t] {
		defer func() {
			if f := fs.Lookup(target); f != nil {
				fs.Var(f.Value, alias, "same as --"+target)
			}
		}()
	}
	data := fs.String("data", "", "the whole params as JSON, or @file (flags given as well override its fields)")
	for _, f := range paramFlags(t) {
		if fs.Lookup(f.name) != nil {
			continue
		}
		fs.Var(&fieldValue{params: func() reflect.Value { return p.Elem() }, f: f}, f.name, usage(f.typ))
	}
	return func() (reflect.Value, error) {
		if *data == "" {
			return p, nil
		}
		b, err := readData(*data)
		if err != nil {
			return reflect.Value{}, err
		}
		fresh := reflect.New(t)
		if err := json.Unmarshal(b, fresh.Interface()); err != nil {
			return reflect.Value{}, fmt.Errorf("--data: %w", err)
		}
		// Re-apply the flags that were given over the --data value.
		var ferr error
		fs.Visit(func(fl *flag.Flag) {
			if fv, ok := fl.Value.(*fieldValue); ok && ferr == nil {
				fresh.Elem().FieldByIndex(fv.f.index).Set(p.Elem().FieldByIndex(fv.f.index))
			}
		})
		return fresh, ferr
	}
}

func usage(t reflect.Type) string {
	et := t
	if et.Kind() == reflect.Pointer {
		et = et.Elem()
	}
	if names, ok := enumNames[et]; ok {
		keys := make([]string, 0, len(names))
		for k, v := range names {
			keys = append(keys, k+"="+v)
		}
		sort.Strings(keys)
		return et.String() + " (" + strings.Join(keys, ", ") + ")"
	}
	if choices, ok := enumChoices[et]; ok {
		return et.String() + ": " + strings.Join(choices, " | ")
	}
	switch {
	case t == timeType:
		return "time (RFC 3339, YYYY-MM-DD or epoch ms)"
	case t.Kind() == reflect.Pointer && isScalar(t.Elem()):
		return t.Elem().String()
	case t.Kind() == reflect.Slice && isScalar(t.Elem()):
		if choices, ok := enumChoices[t.Elem()]; ok {
			return "comma-separated " + t.Elem().String() + " list of " + strings.Join(choices, " | ")
		}
		return "comma-separated " + t.Elem().String() + " list"
	case isScalar(t):
		return t.String()
	}
	return "JSON " + t.String()
}
