package chatrhubtest

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"time"

	"github.com/chatsdk-go/chatsdk/internal/fake"
)

// DefaultToken is the bearer token a Server accepts unless WithToken sets
// another one.
const DefaultToken = "chatrhubtest-token"

// DefaultPageSize is how many tasks one List Tasks page holds unless
// WithPageSize sets another size.
const DefaultPageSize = 10

// Server is an in-memory ChatrHub API v1 behind an httptest.Server. It is
// safe for concurrent use. Close it when done.
type Server struct {
	*httptest.Server
	// BaseURL is the API root to pass to chatsdk.WithBaseURL: the server's
	// URL followed by "/api/v1".
	BaseURL string
	// Token is the bearer token the server accepts.
	Token string

	kit    *fake.Kit
	router *fake.Router

	mu  sync.Mutex
	cfg config
	st  *state
}

type config struct {
	token    string
	pageSize int
	now      func() time.Time
	examples bool
}

// Option configures a Server built by NewServer.
type Option func(*config)

// WithToken makes the server accept token instead of DefaultToken; an empty
// token keeps the default.
func WithToken(token string) Option {
	return func(c *config) {
		if token != "" {
			c.token = token
		}
	}
}

// WithPageSize sets how many tasks one List Tasks page holds (default
// DefaultPageSize); a small size exercises paging with `after`. Sizes
// below 1 are ignored. The other lists are not paged.
func WithPageSize(n int) Option {
	return func(c *config) {
		if n > 0 {
			c.pageSize = n
		}
	}
}

// WithClock sets the clock used for create_dt and updt_dt of objects the
// server creates or changes and for Request.Time (default time.Now).
func WithClock(now func() time.Time) Option {
	return func(c *config) {
		if now != nil {
			c.now = now
		}
	}
}

// WithoutExamples starts the server empty instead of with the built-in
// example objects (see NewServer).
func WithoutExamples() Option { return func(c *config) { c.examples = false } }

// NewServer starts a fake ChatrHub server. Unless WithoutExamples is given
// it holds the objects of the API documentation's examples plus enough
// extra objects for realistic flows:
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
	cfg := config{token: DefaultToken, pageSize: DefaultPageSize, now: time.Now, examples: true}
	for _, opt := range opts {
		if opt != nil {
			opt(&cfg)
		}
	}
	s := &Server{cfg: cfg, Token: cfg.token, st: newState()}
	if cfg.examples {
		s.st.seedExamples()
	}
	s.router = s.newRouter()
	s.kit = fake.New(fake.Config{
		Token:        cfg.token,
		Schemes:      []string{"Bearer"},
		Challenge:    `Bearer realm="chatrhub"`,
		MissingToken: "missing or invalid bearer token",
		InvalidToken: "missing or invalid bearer token",
		Prefix:       apiPrefix,
		Now:          cfg.now,
		ErrorBody:    errorBody,
	})
	s.Server = httptest.NewServer(s.kit.Handler(http.HandlerFunc(s.route)))
	s.BaseURL = s.Server.URL + apiPrefix
	return s
}

// Failure describes failures for FailNext to inject: the next Times
// requests that match Method and Path are answered with Status and Body,
// after the token check and without touching state.
type Failure struct {
	// Method is the HTTP method to match; "" matches any.
	Method string
	// Path is the pattern of the path below BaseURL to match; "" matches
	// any. It is matched like path.Match, where a segment written
	// "{name}" or "<name>" matches any one segment:
	// "/agents/{agent_id}.json".
	Path string
	// Status is the HTTP status to answer.
	Status int
	// Body is the exact response body; nil sends the server's JSON:API
	// error document for Status.
	Body []byte
	// Times is how many matching requests fail; 0 means 1.
	Times int
}

// Request is a request the server received.
type Request struct {
	// Method is the HTTP method.
	Method string
	// Path is the unescaped path below BaseURL, such as "/groups.json".
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

// FailNext queues f: use it to test retry and error handling. A request
// fails by the first queued Failure it matches. A status of 429 or 503
// also sends "Retry-After: 0".
func (s *Server) FailNext(f Failure) { s.kit.FailNext(fake.Failure(f)) }

// Requests returns the requests the server has answered, including
// rejected and failed ones, in the order they were answered.
func (s *Server) Requests() []Request {
	return fake.Convert(s.kit.Requests(), func(r fake.Request) Request { return Request(r) })
}

// RequestCount reports how many answered requests match method ("" for
// any) and the path pattern ("" for any, written as Failure.Path).
func (s *Server) RequestCount(method, pattern string) int {
	return s.kit.RequestCount(method, pattern)
}

// apiPrefix is the path every operation lives under.
const apiPrefix = "/api/v1"

// now returns the server clock's time in the documented create_dt form.
func (s *Server) now() string {
	return s.cfg.now().UTC().Format(dateTimeLayout)
}

// dateTimeLayout is the documented form of create_dt and updt_dt.
const dateTimeLayout = "2006-01-02T15:04:05-07:00"
