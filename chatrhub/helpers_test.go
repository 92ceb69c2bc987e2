package chatrhub

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/internal/testkit"
	"github.com/stretchr/testify/require"
)

const testToken = "tok-5ecret-XYZ.0123456789"

// fixtureDir is testdata/chatrhub, from this package's directory.
const fixtureDir = "../testdata/chatrhub"

// fixture reads testdata/chatrhub/<name>.
func fixture(t testing.TB, name string) []byte {
	t.Helper()
	return testkit.Fixture(t, "chatrhub", name)
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
func (rec *recorder) client(t testing.TB, opts ...chatsdk.Option) *Client {
	t.Helper()
	all := append([]chatsdk.Option{
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
	case *Success:
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
// envelope unless got is a *Success, and "data" as an array of one when the
// fixture has it so.
func reencode(t testing.TB, got any, fixtureJSON []byte) any {
	t.Helper()
	if r, ok := got.(*Success); ok {
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
