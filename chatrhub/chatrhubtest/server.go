package chatrhubtest

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"
)

// DefaultToken is the bearer token a Server accepts unless WithToken sets
// another one.
const DefaultToken = "chatrhubtest-token"

// DefaultTaskPageSize is how many tasks one List Tasks page holds unless
// WithTaskPageSize sets another size.
const DefaultTaskPageSize = 10

// Server is an in-memory ChatrHub API v1 behind an httptest.Server. It is
// safe for concurrent use. Close it when done.
type Server struct {
	*httptest.Server
	// BaseURL is the API root to pass to chatsdk.WithBaseURL: the server's
	// URL followed by "/api/v1".
	BaseURL string
	// Token is the bearer token the server accepts.
	Token string

	mu       sync.Mutex
	cfg      config
	st       *state
	requests int
	failures []int
}

type config struct {
	token    string
	pageSize int
	now      func() time.Time
	seed     bool
}

// Option configures a Server built by NewServer.
type Option func(*config)

// WithToken makes the server accept token instead of DefaultToken.
func WithToken(token string) Option { return func(c *config) { c.token = token } }

// WithTaskPageSize sets how many tasks one List Tasks page holds (default
// DefaultTaskPageSize); a small size exercises paging with `after`. Sizes
// below 1 are ignored.
func WithTaskPageSize(n int) Option {
	return func(c *config) {
		if n > 0 {
			c.pageSize = n
		}
	}
}

// WithClock sets the clock used for create_dt and updt_dt of objects the
// server creates or changes (default time.Now).
func WithClock(now func() time.Time) Option {
	return func(c *config) {
		if now != nil {
			c.now = now
		}
	}
}

// WithoutSeed starts the server empty instead of with the documented objects
// (see NewServer).
func WithoutSeed() Option { return func(c *config) { c.seed = false } }

// NewServer starts a fake ChatrHub server. Unless WithoutSeed is given it
// holds the objects of the API documentation's examples plus enough extra
// objects for realistic flows:
//
//   - agents 1 "Joe" (admin, username "unittest500"), 2 "John Smith"
//     ("johnsmith1"), 3 "Jenny Brown" ("jennybrown1") and 4 (the documented
//     bot "123", username "5b2aaeb29fb5ba6af2e3ae2e"); invited agents get
//     IDs from 5;
//   - groups 10204 "Sales" and 10245 "Support", agent 1 assigned to 10245;
//   - visitors 1 ("Test Visitor Name", username
//     "geo1jqmurtnl3qjgwt0lsm4i6x4zsrtqzmj8") to 5, visitor 2 having
//     username "tqxsbcndxs6q4fbm13dacg73kazefqx4pufr"; added visitors get IDs
//     from 6;
//   - 12 chats from 2018-06-21 to 2018-07-10 (chat 2 is the documented one;
//     chats 4 and 9 were missed, 7 are rated, chat 11 is still open) with
//     tags and groups, and messages of chats 1-3 (message 20 is the
//     documented one, message 18 an admin message);
//   - 25 tasks (task 1 and 2 are the documented operational tasks, task 3 a
//     machine learning task on message 20): 17 operational and 8 machine
//     learning, 6 of them resolved;
//   - agent activity snapshots of agent 1 on 2018-06-19 (the documented ones)
//     and of agents 1 and 2 on 2018-06-20.
//
// Close the server when done.
func NewServer(opts ...Option) *Server {
	cfg := config{token: DefaultToken, pageSize: DefaultTaskPageSize, now: time.Now, seed: true}
	for _, opt := range opts {
		if opt != nil {
			opt(&cfg)
		}
	}
	s := &Server{cfg: cfg, Token: cfg.token, st: newState()}
	if cfg.seed {
		s.st.seed()
	}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serveHTTP))
	s.BaseURL = s.Server.URL + apiPrefix
	return s
}

// Requests returns how many requests the server has received, including
// rejected ones.
func (s *Server) Requests() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests
}

// FailNext makes the next n requests (after authentication) fail with
// status and a JSON error body, without touching state; use it to test retry
// and error handling. A status of 429 or 503 also sends "Retry-After: 0".
func (s *Server) FailNext(n, status int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for range n {
		s.failures = append(s.failures, status)
	}
}

// apiPrefix is the path every operation lives under.
const apiPrefix = "/api/v1"

func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests++
	if !s.authorized(r) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="chatrhub"`)
		writeError(w, http.StatusUnauthorized, "missing or invalid bearer token")
		return
	}
	if len(s.failures) > 0 {
		status := s.failures[0]
		s.failures = s.failures[1:]
		if status == http.StatusTooManyRequests || status == http.StatusServiceUnavailable {
			w.Header().Set("Retry-After", "0")
		}
		writeError(w, status, "failure injected by FailNext")
		return
	}
	s.route(w, r)
}

func (s *Server) authorized(r *http.Request) bool {
	scheme, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	return ok && strings.EqualFold(scheme, "Bearer") && token != "" && token == s.cfg.token
}

// now returns the server clock's time in the documented create_dt form.
func (s *Server) now() string {
	return s.cfg.now().UTC().Format(dateTimeLayout)
}

// dateTimeLayout is the documented form of create_dt and updt_dt.
const dateTimeLayout = "2006-01-02T15:04:05-07:00"
