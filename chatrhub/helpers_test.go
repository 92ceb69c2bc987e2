package chatrhub

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chatsdk-go/chatsdk"
	"github.com/stretchr/testify/require"
)

const testToken = "tok-5ecret-XYZ.0123456789"

const fixtureDir = "../testdata/chatrhub"

func fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(fixtureDir, name))
	require.NoError(t, err)
	return b
}

func fixtureExists(name string) bool {
	_, err := os.Stat(filepath.Join(fixtureDir, name))
	return err == nil
}

// received is what a test server saw of one request.
type received struct {
	Method string
	Path   string // escaped
	Query  string // raw
	Header http.Header
	Body   []byte
}

// recorder is an httptest server that records every request and answers
// with handler (or the next of its scripted answers).
type recorder struct {
	*httptest.Server
	mu   sync.Mutex
	reqs []received
}

func newRecorder(t testing.TB, handler http.HandlerFunc) *recorder {
	t.Helper()
	rec := &recorder{}
	rec.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		rec.mu.Lock()
		rec.reqs = append(rec.reqs, received{Method: r.Method, Path: r.URL.EscapedPath(), Query: r.URL.RawQuery, Header: r.Header.Clone(), Body: body})
		rec.mu.Unlock()
		handler(w, r)
	}))
	t.Cleanup(rec.Close)
	return rec
}

func (rec *recorder) requests() []received {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return append([]received(nil), rec.reqs...)
}

// client returns a client for the recorder, with quick retries.
func (rec *recorder) client(t testing.TB, opts ...Option) *Client {
	t.Helper()
	all := append([]Option{
		chatsdk.WithBaseURL(rec.URL + "/api/v1"),
		chatsdk.WithRetryWaitMin(time.Millisecond),
		chatsdk.WithRetryWaitMax(5 * time.Millisecond),
	}, opts...)
	c, err := NewClient(testToken, all...)
	require.NoError(t, err)
	return c
}

func answerJSON(status int, body []byte) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = w.Write(body)
	}
}

// wire turns what a method returned back into the API's JSON form: models
// become resource objects ({"type", "id", "attributes"}), lists become
// lists of them, a *TaskPage its tasks.
func wire(v any) any {
	switch x := v.(type) {
	case *TaskPage:
		return wire(x.Tasks)
	case *Result:
		return x
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer {
		rv = rv.Elem()
	}
	if rv.Kind() == reflect.Slice {
		out := make([]any, rv.Len())
		for i := range out {
			out[i] = wire(rv.Index(i).Addr().Interface())
		}
		return out
	}
	res := map[string]any{"type": rv.FieldByName("Type").String(), "attributes": rv.Addr().Interface()}
	if id := rv.FieldByName("ID").Int(); id != 0 {
		res["id"] = id
	}
	return res
}

// reencode returns got in the API's form, shaped like the fixture: an
// envelope unless got is a *Result, and "data" as an array of one when the
// fixture has it so.
func reencode(t testing.TB, got any, fixtureJSON []byte) any {
	t.Helper()
	if r, ok := got.(*Result); ok {
		return jsonValue(t, r)
	}
	data := wire(got)
	var probe struct{ Data json.RawMessage }
	require.NoError(t, json.Unmarshal(fixtureJSON, &probe))
	if _, isList := data.([]any); !isList && bytes.HasPrefix(bytes.TrimSpace(probe.Data), []byte("[")) {
		data = []any{data}
	}
	return jsonValue(t, map[string]any{"data": data})
}

// jsonValue marshals v and decodes it as generic JSON (numbers as json.Number).
func jsonValue(t testing.TB, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return decodeGeneric(t, b)
}

func decodeGeneric(t testing.TB, b []byte) any {
	t.Helper()
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var out any
	require.NoError(t, d.Decode(&out))
	return out
}

// sameValue compares a documented value (want, from a fixture) with what
// the client re-encoded (got), allowing the documented drift and the
// client's normalisations: "4" and 4, 0/1 and false/true, null and a zero
// value, datetimes as instants, JSON stored in a string by its content.
// Every key of want must be in got. It returns the differences.
func sameValue(path string, want, got any) []string {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return []string{fmt.Sprintf("%s: want an object, got %v", path, got)}
		}
		var diffs []string
		for _, k := range sortedKeys(w) {
			gv, ok := g[k]
			if !ok {
				diffs = append(diffs, fmt.Sprintf("%s.%s: attribute dropped", path, k))
				continue
			}
			diffs = append(diffs, sameValue(path+"."+k, w[k], gv)...)
		}
		return diffs
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			return []string{fmt.Sprintf("%s: want %d items, got %v", path, len(w), got)}
		}
		var diffs []string
		for i := range w {
			diffs = append(diffs, sameValue(fmt.Sprintf("%s[%d]", path, i), w[i], g[i])...)
		}
		return diffs
	case nil:
		if isZero(got) {
			return nil
		}
	case bool:
		if b, ok := asBool(got); ok && b == w {
			return nil
		}
	case json.Number:
		if n, ok := asNumber(got); ok && n == mustFloat(w) {
			return nil
		}
		if b, ok := got.(bool); ok && (w == "0" && !b || w == "1" && b) {
			return nil
		}
	case string:
		if g, ok := got.(string); ok {
			if g == w || sameTime(w, g) || sameEmbedded(w, g) {
				return nil
			}
		}
		if n, ok := asNumber(got); ok {
			if f, err := strconv.ParseFloat(w, 64); err == nil && f == n {
				return nil
			}
		}
	}
	return []string{fmt.Sprintf("%s: want %#v, got %#v", path, want, got)}
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func isZero(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case string:
		return x == ""
	case bool:
		return !x
	case json.Number:
		return mustFloat(x) == 0
	}
	return false
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
	}
	return false, false
}

func asNumber(v any) (float64, bool) {
	n, ok := v.(json.Number)
	if !ok {
		return 0, false
	}
	f, err := n.Float64()
	return f, err == nil
}

func mustFloat(n json.Number) float64 {
	f, _ := n.Float64()
	return f
}

func sameTime(a, b string) bool {
	ta, errA := time.Parse(time.RFC3339, a)
	tb, errB := time.Parse(time.RFC3339, b)
	return errA == nil && errB == nil && ta.Equal(tb)
}

func sameEmbedded(a, b string) bool {
	var va, vb any
	if json.Unmarshal([]byte(a), &va) != nil || json.Unmarshal([]byte(b), &vb) != nil {
		return false
	}
	return reflect.DeepEqual(va, vb)
}

// keySet lists every key path of a JSON value ("data.attributes.agent.email").
func keySet(prefix string, v any, into map[string]bool) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			into[prefix+"."+k] = true
			keySet(prefix+"."+k, e, into)
		}
	case []any:
		for _, e := range x {
			keySet(prefix+"[]", e, into)
		}
	}
}

// readFixtureNames lists the JSON fixtures.
func readFixtureNames() ([]string, error) {
	entries, err := os.ReadDir(fixtureDir)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if filepath.Ext(e.Name()) == ".json" {
			names = append(names, e.Name())
		}
	}
	return names, nil
}

// cutKind splits "agents_get.response.json" into "agents_get" and "response".
func cutKind(name string) (stem, kind string, ok bool) {
	base := strings.TrimSuffix(name, ".json")
	i := strings.LastIndex(base, ".")
	if i < 0 {
		return base, "", false
	}
	return base[:i], base[i+1:], true
}

func parseQuery(t testing.TB, raw string) url.Values {
	t.Helper()
	q, err := url.ParseQuery(raw)
	require.NoError(t, err)
	return q
}

func jsonString(t testing.TB, s string) string {
	t.Helper()
	b, err := json.Marshal(s)
	require.NoError(t, err)
	return string(b)
}
