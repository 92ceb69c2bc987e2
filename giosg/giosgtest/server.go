package giosgtest

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"time"

	"github.com/chatsdk-go/chatsdk/internal/fake"
)

// DefaultToken is the API token the fake accepts unless WithToken sets
// another. Send it as "Authorization: Token <token>" or "Bearer <token>".
const DefaultToken = "giosgtest-token"

// DefaultPageSize is how many results a list answers per page unless
// WithPageSize sets another. It is small on purpose, so that lists span
// several pages.
const DefaultPageSize = 3

// Server is a stateful in-memory fake of the giosg Chats API v5, serving all
// 79 documented method+path pairs over HTTP. It is safe for concurrent use.
// Close it when done.
//
//	srv := giosgtest.NewServer()
//	defer srv.Close()
//	client, err := giosg.NewClient(srv.Token, chatsdk.WithBaseURL(srv.BaseURL))
type Server struct {
	*httptest.Server
	// BaseURL is the URL to pass to chatsdk.WithBaseURL: the server's own
	// URL, without a trailing slash. Every "next" and "previous" link the
	// server answers starts with it.
	BaseURL string
	// Token is the token the server accepts.
	Token string

	pageSize int
	now      func() time.Time
	kit      *fake.Kit

	mu  sync.Mutex
	st  *state
	ids int64
}

// Option configures a Server.
type Option func(*config)

type config struct {
	token    string
	pageSize int
	examples bool
	now      func() time.Time
}

// WithToken makes the server accept token instead of DefaultToken; an empty
// token keeps the default.
func WithToken(token string) Option {
	return func(c *config) {
		if token != "" {
			c.token = token
		}
	}
}

// WithPageSize sets how many results each list page holds; values below 1
// are ignored.
func WithPageSize(n int) Option {
	return func(c *config) {
		if n > 0 {
			c.pageSize = n
		}
	}
}

// WithoutExamples starts the server without the documented example chats,
// messages, tags, invitations and conversation starters. The organization,
// the users, the team, the rooms and the visitor (OrgID, UserID, ...) exist
// either way.
func WithoutExamples() Option {
	return func(c *config) { c.examples = false }
}

// WithClock makes the server read the current time from now, for
// timestamps it sets (created_at, ended_at, ...) and for Request.Time.
func WithClock(now func() time.Time) Option {
	return func(c *config) {
		if now != nil {
			c.now = now
		}
	}
}

// NewServer starts a fake giosg server seeded with the documented example
// objects (see the package documentation and the ID constants). It does not
// need a *testing.T, so examples and programs can use it too.
func NewServer(opts ...Option) *Server {
	cfg := config{token: DefaultToken, pageSize: DefaultPageSize, examples: true, now: time.Now}
	for _, opt := range opts {
		if opt != nil {
			opt(&cfg)
		}
	}
	s := &Server{
		Token:    cfg.token,
		pageSize: cfg.pageSize,
		now:      cfg.now,
		st:       newState(),
	}
	seedDirectory(s.st)
	if cfg.examples {
		s.seedExamples()
	}
	mux := http.NewServeMux()
	s.routes(mux)
	s.kit = fake.New(fake.Config{
		Token:        cfg.token,
		Schemes:      []string{"Token", "Bearer"},
		Challenge:    `Token realm="api"`,
		MissingToken: "Authentication credentials were not provided.",
		InvalidToken: "Invalid token.",
		Now:          cfg.now,
		ErrorBody:    errorBody,
		BeforeAuth:   knownRoute(mux),
	})
	s.Server = httptest.NewUnstartedServer(s.kit.Handler(mux))
	// The listener exists already: the URL is known before any request.
	s.BaseURL = "http://" + s.Listener.Addr().String()
	s.Start()
	return s
}

// Failure describes failures for FailNext to inject: the next Times
// requests that match Method and Path are answered with Status and Body,
// after the token check and without changing any state.
type Failure struct {
	// Method is the HTTP method to match; "" matches any.
	Method string
	// Path is the pattern of the path below BaseURL to match; "" matches
	// any. It is matched like path.Match, where a segment written
	// "<name>" (as in the giosg docs) or "{name}" matches any one segment:
	// "/api/v5/users/<user_id>/chats/<chat_id>/messages".
	Path string
	// Status is the HTTP status to answer.
	Status int
	// Body is the exact response body; nil sends a DRF-style
	// {"detail": "..."} body.
	Body []byte
	// Times is how many matching requests fail; 0 means 1.
	Times int
}

// Request is a request the server received.
type Request struct {
	// Method is the HTTP method.
	Method string
	// Path is the unescaped path below BaseURL, such as
	// "/api/v5/users/<user_id>/chats".
	Path string
	// Query is the parsed query string.
	Query url.Values
	// Header holds the request headers without Authorization.
	Header http.Header
	// Body is the request body, up to the 1 MiB body limit.
	Body []byte
	// Time is when the request arrived, on the server's clock.
	Time time.Time
	// Status is the HTTP status the server answered.
	Status int
}

// FailNext queues f: use it to test retries (a GET answered 503 is
// retried by the client, a POST that sends a message must not be). A
// request fails by the first queued Failure it matches; failed requests are
// recorded. A status of 429 or 503 also sends "Retry-After: 0".
func (s *Server) FailNext(f Failure) { s.kit.FailNext(fake.Failure(f)) }

// Requests returns the requests the server has answered, including
// rejected and failed ones, in the order they were answered.
func (s *Server) Requests() []Request {
	return fake.Convert(s.kit.Requests(), func(r fake.Request) Request { return Request(r) })
}

// RequestCount reports how many answered requests match method ("" for
// any) and the path pattern ("" for any, written as Failure.Path), such as
// RequestCount("POST", "/api/v5/users/<user_id>/chats/<chat_id>/messages").
// Use it to assert that a request was sent exactly once.
func (s *Server) RequestCount(method, pattern string) int {
	return s.kit.RequestCount(method, pattern)
}

// knownRoute answers unknown paths (404) and wrong methods (405) with the
// DRF-style JSON error body before the token is checked.
func knownRoute(mux *http.ServeMux) func(w http.ResponseWriter, r *http.Request) bool {
	return func(w http.ResponseWriter, r *http.Request) bool {
		h, pattern := mux.Handler(r)
		if pattern != "" {
			return true
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		if allow := rec.Header().Get("Allow"); allow != "" {
			w.Header().Set("Allow", allow)
		}
		switch rec.Code {
		case http.StatusMethodNotAllowed:
			writeError(w, rec.Code, `Method "`+r.Method+`" not allowed.`)
		default:
			writeError(w, http.StatusNotFound, "Not found.")
		}
		return false
	}
}
