package giosg_test

import (
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/chatsdk-go/chatsdk/internal/testkit"
	"github.com/stretchr/testify/require"
)

// fixtureDir is testdata/giosg, from this package's directory.
const fixtureDir = "../testdata/giosg"

// fixture reads testdata/giosg/<name>.
func fixture(t testing.TB, name string) []byte {
	t.Helper()
	return testkit.Fixture(t, "giosg", name)
}

// decodeFixture decodes a golden file into a new T.
func decodeFixture[T any](t testing.TB, name string) *T {
	t.Helper()
	v := new(T)
	require.NoError(t, json.Unmarshal(fixture(t, name), v), name)
	return v
}

// requireMatchesFixture pins got, a decoded model, to the fixture: every
// attribute has the field named after it and holds the documented value
// (testkit.AssertFieldsMatch), and re-encoding got adds no non-empty
// attribute the fixture does not have.
func requireMatchesFixture(t testing.TB, fixtureJSON []byte, got any) {
	t.Helper()
	want := testkit.DecodeJSON(t, fixtureJSON)
	ok := testkit.AssertFieldsMatch(t, "fixture", want, got, giosgAliases)
	enc, err := json.Marshal(got)
	require.NoError(t, err)
	var invented []string
	findInvented("$", want, testkit.DecodeJSON(t, enc), &invented)
	if !ok || len(invented) > 0 {
		t.Fatalf("decoded model differs from the fixture; attributes not in the fixture: %v", invented)
	}
}

// findInvented lists the key paths of have, with a non-empty value, that
// want lacks.
func findInvented(path string, want, have any, out *[]string) {
	switch h := have.(type) {
	case map[string]any:
		w, _ := want.(map[string]any)
		for k, hv := range h {
			wv, ok := w[k]
			if !ok && !isEmptyJSON(hv) {
				*out = append(*out, path+"."+k)
			}
			findInvented(path+"."+k, wv, hv, out)
		}
	case []any:
		w, _ := want.([]any)
		for i, hv := range h {
			var wv any
			if i < len(w) {
				wv = w[i]
			}
			findInvented(path+"[]", wv, hv, out)
		}
	}
}

func isEmptyJSON(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case bool:
		return !x
	case json.Number:
		return x.String() == "0"
	case string:
		return x == ""
	case []any:
		return len(x) == 0
	case map[string]any:
		return len(x) == 0
	}
	return false
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

func mustRead(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	require.NoError(t, err)
	return b
}
