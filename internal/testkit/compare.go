package testkit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chatsdk-go/chatsdk/internal/lenient"
	"github.com/stretchr/testify/assert"
)

// DecodeJSON decodes b as generic JSON, numbers as json.Number.
func DecodeJSON(t testing.TB, b []byte) any {
	t.Helper()
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		t.Fatalf("testkit: invalid JSON: %v\n%s", err, b)
	}
	return v
}

// AssertJSONEqualFixture fails the test unless got is the JSON document of
// testdata/<api>/<name>: the same keys and values, datetimes compared as
// instants (so "2015-02-13T11:31:36.042" equals "2015-02-13T11:31:36.042Z").
func AssertJSONEqualFixture(t testing.TB, api, name string, got []byte) bool {
	t.Helper()
	want, err := json.Marshal(normalizeTimes(DecodeJSON(t, Fixture(t, api, name))))
	if err != nil {
		t.Fatal(err)
	}
	if len(bytes.TrimSpace(got)) == 0 {
		t.Errorf("%s: got no JSON, want the fixture", name)
		return false
	}
	have, err := json.Marshal(normalizeTimes(DecodeJSON(t, got)))
	if err != nil {
		t.Fatal(err)
	}
	return assert.JSONEq(t, string(want), string(have), "JSON differs from testdata/%s/%s", api, name)
}

func normalizeTimes(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = normalizeTimes(e)
		}
	case []any:
		for i, e := range x {
			x[i] = normalizeTimes(e)
		}
	case string:
		if tm, ok := asTime(x); ok {
			return tm.UTC().Format(time.RFC3339Nano)
		}
	}
	return v
}

func asTime(s string) (time.Time, bool) {
	if len(s) < 19 || s[4] != '-' || s[10] != 'T' {
		return time.Time{}, false
	}
	tm, err := lenient.ParseTime(s)
	return tm, err == nil
}

// Aliases maps a documented JSON key to the Go field name that holds it,
// for the fields whose name is not the key in CamelCase
// (see AssertFieldsMatch).
type Aliases map[string]string

// AssertFieldsMatchFixture is AssertFieldsMatch with the JSON of
// testdata/<api>/<name>.
func AssertFieldsMatchFixture(t testing.TB, api, name string, got any, aliases Aliases) bool {
	t.Helper()
	return AssertFieldsMatch(t, name, DecodeJSON(t, Fixture(t, api, name)), got, aliases)
}

// AssertFieldsMatch pins a decoded value to a documented example: it walks
// want (generic JSON from DecodeJSON) and, for every key, finds the Go
// struct field of got whose json tag is that key, checks that the field's
// name is the key (compared without case and underscores, or as listed in
// aliases), and for every scalar leaf checks the field's value against the
// documented one after lenient normalization: 0/1 and false/true, "4" and
// 4, datetimes as instants, null and a zero value, JSON stored in a string
// and the value it encodes. Checking names as well as values is what makes a
// swapped pair of json tags fail: the swapped tags still decode each value
// into the field tagged with its key, but that field's name is the other
// key. label names the example in failure messages.
func AssertFieldsMatch(t testing.TB, label string, want, got any, aliases Aliases) bool {
	t.Helper()
	w := &walker{aliases: aliases}
	w.walk("$", want, reflect.ValueOf(got))
	for _, p := range w.problems {
		t.Errorf("%s: %s", label, p)
	}
	return len(w.problems) == 0
}

type walker struct {
	aliases  Aliases
	problems []string
}

func (w *walker) fail(format string, args ...any) {
	w.problems = append(w.problems, fmt.Sprintf(format, args...))
}

func (w *walker) walk(path string, want any, v reflect.Value) {
	for v.IsValid() && (v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface) {
		if v.IsNil() {
			if !emptyJSON(want) {
				w.fail("%s: nil, want %s", path, show(want))
			}
			return
		}
		v = v.Elem()
	}
	if !v.IsValid() {
		if !emptyJSON(want) {
			w.fail("%s: no value, want %s", path, show(want))
		}
		return
	}
	switch x := want.(type) {
	case map[string]any:
		switch {
		case v.Kind() == reflect.Struct && !isMarshaler(v):
			for _, k := range sortedKeys(x) {
				f, sf, ok := fieldByTag(v, k)
				if !ok {
					w.fail("%s.%s: documented attribute has no field tagged %q in %v", path, k, k, v.Type())
					continue
				}
				if !w.sameName(k, sf.Name) {
					w.fail("%s.%s: decoded into %v.%s, whose name is not the documented key %q: a wrong or swapped json tag? (list intended renames in testkit.Aliases)", path, k, v.Type(), sf.Name, k)
				}
				w.walk(path+"."+k, x[k], f)
			}
			return
		case v.Kind() == reflect.Map && v.Type().Key().Kind() == reflect.String:
			for _, k := range sortedKeys(x) {
				e := v.MapIndex(reflect.ValueOf(k).Convert(v.Type().Key()))
				if !e.IsValid() {
					if !emptyJSON(x[k]) {
						w.fail("%s.%s: missing from the decoded map, want %s", path, k, show(x[k]))
					}
					continue
				}
				w.walk(path+"."+k, x[k], e)
			}
			return
		}
	case []any:
		if (v.Kind() == reflect.Slice || v.Kind() == reflect.Array) && !isMarshaler(v) && v.Type().Elem().Kind() != reflect.Uint8 {
			if v.Len() != len(x) {
				w.fail("%s: %d items, want %d", path, v.Len(), len(x))
				return
			}
			for i := range x {
				w.walk(path+"["+strconv.Itoa(i)+"]", x[i], v.Index(i))
			}
			return
		}
	}
	if !v.CanInterface() {
		w.fail("%s: unexported value of %v", path, v.Type())
		return
	}
	b, err := json.Marshal(v.Interface())
	if err != nil {
		w.fail("%s: %v", path, err)
		return
	}
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var have any
	_ = d.Decode(&have)
	if !sameJSON(want, have) {
		w.fail("%s: decoded %s (%v), want %s", path, b, v.Type(), show(want))
	}
}

func (w *walker) sameName(key, field string) bool {
	if alias, ok := w.aliases[key]; ok {
		return alias == field
	}
	squash := func(s string) string { return strings.ToLower(strings.ReplaceAll(s, "_", "")) }
	return squash(key) == squash(field)
}

var marshalerType = reflect.TypeOf((*json.Marshaler)(nil)).Elem()

func isMarshaler(v reflect.Value) bool {
	return v.Type().Implements(marshalerType) || reflect.PointerTo(v.Type()).Implements(marshalerType)
}

// fieldByTag finds the field of struct v that encoding/json fills from key,
// looking into embedded structs.
func fieldByTag(v reflect.Value, key string) (reflect.Value, reflect.StructField, bool) {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		tag, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
		if tag == "-" {
			continue
		}
		if sf.Anonymous && tag == "" {
			f := v.Field(i)
			if f.Kind() == reflect.Pointer {
				if f.IsNil() {
					continue
				}
				f = f.Elem()
			}
			if f.Kind() == reflect.Struct {
				if ef, esf, ok := fieldByTag(f, key); ok {
					return ef, esf, true
				}
			}
			continue
		}
		if !sf.IsExported() {
			continue
		}
		if tag == key || (tag == "" && strings.EqualFold(sf.Name, key)) {
			return v.Field(i), sf, true
		}
	}
	return reflect.Value{}, reflect.StructField{}, false
}

// sameJSON compares a documented value with an encoded one leniently.
func sameJSON(want, have any) bool {
	if reflect.DeepEqual(want, have) {
		return true
	}
	switch w := want.(type) {
	case nil:
		return emptyJSON(have)
	case map[string]any:
		h, ok := have.(map[string]any)
		if !ok {
			return false
		}
		for k, wv := range w {
			if !sameJSON(wv, h[k]) {
				return false
			}
		}
		for k, hv := range h {
			if _, ok := w[k]; !ok && !emptyJSON(hv) {
				return false
			}
		}
		return true
	case []any:
		h, ok := have.([]any)
		if !ok || len(h) != len(w) {
			return false
		}
		for i := range w {
			if !sameJSON(w[i], h[i]) {
				return false
			}
		}
		return true
	case bool:
		b, ok := asBool(have)
		return ok && b == w
	case json.Number:
		if b, ok := have.(bool); ok {
			return w == "0" && !b || w == "1" && b
		}
		f, ok := asFloat(have)
		return ok && f == mustFloat(w)
	case string:
		if h, ok := have.(string); ok {
			if tw, ok := asTime(w); ok {
				th, ok := asTime(h)
				return ok && tw.Equal(th)
			}
			return w == h || sameEmbedded(w, h)
		}
		if f, ok := asFloat(have); ok {
			n, err := strconv.ParseFloat(w, 64)
			return err == nil && n == f
		}
		if b, ok := have.(bool); ok {
			return w == strconv.FormatBool(b)
		}
		var embedded any
		d := json.NewDecoder(strings.NewReader(w))
		d.UseNumber()
		if d.Decode(&embedded) == nil {
			return sameJSON(embedded, have)
		}
	}
	return false
}

func sameEmbedded(a, b string) bool {
	var va, vb any
	if json.Unmarshal([]byte(a), &va) != nil || json.Unmarshal([]byte(b), &vb) != nil {
		return false
	}
	return reflect.DeepEqual(va, vb)
}

func asBool(v any) (bool, bool) {
	switch x := v.(type) {
	case bool:
		return x, true
	case json.Number:
		switch x {
		case "0":
			return false, true
		case "1":
			return true, true
		}
	case string:
		b, err := strconv.ParseBool(x)
		return b, err == nil
	}
	return false, false
}

func asFloat(v any) (float64, bool) {
	switch x := v.(type) {
	case json.Number:
		f, err := x.Float64()
		return f, err == nil
	case string:
		f, err := strconv.ParseFloat(x, 64)
		return f, err == nil
	}
	return 0, false
}

func mustFloat(n json.Number) float64 {
	f, _ := n.Float64()
	return f
}

func emptyJSON(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case bool:
		return !x
	case json.Number:
		return mustFloat(x) == 0
	case string:
		return x == ""
	case []any:
		return len(x) == 0
	case map[string]any:
		return len(x) == 0
	}
	return false
}

func show(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	if len(b) > 120 {
		return string(b[:117]) + "..."
	}
	return string(b)
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
