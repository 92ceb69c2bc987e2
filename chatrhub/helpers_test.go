package chatrhub

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
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
