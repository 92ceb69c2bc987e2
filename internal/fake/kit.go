// Package fake is the kit the in-memory API fakes (chatrhubtest, giosgtest,
// chatiotest) are built on: the token check, the clock, the request
// recorder, injected failures (FailNext), the request body limit, JSON
// answers in the API's error shape and a method+pattern router.
package fake

import (
	"bytes"
	"crypto/subtle"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"path"
	"strings"
	"sync"
	"time"
)

// DefaultMaxBody is the request body limit of a Kit whose Config sets none.
const DefaultMaxBody = 1 << 20

// InjectedMessage is the error message of an injected failure without a
// Body.
const InjectedMessage = "failure injected by FailNext"

// Failure describes failures to inject: the next Times requests that match
// Method and Path ("" matches any; Path is matched like path.Match, where
// a segment written "{name}" or "<name>" matches any one segment) are
// answered with Status and Body (nil: the API's own error body for
// Status) without reaching the API, after the token check; Times 0 means
// 1. Each fake's exported Failure type has these fields, documented there,
// and converts to it.
type Failure struct {
	Method, Path string
	Status       int
	Body         []byte
	Times        int
}

// Request is a request the server received: its Method, its unescaped
// Path below BaseURL, the parsed Query, the Header without Authorization,
// the Body up to the body limit, the Time it arrived on the kit's clock and
// the Status answered. Each fake's exported Request type has these fields,
// documented there, and is converted from it.
type Request struct {
	Method, Path string
	Query        url.Values
	Header       http.Header
	Body         []byte
	Time         time.Time
	Status       int
}

// Config configures a Kit.
type Config struct {
	// Token is the token the server accepts.
	Token string
	// Schemes lists the accepted Authorization schemes, compared without
	// regard to case, such as []string{"Bearer"}.
	Schemes []string
	// Challenge is the WWW-Authenticate value sent with a 401.
	Challenge string
	// MissingToken and InvalidToken are the error messages of a 401
	// without and with an Authorization header.
	MissingToken, InvalidToken string
	// Prefix is the path of BaseURL on the server ("/api/v1"): Request.Path
	// and Failure.Path are below it.
	Prefix string
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// MaxBody bounds request bodies (larger ones answer 413); 0 means
	// DefaultMaxBody.
	MaxBody int64
	// ErrorBody returns the API's error body for status and message.
	ErrorBody func(status int, message string) any
	// BeforeAuth, when set, runs before the token check; returning false
	// means it has answered the request (an unknown path, say).
	BeforeAuth func(w http.ResponseWriter, r *http.Request) bool
}

// Kit holds the state shared by every fake: recorded requests and pending
// failures. It is safe for concurrent use.
type Kit struct {
	cfg Config

	mu       sync.Mutex
	requests []Request
	failures []Failure
}

// New returns a Kit for cfg.
func New(cfg Config) *Kit {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = DefaultMaxBody
	}
	if cfg.ErrorBody == nil {
		cfg.ErrorBody = func(_ int, message string) any { return map[string]string{"error": message} }
	}
	if cfg.MissingToken == "" {
		cfg.MissingToken = "missing credentials"
	}
	if cfg.InvalidToken == "" {
		cfg.InvalidToken = "invalid token"
	}
	return &Kit{cfg: cfg}
}

// Now returns the current time on the kit's clock.
func (k *Kit) Now() time.Time { return k.cfg.Now() }

// Token returns the accepted token.
func (k *Kit) Token() string { return k.cfg.Token }

// MaxBody returns the request body limit.
func (k *Kit) MaxBody() int64 { return k.cfg.MaxBody }

// FailNext queues f; a request fails by the first queued Failure it matches.
func (k *Kit) FailNext(f Failure) {
	if f.Times <= 0 {
		f.Times = 1
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	k.failures = append(k.failures, f)
}

// ClearFailures drops every pending failure.
func (k *Kit) ClearFailures() {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.failures = nil
}

// Requests returns copies of the recorded requests in the order they were
// answered.
func (k *Kit) Requests() []Request {
	k.mu.Lock()
	defer k.mu.Unlock()
	out := make([]Request, len(k.requests))
	for i, r := range k.requests {
		r.Query = cloneValues(r.Query)
		r.Header = r.Header.Clone()
		r.Body = bytes.Clone(r.Body)
		out[i] = r
	}
	return out
}

// RequestCount reports how many recorded requests match method ("" any)
// and the path pattern ("" any, written as Failure.Path).
func (k *Kit) RequestCount(method, pattern string) int {
	k.mu.Lock()
	defer k.mu.Unlock()
	n := 0
	for _, r := range k.requests {
		if matches(method, pattern, r.Method, r.Path) {
			n++
		}
	}
	return n
}

// Handler wraps next with the kit: it records the request, bounds and
// buffers its body, runs BeforeAuth, checks the token and answers pending
// failures before next sees the request.
func (k *Kit) Handler(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := Request{
			Method: r.Method,
			Path:   strings.TrimPrefix(r.URL.Path, k.cfg.Prefix),
			Query:  r.URL.Query(),
			Header: r.Header.Clone(),
			Time:   k.cfg.Now(),
		}
		rec.Header.Del("Authorization")
		sw := &statusWriter{ResponseWriter: w}
		defer func() {
			rec.Status = sw.status
			if rec.Status == 0 {
				rec.Status = http.StatusOK
			}
			k.mu.Lock()
			k.requests = append(k.requests, rec)
			k.mu.Unlock()
		}()
		var data []byte
		if r.Body != nil {
			var err error
			data, err = io.ReadAll(io.LimitReader(r.Body, k.cfg.MaxBody+1))
			if err != nil {
				k.WriteError(sw, http.StatusBadRequest, "cannot read the request body")
				return
			}
		}
		if int64(len(data)) > k.cfg.MaxBody {
			rec.Body = data[:k.cfg.MaxBody]
			k.WriteError(sw, http.StatusRequestEntityTooLarge, "request body too large")
			return
		}
		rec.Body = data
		r.Body = io.NopCloser(bytes.NewReader(data))
		if k.cfg.BeforeAuth != nil && !k.cfg.BeforeAuth(sw, r) {
			return
		}
		if !k.authorized(r) {
			if k.cfg.Challenge != "" {
				sw.Header().Set("WWW-Authenticate", k.cfg.Challenge)
			}
			msg := k.cfg.InvalidToken
			if r.Header.Get("Authorization") == "" {
				msg = k.cfg.MissingToken
			}
			k.WriteError(sw, http.StatusUnauthorized, msg)
			return
		}
		if f, ok := k.takeFailure(rec.Method, rec.Path); ok {
			k.writeFailure(sw, f)
			return
		}
		next.ServeHTTP(sw, r)
	})
}

func (k *Kit) authorized(r *http.Request) bool {
	scheme, tok, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || tok == "" {
		return false
	}
	known := false
	for _, s := range k.cfg.Schemes {
		if strings.EqualFold(scheme, s) {
			known = true
		}
	}
	return known && subtle.ConstantTimeCompare([]byte(tok), []byte(k.cfg.Token)) == 1
}

func (k *Kit) takeFailure(method, p string) (Failure, bool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	for i := range k.failures {
		f := &k.failures[i]
		if !matches(f.Method, f.Path, method, p) {
			continue
		}
		out := *f
		f.Times--
		if f.Times <= 0 {
			k.failures = append(k.failures[:i], k.failures[i+1:]...)
		}
		return out, true
	}
	return Failure{}, false
}

func (k *Kit) writeFailure(w http.ResponseWriter, f Failure) {
	if f.Status == http.StatusTooManyRequests || f.Status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "0")
	}
	if f.Body == nil {
		k.WriteError(w, f.Status, InjectedMessage)
		return
	}
	if json.Valid(f.Body) {
		w.Header().Set("Content-Type", "application/json")
	}
	w.WriteHeader(f.Status)
	_, _ = w.Write(f.Body)
}

// WriteError answers status with the API's error body for message.
func (k *Kit) WriteError(w http.ResponseWriter, status int, message string) {
	WriteJSON(w, status, k.cfg.ErrorBody(status, message))
}

// WriteJSON answers status with v encoded as JSON. A 204 or a nil v sends
// no body.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	if status == http.StatusNoContent || v == nil {
		w.WriteHeader(status)
		return
	}
	b, err := json.Marshal(v)
	if err != nil {
		http.Error(w, "cannot encode the answer: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// matches reports whether a request (method, p) fits a method and path
// pattern, either of which may be "" for any.
func matches(wantMethod, pattern, method, p string) bool {
	if wantMethod != "" && !strings.EqualFold(wantMethod, method) {
		return false
	}
	if pattern == "" {
		return true
	}
	ok, err := path.Match(globPattern(pattern), p)
	return err == nil && ok
}

// globPattern turns "{name}" and "<name>" placeholders into "*".
func globPattern(pattern string) string {
	var b strings.Builder
	for i := 0; i < len(pattern); i++ {
		c := pattern[i]
		if c == '{' || c == '<' {
			end := byte('}')
			if c == '<' {
				end = '>'
			}
			if j := strings.IndexByte(pattern[i:], end); j > 0 && !strings.Contains(pattern[i:i+j], "/") {
				b.WriteByte('*')
				i += j
				continue
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

func cloneValues(v url.Values) url.Values {
	if v == nil {
		return nil
	}
	out := make(url.Values, len(v))
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}

// statusWriter remembers the status written through it.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(status int) {
	if w.status == 0 {
		w.status = status
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap returns the underlying ResponseWriter, for http.ResponseController.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
