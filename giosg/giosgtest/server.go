package giosgtest

import (
	"crypto/subtle"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"
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

	mu       sync.Mutex
	st       *state
	ids      int64
	requests map[string]int
	failures map[string][]int // statuses to answer next, by route
}

// Option configures a Server.
type Option func(*config)

type config struct {
	token    string
	pageSize int
	examples bool
	now      func() time.Time
}

// WithToken makes the server accept token instead of DefaultToken.
func WithToken(token string) Option {
	return func(c *config) { c.token = token }
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
// timestamps it sets (created_at, ended_at, ...).
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
		requests: map[string]int{},
		failures: map[string][]int{},
	}
	seedDirectory(s.st)
	if cfg.examples {
		s.seedExamples()
	}
	mux := http.NewServeMux()
	s.routes(mux)
	s.Server = httptest.NewUnstartedServer(s.handler(mux))
	// The listener exists already: the URL is known before any request.
	s.BaseURL = "http://" + s.Listener.Addr().String()
	s.Start()
	return s
}

// RequestCount reports how many authenticated requests the server has
// received for method and the route pattern, written as in the giosg docs:
// RequestCount("POST", "/api/v5/users/<user_id>/chats/<chat_id>/messages").
// Use it to assert that a request was sent exactly once.
func (s *Server) RequestCount(method, pattern string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests[method+" "+docPattern(pattern)]
}

// FailNext makes the next n requests for method and the route pattern
// (written as in RequestCount) answer status with a DRF-style error body,
// without changing any state; later requests are served normally. The
// failed requests are counted by RequestCount. Use it to test retries: a
// GET answered 503 is retried by the client, a POST that sends a message
// must not be.
func (s *Server) FailNext(method, pattern string, status, n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	key := method + " " + docPattern(pattern)
	for range n {
		s.failures[key] = append(s.failures[key], status)
	}
}

// docPattern turns "<name>" placeholders into the ServeMux's "{name}".
func docPattern(p string) string {
	return strings.NewReplacer("<", "{", ">", "}").Replace(p)
}

// handler answers unknown paths (404) and wrong methods (405) with the
// DRF-style JSON error body, then checks the token, then serves the route.
func (s *Server) handler(mux *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h, pattern := mux.Handler(r)
		if pattern == "" {
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
			return
		}
		if !s.authorized(r) {
			w.Header().Set("WWW-Authenticate", `Token realm="api"`)
			if r.Header.Get("Authorization") == "" {
				writeError(w, http.StatusUnauthorized, "Authentication credentials were not provided.")
			} else {
				writeError(w, http.StatusUnauthorized, "Invalid token.")
			}
			return
		}
		s.mu.Lock()
		s.requests[pattern]++
		fail := s.failures[pattern]
		if len(fail) > 0 {
			s.failures[pattern] = fail[1:]
		}
		s.mu.Unlock()
		if len(fail) > 0 {
			writeError(w, fail[0], "giosgtest: injected failure")
			return
		}
		mux.ServeHTTP(w, r) // sets the path values

	})
}

// authorized accepts "Token <token>" and "Bearer <token>" (scheme in any
// case).
func (s *Server) authorized(r *http.Request) bool {
	scheme, tok, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || (!strings.EqualFold(scheme, "Token") && !strings.EqualFold(scheme, "Bearer")) {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(tok), []byte(s.Token)) == 1
}
