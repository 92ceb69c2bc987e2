package giosg_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chatsdk-go/chatsdk/internal/lenient"
	"github.com/stretchr/testify/require"
)

const fixtureDir = "../testdata/giosg"

// fixture reads a golden file.
func fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(fixtureDir, name))
	require.NoError(t, err, "fixture %s (written from the API docs into testdata/giosg)", name)
	return b
}

// decodeFixture decodes a golden file into a new T.
func decodeFixture[T any](t testing.TB, name string) *T {
	t.Helper()
	v := new(T)
	require.NoError(t, json.Unmarshal(fixture(t, name), v), name)
	return v
}

// normalizeJSON decodes JSON and rewrites every string that is a datetime
// in one of the documented forms to RFC 3339 in UTC, so that
// "2015-02-13T11:31:36.042" and "2015-02-13T11:31:36.042Z" compare equal.
func normalizeJSON(t testing.TB, b []byte) any {
	t.Helper()
	var v any
	require.NoError(t, json.Unmarshal(b, &v), "%s", b)
	return normalize(v)
}

func normalize(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = normalize(e)
		}
	case []any:
		for i, e := range x {
			x[i] = normalize(e)
		}
	case string:
		if len(x) >= 19 && x[4] == '-' && x[10] == 'T' {
			if tm, err := lenient.ParseTime(x); err == nil {
				return tm.UTC().Format(time.RFC3339Nano)
			}
		}
	}
	return v
}

// requireJSONEq compares two JSON documents after normalizing datetimes.
func requireJSONEq(t testing.TB, want, got []byte, msgAndArgs ...any) {
	t.Helper()
	w, err := json.Marshal(normalizeJSON(t, want))
	require.NoError(t, err)
	g, err := json.Marshal(normalizeJSON(t, got))
	require.NoError(t, err)
	require.JSONEq(t, string(w), string(g), msgAndArgs...)
}

// requireMatchesFixture checks that got, a decoded model, holds exactly what
// the fixture holds: every fixture attribute is re-encoded with the same
// value (datetimes compared as instants), and an attribute whose fixture
// value is null may be left out on re-encoding only when the model has a
// field for it (a nil pointer or empty value with omitempty). Attributes the
// model adds (documented attributes absent from this example) must be empty.
func requireMatchesFixture(t testing.TB, fixtureJSON []byte, got any) {
	t.Helper()
	enc, err := json.Marshal(got)
	require.NoError(t, err)
	want := normalizeJSON(t, fixtureJSON)
	have := normalizeJSON(t, enc)
	var problems []string
	compareJSON("$", want, have, reflect.TypeOf(got), &problems)
	if len(problems) > 0 {
		t.Fatalf("decoded model differs from the fixture:\n  %s", strings.Join(problems, "\n  "))
	}
}

func compareJSON(path string, want, have any, typ reflect.Type, problems *[]string) {
	typ = deref(typ)
	switch w := want.(type) {
	case map[string]any:
		h, ok := have.(map[string]any)
		if !ok {
			*problems = append(*problems, fmt.Sprintf("%s: want an object, got %v", path, have))
			return
		}
		keys := make([]string, 0, len(w))
		for k := range w {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			ft, hasField := fieldType(typ, k)
			hv, present := h[k]
			if !present {
				if !hasField {
					*problems = append(*problems, fmt.Sprintf("%s.%s: attribute dropped (no field in %v)", path, k, typ))
				} else if !isEmptyJSON(w[k]) {
					*problems = append(*problems, fmt.Sprintf("%s.%s: attribute dropped on re-encoding (value %v)", path, k, w[k]))
				}
				continue
			}
			compareJSON(path+"."+k, w[k], hv, ft, problems)
		}
		for k, hv := range h {
			if _, ok := w[k]; !ok && !isEmptyJSON(hv) {
				*problems = append(*problems, fmt.Sprintf("%s.%s: not in the fixture but encoded as %v", path, k, hv))
			}
		}
	case []any:
		h, ok := have.([]any)
		if !ok || len(h) != len(w) {
			*problems = append(*problems, fmt.Sprintf("%s: want %d items, got %v", path, len(w), have))
			return
		}
		var elem reflect.Type
		if typ != nil && (typ.Kind() == reflect.Slice || typ.Kind() == reflect.Array) {
			elem = typ.Elem()
		}
		for i := range w {
			compareJSON(fmt.Sprintf("%s[%d]", path, i), w[i], h[i], elem, problems)
		}
	default:
		if !reflect.DeepEqual(want, have) && !(want == nil && isEmptyJSON(have)) {
			*problems = append(*problems, fmt.Sprintf("%s: want %#v, got %#v", path, want, have))
		}
	}
}

func deref(t reflect.Type) reflect.Type {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

// fieldType finds the struct field encoded as the JSON key name. For maps
// and untyped values every key is accepted.
func fieldType(typ reflect.Type, name string) (reflect.Type, bool) {
	if typ == nil || typ.Kind() != reflect.Struct {
		return nil, true
	}
	for i := 0; i < typ.NumField(); i++ {
		f := typ.Field(i)
		tag := strings.Split(f.Tag.Get("json"), ",")[0]
		if f.Anonymous && tag == "" {
			if ft, ok := fieldType(deref(f.Type), name); ok {
				return ft, true
			}
			continue
		}
		if tag == name || (tag == "" && f.Name == name) {
			return f.Type, true
		}
	}
	return nil, false
}

func isEmptyJSON(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case bool:
		return !x
	case float64:
		return x == 0
	case string:
		return x == ""
	case []any:
		return len(x) == 0
	case map[string]any:
		return len(x) == 0
	}
	return false
}

func mustRead(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	require.NoError(t, err)
	return b
}
