package core

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"github.com/chatsdk-go/chatsdk"
	"github.com/hashicorp/go-retryablehttp"
)

// callState is what one call's retry decisions need. It is the request's
// context (wrapping the caller's), because go-retryablehttp's CheckRetry
// sees only the context, and it carries the call's httptrace hooks itself:
// the call state costs no context values of its own.
type callState struct {
	// parent is the caller's context.
	parent context.Context
	// ownTrace is set when Value answers httptrace's lookup with trace
	// (the caller's context has no trace of its own to compose with).
	ownTrace   bool
	replaySafe bool
	token      string
	// path is the escaped request path, for errors and logs, once
	// escapedPath has computed it.
	path string
	// phase is how far the current attempt got (phaseUnobserved,
	// phaseConnecting, phaseWritten), as the httptrace hooks saw it.
	phase              atomic.Int32
	mayHaveBeenApplied bool
	retryAfterTooLong  bool
	// attempts counts the attempts checkRetry has judged.
	attempts int
	trace    httptrace.ClientTrace
	// limit is waited on before each attempt; nil without a rate limiter.
	limit *callLimit
	// operation and method name the call in log lines.
	operation, method string
	// noRetries is set by WithoutRetries: no attempt is retried.
	noRetries bool
	// wantBody is set when the caller decodes the answer: checkRetry then
	// reads a replay-safe request's successful body, so that a body that
	// fails to arrive is retried like a connection error.
	wantBody bool
	// bodyRead, body, release and bodyErr are the last attempt's body
	// read by checkRetry.
	bodyRead bool
	// bodyEOF is set when the body read last reached the end of the
	// body: there is nothing left to drain.
	bodyEOF bool
	body    []byte
	buf     *bytes.Buffer
	bodyErr error
	// limited bounds the reads of the answer's body.
	limited io.LimitedReader
	// reqBody reads the request body of the first attempt; retries read
	// fresh copies from the request's GetBody.
	reqBody bytes.Reader
	// request is what go-retryablehttp sends.
	request retryablehttp.Request
	// client, waitFrom (when a retried attempt was judged), totalWait,
	// budgetTaken and paced serve the extension hooks (response_meta.go)
	// and the retry log line.
	client      *Client
	waitFrom    time.Time
	totalWait   time.Duration
	budgetTaken int
	paced       int
	// middleware wraps each attempt (client's first, then the call's);
	// route is the request's route template for it.
	middleware []chatsdk.Middleware
	route      string
}

// escapedPath returns the escaped path of the call's request, computed at
// the first error or log line that names it.
func (st *callState) escapedPath() string {
	if st.path == "" && st.request.Request != nil {
		st.path = st.request.URL.EscapedPath()
	}
	return st.path
}

// releaseBody returns a body buffer to its pool.
func (st *callState) releaseBody() {
	if st.buf != nil {
		putBuffer(st.buf)
	}
	st.body, st.buf, st.bodyErr, st.bodyRead, st.bodyEOF = nil, nil, nil, false, false
}

// readBody reads a successful answer's body into st.body (see readBodyInto).
func (st *callState) readBody(resp *http.Response, limit int64) {
	st.releaseBody()
	st.body, st.buf, st.bodyErr = readBodyInto(resp.Body, resp.ContentLength, limit, &st.limited)
	// A body read into a pooled buffer was read up to its end.
	st.bodyEOF = st.buf != nil && st.bodyErr == nil
}

// drainAndClose reads what is left of body, up to maxDrain, so that the
// connection can be reused, and closes it. The body of the last read that
// reached its end is closed at once.
func (st *callState) drainAndClose(body io.ReadCloser) {
	if st.bodyEOF {
		st.bodyEOF = false
		_ = body.Close()
		return
	}
	st.limited = io.LimitedReader{R: body, N: maxDrain}
	_, _ = io.Copy(io.Discard, &st.limited)
	st.limited.R = nil
	_ = body.Close()
}

// bodyOf returns the GetBody of a request whose body is data: a fresh
// reader of data each time. Request bodies are io.NopCloser around a
// *bytes.Reader, a body net/http knows is in memory: it then writes the
// header and the body together instead of flushing the header first (one
// write, one TCP segment for a small request).
func bodyOf(data []byte) func() (io.ReadCloser, error) {
	return func() (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(data)), nil
	}
}

// noBody is the GetBody of a request without a body.
func noBody() (io.ReadCloser, error) { return http.NoBody, nil }

// rewindBody is go-retryablehttp's PrepareRetry: each retry reads the body
// from the start.
func rewindBody(req *http.Request) error {
	if req.GetBody == nil {
		return nil
	}
	body, err := req.GetBody()
	if err != nil {
		return err
	}
	req.Body = body
	return nil
}

// Attempt phases. A transport that does not report httptrace events (a
// custom RoundTripper) leaves an attempt unobserved: such an attempt may
// have reached the server.
const (
	phaseUnobserved int32 = iota
	phaseConnecting
	phaseWritten
)

type callStateKey struct{}

// traceKey is the context key under which net/http looks up a request's
// httptrace.ClientTrace, learned once by asking httptrace for it.
var traceKey = func() any {
	var p keyProbe
	httptrace.ContextClientTrace(&p)
	return p.key
}()

// keyProbe is a context that remembers the key it was asked for.
type keyProbe struct {
	context.Context
	key any
}

func (p *keyProbe) Value(key any) any {
	p.key = key
	return nil
}

// attach makes st the context of the call's requests, wrapping ctx, with
// the phase hooks as its trace. When ctx already carries a trace, the hooks
// are composed with it by httptrace.
func (st *callState) attach(ctx context.Context) context.Context {
	st.parent = ctx
	st.trace.GetConn = func(string) { st.phase.Store(phaseConnecting) }
	st.trace.WroteHeaders = func() { st.phase.Store(phaseWritten) }
	if traceKey == nil || httptrace.ContextClientTrace(ctx) != nil {
		return httptrace.WithClientTrace(st, &st.trace)
	}
	st.ownTrace = true
	return st
}

// Deadline implements context.Context.
func (st *callState) Deadline() (time.Time, bool) { return st.parent.Deadline() }

// Done implements context.Context.
func (st *callState) Done() <-chan struct{} { return st.parent.Done() }

// Err implements context.Context.
func (st *callState) Err() error { return st.parent.Err() }

// Value implements context.Context: st under callStateKey, its trace under
// httptrace's key, else the caller's values.
func (st *callState) Value(key any) any {
	switch {
	case key == callStateKey{}:
		return st
	case st.ownTrace && key == traceKey:
		return &st.trace
	}
	return st.parent.Value(key)
}

// String names the context in panics and debug output.
func (st *callState) String() string { return "chatsdk call " + st.operation }

// stateOf returns the call state carried by ctx, nil when there is none.
func stateOf(ctx context.Context) *callState {
	if st, ok := ctx.(*callState); ok {
		return st
	}
	st, _ := ctx.Value(callStateKey{}).(*callState)
	return st
}

// neverReachedServer reports whether the current attempt provably ended
// before any of the request was written to a connection.
func (st *callState) neverReachedServer() bool {
	return st.phase.Load() == phaseConnecting
}

// attemptClient returns the client go-retryablehttp sends with: a copy of hc
// whose transport is wrapped in attemptTransport and whose redirects never
// leave base's origin.
func attemptClient(hc *http.Client, base *url.URL) *http.Client {
	c := *hc
	next := c.Transport
	if next == nil {
		next = http.DefaultTransport
	}
	c.Transport = attemptTransport{next: next}
	c.CheckRedirect = sameOriginRedirects(base, hc.CheckRedirect)
	return &c
}

// maxRedirects is net/http's own limit, kept when the caller set no policy.
const maxRedirects = 10

// sameOriginRedirects follows a redirect only to base's scheme, host and
// port, then applies the caller's policy (or net/http's limit of 10). A
// redirect elsewhere is not followed: net/http would forward the
// Authorization header to a subdomain, another port or plain http. The 3xx
// answer is returned instead, and Do reports it as an *APIError.
func sameOriginRedirects(base *url.URL, callers func(*http.Request, []*http.Request) error) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		if !sameOrigin(base, req.URL) || req.URL.User != nil {
			return http.ErrUseLastResponse
		}
		if callers != nil {
			return callers(req, via)
		}
		if len(via) >= maxRedirects {
			return fmt.Errorf("stopped after %d redirects", maxRedirects)
		}
		return nil
	}
}

// attemptTransport marks the start of each attempt for the retry decision.
// It also hides the wrapped transport's CloseIdleConnections, which
// go-retryablehttp calls after every failed call: that would close the idle
// connections that every other call shares.
type attemptTransport struct{ next http.RoundTripper }

func (t attemptTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	st := stateOf(req.Context())
	if st == nil {
		return t.next.RoundTrip(req)
	}
	if err := st.client.beforeAttempt(req, st); err != nil {
		return nil, err
	}
	if err := st.waitRateLimit(req); err != nil {
		return nil, err
	}
	st.phase.Store(phaseUnobserved)
	if !st.replaySafe && (req.Body == nil || req.Body == http.NoBody) && transportReplaysBodiless(req.Method) {
		// net/http itself resends a GET, HEAD, OPTIONS or TRACE without a
		// body (a GET such as ChatrHub's Transfer Chat) when a reused
		// connection breaks after writing it. A body that cannot be
		// rewound makes it non-replayable; for these methods net/http
		// still sends an empty one as no body. A body-less POST is not
		// replayed by net/http (unless it carries an Idempotency-Key,
		// which asks for that) and keeps its Content-Length: 0.
		req = req.Clone(req.Context())
		req.Body, req.GetBody = io.NopCloser(strings.NewReader("")), nil
	}
	if len(st.middleware) > 0 {
		info := chatsdk.AttemptInfo{Operation: st.operation, Route: st.route, Attempt: st.attempts}
		return runMiddleware(st.middleware, req, info, t.next.RoundTrip)
	}
	return t.next.RoundTrip(req)
}

// transportReplaysBodiless lists the methods net/http's
// Request.isReplayable resends without an Idempotency-Key header.
func transportReplaysBodiless(method string) bool {
	switch method {
	case "", http.MethodGet, http.MethodHead, http.MethodOptions, http.MethodTrace:
		return true
	}
	return false
}

func replaySafe(r *Request) bool {
	if r.ReplaySafe != nil {
		return *r.ReplaySafe
	}
	switch r.Method {
	case http.MethodGet, http.MethodHead, http.MethodPut, http.MethodDelete, http.MethodOptions:
		return true
	}
	return false
}

// retryableStatus lists the answers worth another attempt.
func retryableStatus(code int) bool {
	switch code {
	case http.StatusRequestTimeout, http.StatusTooManyRequests,
		http.StatusInternalServerError, http.StatusBadGateway,
		http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// checkRetry retries 408/429/500/502/503/504 and connection errors, but
// only for requests that are safe to replay, or that provably never reached
// the server (no request header was written to a connection). A request that
// is not safe to replay and may have reached the server is marked
// mayHaveBeenApplied instead. A Retry-After longer than the maximum wait
// stops at once. When ctx has ended, the last answer (or ctx's error) is
// returned without another attempt. A replay-safe request's successful body
// is read here, when the caller decodes it: a body that fails to arrive is
// a connection error. Each attempt is logged (metadata only).
func (c *Client) checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	st := stateOf(ctx)
	if st == nil {
		return false, err
	}
	retry, checkErr := c.judgeAttempt(ctx, st, resp, err)
	retry = c.afterJudge(ctx, st, resp, err, retry)
	if c.logger != nil {
		c.logAttempt(ctx, st, resp, err, retry)
	}
	return retry, checkErr
}

func (c *Client) judgeAttempt(ctx context.Context, st *callState, resp *http.Response, err error) (bool, error) {
	st.attempts++
	if err != nil {
		neverReached := st.neverReachedServer()
		if !st.replaySafe && !neverReached {
			st.mayHaveBeenApplied = true
		}
		if ctxErr := ctx.Err(); ctxErr != nil {
			return false, ctxErr
		}
		if permanentTransportError(err) {
			return false, err
		}
		if st.replaySafe || neverReached {
			return true, nil
		}
		return false, err
	}
	if resp.StatusCode < 300 {
		if !st.replaySafe || !st.wantBody {
			return false, nil
		}
		st.readBody(resp, c.maxBody)
		st.bodyRead = true
		if st.bodyErr == nil {
			return false, nil
		}
		// Closed unread: draining a body that is too large, or broken,
		// would only wait for bytes nobody uses.
		_ = resp.Body.Close()
		if errors.Is(st.bodyErr, errResponseTooLarge) {
			return false, nil
		}
		if ctxErr := ctx.Err(); ctxErr != nil {
			return false, ctxErr
		}
		return true, nil
	}
	if !retryableStatus(resp.StatusCode) {
		return false, nil
	}
	if !st.replaySafe {
		// 429 says the request was refused, not applied.
		st.mayHaveBeenApplied = resp.StatusCode != http.StatusTooManyRequests
	}
	if ParseRetryAfter(resp.Header, time.Now()) > c.retryMax {
		st.retryAfterTooLong = true
		return false, nil
	}
	if !st.replaySafe || ctx.Err() != nil {
		return false, nil
	}
	if st.attempts <= c.retry.RetryMax {
		// go-retryablehttp drains only 4 KiB before it retries; read more
		// so that a large error page does not cost the connection. The
		// last answer keeps its body for the APIError.
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, maxDrain))
	}
	return true, nil
}

// permanentTransportError reports errors that another attempt cannot fix.
func permanentTransportError(err error) bool {
	if isLimiterError(err) {
		return true
	}
	var certErr *tls.CertificateVerificationError
	if errors.As(err, &certErr) {
		return true
	}
	var urlErr *url.Error
	if errors.As(err, &urlErr) && errors.Is(urlErr.Err, http.ErrSchemeMismatch) {
		return true
	}
	return false
}

// Backoff is the wait before retry attemptNum (0-based): the server's
// Retry-After (seconds or HTTP-date) when it sent one, else an exponential
// wait from min with jitter ("equal jitter": between half and all of
// min*2^attempt), never more than max.
func Backoff(min, max time.Duration, attemptNum int, resp *http.Response) time.Duration {
	if resp != nil {
		if ra := ParseRetryAfter(resp.Header, time.Now()); ra > 0 {
			if ra > max {
				return max
			}
			return ra
		}
	}
	wait := min
	for i := 0; i < attemptNum && wait < max; i++ {
		wait *= 2
	}
	if wait > max || wait <= 0 {
		wait = max
	}
	half := wait / 2
	return half + rand.N(wait-half+1) //nolint:gosec // jitter needs no cryptographic randomness
}
