// Package chatiotest is an in-memory fake of the chat.io Configuration API
// v0.4 for tests: it implements the 8 operations of package chatio, keeps
// bot agents and webhooks, and delivers webhooks to the URLs registered with
// it, so that an integration can be tested end to end without a network.
//
//	srv := chatiotest.NewServer()
//	defer srv.Close()
//	c, err := chatio.NewClient(srv.Token, chatsdk.WithBaseURL(srv.BaseURL))
//	hook, err := c.Webhooks.Register(ctx, &chatio.RegisterWebhookParams{
//		URL: receiver.URL, Action: chatio.ActionIncomingEvent, SecretKey: "s3cret",
//	})
//	err = srv.Deliver(ctx, hook.WebhookID, json.RawMessage(`{"chat_id": "..."}`))
//
// What it does, as documented: every operation is a POST with a JSON body
// under BaseURL; "Authorization: Bearer <Token>" is required (else 401);
// bodies are checked like the chatio client checks them (missing or invalid
// fields: 400); an unknown bot agent or webhook ID answers 404. Every error
// has the documented shape {"error": {"type": "...", "message": "..."}}, with
// the types authentication, validation and not_found (the last is not in the
// v0.4 error table, see chatio.ErrorTypeNotFound).
//
// Where it simplifies: all bot agents belong to one application
// (ClientID), so get_bot_agents answers the same with "all" true or false;
// unknown request fields are refused (400) to catch misspelt fields;
// configuration changes are visible at once (no 2-minute propagation delay);
// webhooks are delivered only when a test asks (Deliver, DeliverAction), and
// their filters are stored but not evaluated. Like the documentation's curl
// example, which sends its JSON with curl's default form content type, the
// fake does not check Content-Type.
//
// For tests: FailNext makes the next matching requests fail with a chosen
// status and body (see ErrorBody), Requests and RequestCount report what
// was sent, Send posts a forged delivery (wrong secret, unknown action),
// BotAgents and Webhooks return the stored state, and Reset clears it.
package chatiotest

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"time"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/chatio"
	"github.com/chatsdk-go/chatsdk/internal/fake"
)

// DefaultToken is the token a Server accepts unless WithToken changes it.
const DefaultToken = "chatiotest-token"

// DefaultClientID is the application client_id that owns the bot agents
// created on a Server unless WithClientID changes it.
const DefaultClientID = "chatiotest-client"

// PathPrefix is the path of BaseURL on the fake's host, as in the real
// https://api.chat.io/configuration/v0.4.
const PathPrefix = "/configuration/v0.4"

// Option configures a Server.
type Option func(*config)

type config struct {
	token    string
	clientID string
	delivery *http.Client
	now      func() time.Time
}

// WithToken sets the bearer token the server accepts (default DefaultToken;
// an empty token keeps the default).
func WithToken(token string) Option { return func(c *config) { c.token = token } }

// WithClientID sets the application client_id reported as the owner of the
// bot agents (default DefaultClientID; empty keeps the default).
func WithClientID(clientID string) Option { return func(c *config) { c.clientID = clientID } }

// WithClock sets the clock of Request.Time (default time.Now; nil keeps
// the default).
func WithClock(now func() time.Time) Option {
	return func(c *config) {
		if now != nil {
			c.now = now
		}
	}
}

// WithoutExamples is accepted so that the three fakes take the same
// options: a chat.io Server has no built-in example objects and always
// starts empty.
func WithoutExamples() Option { return func(*config) {} }

// WithDeliveryClient sets the *http.Client that delivers webhooks (default:
// a client with a 10 second timeout; nil keeps the default). Use the receiver's httptest.Server
// Client() for a TLS receiver.
func WithDeliveryClient(hc *http.Client) Option { return func(c *config) { c.delivery = hc } }

// Server is a running fake Configuration API. It is safe for concurrent use.
// Close it when done.
type Server struct {
	// Server is the underlying httptest server. Its URL lacks PathPrefix:
	// give clients BaseURL instead.
	*httptest.Server
	// BaseURL is the URL to pass to chatsdk.WithBaseURL: the server's URL
	// followed by PathPrefix.
	BaseURL string
	// Token is the bearer token the server accepts.
	Token string
	// ClientID is the application client_id that owns the bot agents.
	ClientID string

	delivery *http.Client
	kit      *fake.Kit
	router   *fake.Router

	mu        sync.Mutex
	bots      map[string]*chatio.BotAgent
	botOrder  []string
	hooks     map[string]*chatio.Webhook
	hookOrder []string
}

// NewServer starts a fake Configuration API on a loopback address.
func NewServer(opts ...Option) *Server {
	cfg := config{token: DefaultToken, clientID: DefaultClientID, now: time.Now}
	for _, o := range opts {
		if o != nil {
			o(&cfg)
		}
	}
	if cfg.token == "" {
		cfg.token = DefaultToken
	}
	if cfg.clientID == "" {
		cfg.clientID = DefaultClientID
	}
	if cfg.delivery == nil {
		cfg.delivery = &http.Client{Timeout: 10 * time.Second}
	}
	s := &Server{
		Token:    cfg.token,
		ClientID: cfg.clientID,
		delivery: cfg.delivery,
		bots:     map[string]*chatio.BotAgent{},
		hooks:    map[string]*chatio.Webhook{},
	}
	s.router = fake.NewRouter(PathPrefix)
	for endpoint, h := range handlers {
		s.router.Handle(http.MethodPost, endpoint, s.operation(h))
	}
	s.kit = fake.New(fake.Config{
		Token:        cfg.token,
		Schemes:      []string{"Bearer"},
		Challenge:    `Bearer realm="chat.io"`,
		MissingToken: "Authentication error",
		InvalidToken: "Authentication error",
		Prefix:       PathPrefix,
		Now:          cfg.now,
		ErrorBody:    errorBody,
		BeforeAuth:   s.knownEndpoint,
	})
	s.Server = httptest.NewServer(s.kit.Handler(http.HandlerFunc(s.serveHTTP)))
	s.BaseURL = s.Server.URL + PathPrefix
	return s
}

// Reset forgets every bot agent, webhook and pending FailNext failure;
// the recorded requests are kept.
func (s *Server) Reset() {
	s.kit.ClearFailures()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.bots = map[string]*chatio.BotAgent{}
	s.botOrder = nil
	s.hooks = map[string]*chatio.Webhook{}
	s.hookOrder = nil
}

// Failure describes failures for FailNext to inject: the next Times
// requests that match Method and Path are answered with Status and Body,
// after the token check and before they change anything.
type Failure struct {
	// Method is the HTTP method to match; "" matches any.
	Method string
	// Path is the pattern of the path below BaseURL to match; "" matches
	// any. It is matched like path.Match, where a segment written
	// "{name}" or "<name>" matches any one segment:
	// "/agents/create_bot_agent", "/webhooks/*".
	Path string
	// Status is the HTTP status to answer.
	Status int
	// Body is the exact response body, such as ErrorBody(
	// chatio.ErrorTypeLicenseExpired, "License expired"); nil sends the
	// documented error body with the type that fits Status
	// (authentication for 401, authorization for 403, not_found for 404,
	// request_timeout for 408 and 504, internal for other 5xx, validation
	// for other 4xx).
	Body []byte
	// Times is how many matching requests fail; 0 means 1.
	Times int
}

// Request is a request the server received.
type Request struct {
	// Method is the HTTP method.
	Method string
	// Path is the unescaped path below BaseURL, such as
	// "/agents/create_bot_agent".
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

// FailNext queues f: use it to test how an integration handles API errors;
// for example a 503 to Create surfaces as chatsdk.ErrMayHaveBeenApplied in
// the chatio client, which does not retry it. A request fails by the first
// queued Failure it matches, so FailNext(Failure{Status: 503}) then
// FailNext(Failure{Status: 429}) fails the next request with 503 and the one
// after with 429. A status of 429 or 503 also sends "Retry-After: 0".
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

// ErrorBody returns the documented error body
// {"error": {"type": errType, "message": message}}, for Failure.Body.
func ErrorBody(errType, message string) []byte {
	b, _ := json.Marshal(errorDoc(errType, message))
	return b
}

func errorDoc(errType, message string) any {
	return map[string]any{"error": map[string]string{"type": errType, "message": message}}
}

// errorBody is the documented error body with the type that fits status.
func errorBody(status int, message string) any {
	typ := chatio.ErrorTypeValidation
	switch {
	case status == http.StatusUnauthorized:
		typ = chatio.ErrorTypeAuthentication
	case status == http.StatusForbidden:
		typ = chatio.ErrorTypeAuthorization
	case status == http.StatusNotFound:
		typ = chatio.ErrorTypeNotFound
	case status == http.StatusRequestTimeout || status == http.StatusGatewayTimeout:
		typ = chatio.ErrorTypeRequestTimeout
	case status >= 500:
		typ = chatio.ErrorTypeInternal
	}
	return errorDoc(typ, message)
}

// BotAgents returns copies of the stored bot agents, with every detail, in
// creation order.
func (s *Server) BotAgents() []chatio.BotAgent {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]chatio.BotAgent, 0, len(s.botOrder))
	for _, id := range s.botOrder {
		out = append(out, clone(*s.bots[id]))
	}
	return out
}

// Webhooks returns copies of the registered webhooks in registration order.
func (s *Server) Webhooks() []chatio.Webhook {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]chatio.Webhook, 0, len(s.hookOrder))
	for _, id := range s.hookOrder {
		out = append(out, clone(*s.hooks[id]))
	}
	return out
}

// apiError is an answer in the documented error shape.
type apiError struct {
	status int
	typ    string
	msg    string
}

func (e *apiError) Error() string { return e.typ + ": " + e.msg }

func errValidation(format string, args ...any) *apiError {
	return &apiError{http.StatusBadRequest, chatio.ErrorTypeValidation, fmt.Sprintf(format, args...)}
}

func errNotFound(format string, args ...any) *apiError {
	return &apiError{http.StatusNotFound, chatio.ErrorTypeNotFound, fmt.Sprintf(format, args...)}
}

func writeJSON(w http.ResponseWriter, status int, v any) { fake.WriteJSON(w, status, v) }

func writeError(w http.ResponseWriter, e *apiError) {
	writeJSON(w, e.status, errorDoc(e.typ, e.msg))
}

// handlers maps each endpoint below PathPrefix to its operation.
var handlers = map[string]func(*Server, []byte) (any, *apiError){
	"/agents/create_bot_agent":      (*Server).createBotAgent,
	"/agents/update_bot_agent":      (*Server).updateBotAgent,
	"/agents/remove_bot_agent":      (*Server).removeBotAgent,
	"/agents/get_bot_agents":        (*Server).listBotAgents,
	"/agents/get_bot_agent_details": (*Server).getBotAgent,
	"/webhooks/register_webhook":    (*Server).registerWebhook,
	"/webhooks/get_webhooks_config": (*Server).listWebhooks,
	"/webhooks/unregister_webhook":  (*Server).unregisterWebhook,
}

// knownEndpoint answers 404 to a path that is no endpoint, before the
// token is checked.
func (s *Server) knownEndpoint(w http.ResponseWriter, r *http.Request) bool {
	if _, _, status, _ := s.router.Lookup(r); status == http.StatusNotFound || status == http.StatusBadRequest {
		writeError(w, errNotFound("no endpoint %s", r.URL.Path))
		return false
	}
	return true
}

// serveHTTP runs the operation of an authenticated request; every
// operation is a POST.
func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	h, params, status, _ := s.router.Lookup(r)
	if status != 0 {
		w.Header().Set("Allow", http.MethodPost)
		writeError(w, &apiError{http.StatusMethodNotAllowed, chatio.ErrorTypeValidation, "use POST"})
		return
	}
	h(w, r, params)
}

// operation adapts an operation to a route handler.
func (s *Server) operation(h func(*Server, []byte) (any, *apiError)) fake.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request, _ fake.Params) {
		body, err := io.ReadAll(r.Body) // bounded and buffered by the kit
		if err != nil {
			writeError(w, errValidation("reading body: %v", err))
			return
		}
		out, apiErr := h(s, body)
		if apiErr != nil {
			writeError(w, apiErr)
			return
		}
		writeJSON(w, http.StatusOK, out)
	}
}

// decode reads a JSON object into v, refusing unknown fields. An empty body
// reads as {}.
func decode(body []byte, v any) *apiError {
	if len(bytes.TrimSpace(body)) == 0 {
		body = []byte("{}")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return errValidation("Wrong format of request: %v", err)
	}
	if dec.More() {
		return errValidation("Wrong format of request: data after the JSON object")
	}
	return nil
}

// validation turns a chatio Validate error into a validation answer.
func validation(err error) *apiError {
	var ve *chatsdk.ParamError
	if errors.As(err, &ve) && ve.Field != "" {
		return errValidation("%s: %s", ve.Field, ve.Problem)
	}
	return errValidation("%v", err)
}

// newID returns n random bytes as lowercase hex.
func newID(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// clone deep-copies a model through JSON, so stored state never aliases a
// caller's values.
func clone[T any](v T) T {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	var out T
	if err := json.Unmarshal(b, &out); err != nil {
		panic(err)
	}
	return out
}
