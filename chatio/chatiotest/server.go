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
// For tests: FailNext makes the next requests fail with a chosen status and
// error type, Send posts a forged delivery (wrong secret, unknown action),
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
	"strings"
	"sync"
	"time"

	"github.com/chatsdk-go/chatsdk/chatio"
)

// DefaultToken is the token a Server accepts unless WithToken changes it.
const DefaultToken = "chatiotest-token"

// DefaultClientID is the application client_id that owns the bot agents
// created on a Server unless WithClientID changes it.
const DefaultClientID = "chatiotest-client"

// PathPrefix is the path of BaseURL on the fake's host, as in the real
// https://api.chat.io/configuration/v0.4.
const PathPrefix = "/configuration/v0.4"

// maxBody bounds request bodies.
const maxBody = 1 << 20

// Option configures a Server.
type Option func(*config)

type config struct {
	token    string
	clientID string
	delivery *http.Client
}

// WithToken sets the bearer token the server accepts (default DefaultToken;
// an empty token keeps the default).
func WithToken(token string) Option { return func(c *config) { c.token = token } }

// WithClientID sets the application client_id reported as the owner of the
// bot agents (default DefaultClientID; empty keeps the default).
func WithClientID(clientID string) Option { return func(c *config) { c.clientID = clientID } }

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

	mu        sync.Mutex
	bots      map[string]*chatio.BotAgent
	botOrder  []string
	hooks     map[string]*chatio.Webhook
	hookOrder []string
	failures  []*apiError
}

// NewServer starts a fake Configuration API on a loopback address.
func NewServer(opts ...Option) *Server {
	cfg := config{token: DefaultToken, clientID: DefaultClientID}
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
	s.Server = httptest.NewServer(http.HandlerFunc(s.serveHTTP))
	s.BaseURL = s.Server.URL + PathPrefix
	return s
}

// Reset forgets every bot agent, webhook and pending FailNext failure.
func (s *Server) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failures = nil
	s.bots = map[string]*chatio.BotAgent{}
	s.botOrder = nil
	s.hooks = map[string]*chatio.Webhook{}
	s.hookOrder = nil
}

// FailNext makes the next n authenticated requests to any operation fail,
// before they change anything, with status and the documented error body
// {"error": {"type": errType, "message": message}}. Use it to test how an
// integration handles API errors; for example a 503 to Create surfaces as
// chatsdk.ErrMayHaveBeenApplied in the chatio client, which does not retry it.
// Calls add up: FailNext(1, 503, ...) then FailNext(1, 429, ...) fails the next
// request with 503 and the one after with 429.
func (s *Server) FailNext(n, status int, errType, message string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for range n {
		s.failures = append(s.failures, &apiError{status, errType, message})
	}
}

// nextFailure pops the next injected failure, if any.
func (s *Server) nextFailure() *apiError {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.failures) == 0 {
		return nil
	}
	e := s.failures[0]
	s.failures = s.failures[1:]
	return e
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

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, e *apiError) {
	if e.status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="chat.io"`)
	}
	writeJSON(w, e.status, map[string]any{"error": map[string]string{"type": e.typ, "message": e.msg}})
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

func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	endpoint, ok := strings.CutPrefix(r.URL.Path, PathPrefix)
	h := handlers[endpoint]
	if !ok || h == nil {
		writeError(w, errNotFound("no endpoint %s", r.URL.Path))
		return
	}
	if r.Header.Get("Authorization") != "Bearer "+s.Token {
		writeError(w, &apiError{http.StatusUnauthorized, chatio.ErrorTypeAuthentication, "Authentication error"})
		return
	}
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		writeError(w, &apiError{http.StatusMethodNotAllowed, chatio.ErrorTypeValidation, "use POST"})
		return
	}
	if e := s.nextFailure(); e != nil {
		writeError(w, e)
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody+1))
	if err != nil {
		writeError(w, errValidation("reading body: %v", err))
		return
	}
	if len(body) > maxBody {
		writeError(w, &apiError{http.StatusRequestEntityTooLarge, chatio.ErrorTypeValidation, "request body too large"})
		return
	}
	out, apiErr := h(s, body)
	if apiErr != nil {
		writeError(w, apiErr)
		return
	}
	writeJSON(w, http.StatusOK, out)
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
	var ve *chatio.ValidationError
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
