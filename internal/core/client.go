package core

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/chatsdk-go/chatsdk/internal/jsondec"

	"github.com/hashicorp/go-cleanhttp"
	"github.com/hashicorp/go-retryablehttp"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/internal/config"
)

// Defaults are what an API package fixes for its client.
type Defaults struct {
	// API names the API in error messages ("chatrhub").
	API string
	// BaseURL is used unless WithBaseURL replaces it.
	BaseURL string
	// AuthScheme is the Authorization scheme ("Bearer" or "Token").
	AuthScheme string
}

// Client sends requests for one API. It is safe for concurrent use.
type Client struct {
	api  string
	base *url.URL
	// baseStr is base without a trailing slash, joined with each Path.
	baseStr    string
	authScheme string
	token      chatsdk.TokenSource
	header     http.Header
	retry      *retryablehttp.Client
	retryMax   time.Duration
	// staticToken and staticAuth are set when the token does not come from
	// a TokenSource: the Authorization value is then built once.
	staticToken string
	staticAuth  []string
	userAgent   []string
	logger      *slog.Logger
	limit       *clientLimit
	// budget is the retry budget shared by all calls (nil without one);
	// pace holds attempts back after the API asked to slow down.
	budget *retryBudget
	pace   *pacer
	// maxBody bounds a successful answer's body (MaxResponseBody; tests
	// lower it).
	maxBody int64
	// middleware wraps every attempt; observers see every call.
	middleware []chatsdk.Middleware
	observers  []chatsdk.CallObserver
}

// Header values shared by every request (never modified).
var (
	acceptJSON      = []string{"application/json"}
	contentTypeJSON = []string{"application/json"}
)

// NewClient builds a client from the API's defaults, a static token and the
// caller's options. A token source set with WithTokenSource replaces token.
func NewClient(d Defaults, token string, opts ...chatsdk.Option) (*Client, error) {
	cfg := Config{
		MaxRetries:   DefaultMaxRetries,
		RetryWaitMin: DefaultRetryWaitMin,
		RetryWaitMax: DefaultRetryWaitMax,
		UserAgent:    DefaultUserAgent,
		AuthScheme:   d.AuthScheme,
	}
	base, err := config.ParseBaseURL(d.BaseURL)
	if err != nil {
		return nil, err
	}
	cfg.BaseURL = base
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(&cfg); err != nil {
			return nil, fmt.Errorf("%s: %w", d.API, err)
		}
	}
	static := cfg.TokenSource == nil
	if static {
		if err := validToken(token); err != nil {
			return nil, fmt.Errorf("%s: %w (pass a token or use WithTokenSource)", d.API, err)
		}
		cfg.TokenSource = func(context.Context) (string, error) { return token, nil }
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = defaultHTTPClient()
	}
	c := &Client{
		api:        d.API,
		base:       cfg.BaseURL,
		baseStr:    strings.TrimSuffix(cfg.BaseURL.String(), "/"),
		authScheme: cfg.AuthScheme,
		token:      cfg.TokenSource,
		header:     cfg.Header,
		retryMax:   cfg.RetryWaitMax,
		userAgent:  []string{cfg.UserAgent},
		maxBody:    MaxResponseBody,
		middleware: middlewareOf(cfg.Middleware),
		observers:  observersOf(cfg.Observers),
	}
	if static {
		c.staticToken = token
		c.staticAuth = []string{cfg.AuthScheme + " " + token}
	}
	c.limit = newClientLimit(d.API, cfg.RateLimiter, c.staticToken)
	c.budget = newRetryBudget(&cfg)
	c.pace = newPacer(cfg.RetryWaitMax)
	c.retry = &retryablehttp.Client{
		HTTPClient:   attemptClient(cfg.HTTPClient, cfg.BaseURL),
		RetryWaitMin: cfg.RetryWaitMin,
		RetryWaitMax: cfg.RetryWaitMax,
		RetryMax:     cfg.MaxRetries,
		CheckRetry:   c.checkRetry,
		Backoff:      Backoff,
		ErrorHandler: retryablehttp.PassthroughErrorHandler,
		PrepareRetry: rewindBody,
	}
	if cfg.Logger != nil {
		// go-retryablehttp's own lines carry the full URL, query included;
		// its Logger stays nil and the hooks log metadata instead.
		c.logger = cfg.Logger
		c.retry.RequestLogHook = c.logRetryWait
	}
	return c, nil
}

func validToken(t string) error {
	if t == "" {
		return errors.New("empty token")
	}
	for i := 0; i < len(t); i++ {
		if b := t[i]; b <= ' ' || b == 0x7f {
			return errors.New("token contains white space or control characters")
		}
	}
	return nil
}

// defaultHTTPClient has a transport of its own with net/http's default
// settings (proxy from the environment, dial and TLS handshake timeouts,
// HTTP/2, idle connection timeout), never http.DefaultTransport, which
// callers and test tools such as httpmock replace.
//
// A client talks to one host, so it keeps as many idle connections to it as
// net/http keeps in all (100): callers running concurrently, up to that
// many, reuse their connections instead of closing and dialling new ones.
func defaultHTTPClient() *http.Client {
	t := cleanhttp.DefaultPooledTransport()
	t.MaxIdleConnsPerHost = maxIdleConnsPerHost
	return &http.Client{Transport: t}
}

// maxIdleConnsPerHost is the default transport's idle connection limit.
const maxIdleConnsPerHost = 100

// BaseURL returns the configured base URL.
func (c *Client) BaseURL() *url.URL {
	u := *c.base
	return &u
}

// Request describes one API call.
type Request struct {
	// Operation names the SDK method in errors, e.g. "chatrhub.Agents.Get".
	Operation string
	Method    string
	// Path is relative to the base URL, already escaped (build it with
	// Route). When it is empty, it is Route with its {name} parameters
	// filled, in order, by PathParams, each escaped as one segment.
	Path string
	// Route is the path's template with named parameters
	// ("/agents/{agent_id}.json"), for middleware and telemetry; empty when
	// the path has no parameters.
	Route string
	// PathParams fill Route's parameters when Path is empty.
	PathParams []any
	// URL, when set, is an absolute URL to call instead of Path (a next-page
	// link). It is refused unless it has the base URL's scheme, host and port.
	URL string
	// Query is a go-querystring struct (or pointer to one) or url.Values
	// (or a plain map[string][]string).
	Query any
	// Body is encoded as the JSON request body when non-nil.
	Body any
	// ReplaySafe overrides the method's replay safety (GET, HEAD, PUT, DELETE
	// and OPTIONS are safe) for RPC-style reads sent as POST.
	ReplaySafe *bool
	// EmptyAnswer marks an operation whose empty, null or {} answer is
	// documented as an answer in itself (ChatrHub's "not assigned" group
	// link, a transfer that is not confirmed): an empty body then leaves
	// out untouched and null or {} is decoded as sent, instead of failing
	// with a *DecodeError.
	EmptyAnswer bool
}

// Do sends r and decodes a successful JSON answer into out (which may be nil
// to discard it; a 204 No Content leaves it untouched). When out is not nil,
// an answer that is empty or JSON null,
// or an empty object {} where out points to a struct, is a *DecodeError: a
// missing object never becomes a zero value. An answer of 300 or more is
// returned as *APIError. A body that fails to arrive is a *RequestError; a
// replay-safe request is then retried like any connection error.
func (c *Client) Do(ctx context.Context, r *Request, out any, opts ...chatsdk.CallOption) (*chatsdk.Response, error) {
	var cc *callConfig
	var into *chatsdk.Response
	if len(opts) > 0 {
		cc = new(callConfig)
		for _, opt := range opts {
			if opt == nil {
				continue
			}
			if err := opt(cc); err != nil {
				return nil, fmt.Errorf("%s: %w", r.Operation, err)
			}
		}
		if cc.Timeout > 0 {
			var cancel context.CancelFunc
			ctx, cancel = context.WithTimeout(ctx, cc.Timeout)
			defer cancel()
		}
		into, _ = cc.ResponseInto.(*chatsdk.Response)
		r = applyCall(cc, r)
	}
	var end func(*chatsdk.Response, *callState, error)
	if len(c.observers) > 0 {
		ctx, end = c.observe(ctx, r)
	}
	if c.logger == nil && into == nil && end == nil {
		resp, _, err := c.do(ctx, r, out, cc)
		return resp, err
	}
	start := time.Now()
	resp, st, err := c.do(ctx, r, out, cc)
	if end != nil {
		end(resp, st, err)
	}
	if c.logger != nil {
		c.logCall(ctx, r, st, resp, err, time.Since(start))
	}
	if into != nil {
		fillResponse(into, resp, st, err)
	}
	return resp, err
}

// do sends r with the call's options cc (nil when there are none); st is
// nil when nothing was sent.
func (c *Client) do(ctx context.Context, r *Request, out any, cc *callConfig) (*chatsdk.Response, *callState, error) {
	var callHeader http.Header
	var callMiddleware []chatsdk.Middleware
	if cc != nil {
		callHeader, callMiddleware = cc.Header, middlewareOf(cc.Middleware)
	}
	req, st, err := c.newRequest(ctx, r, callHeader)
	if err != nil {
		return nil, nil, err
	}
	st.noRetries = cc != nil && cc.NoRetries
	c.setMiddleware(st, callMiddleware, r)
	st.wantBody = out != nil
	defer st.releaseBody()
	resp, err := c.retry.Do(req)
	if err != nil {
		if resp != nil {
			st.drainAndClose(resp.Body)
		}
		return nil, st, c.requestError(r, st, err)
	}
	defer st.drainAndClose(resp.Body)
	meta, err := c.answer(r, st, resp, out)
	return meta, st, err
}

// answer returns the outcome of a call answered with resp, decoding a
// successful answer into out. do drains and closes the body afterwards;
// the few returns of do keep its deferred calls open-coded (a defer in a
// function with many returns is run through the runtime's defer records).
func (c *Client) answer(r *Request, st *callState, resp *http.Response, out any) (*chatsdk.Response, error) {
	if resp.StatusCode >= 300 {
		return nil, c.apiError(r, st.escapedPath(), resp, st)
	}
	meta := &chatsdk.Response{StatusCode: resp.StatusCode, Header: resp.Header}
	if out == nil || resp.StatusCode == http.StatusNoContent {
		return meta, nil
	}
	data, bodyErr := st.body, st.bodyErr
	if !st.bodyRead {
		// Not replay-safe: checkRetry left the body unread.
		st.readBody(resp, c.maxBody)
		data, bodyErr = st.body, st.bodyErr
		if bodyErr != nil {
			_ = resp.Body.Close()
			if !errors.Is(bodyErr, errResponseTooLarge) {
				st.mayHaveBeenApplied = true
			}
		}
	}
	if bodyErr != nil {
		if errors.Is(bodyErr, errResponseTooLarge) {
			return meta, newDecodeError(r.Operation, resp.StatusCode, bodyErr)
		}
		return nil, c.requestError(r, st, fmt.Errorf("reading response body: %w", bodyErr))
	}
	if r.EmptyAnswer && len(skipSpace(data)) == 0 {
		return meta, nil
	}
	decode := decodeData
	if r.EmptyAnswer {
		decode = decodeJSON
	}
	if err := decode(data, out); err != nil {
		return meta, newDecodeError(r.Operation, resp.StatusCode, c.redactErr(err, st.token))
	}
	return meta, nil
}

func (c *Client) requestError(r *Request, st *callState, err error) *chatsdk.RequestError {
	return &chatsdk.RequestError{
		Operation:          r.Operation,
		Method:             r.Method,
		Path:               redact(st.escapedPath(), st.token),
		MayHaveBeenApplied: st.mayHaveBeenApplied,
		Err:                c.redactErr(hideQuery(err, st), st.token),
	}
}

// hideQuery keeps the request's query string out of err's message: net/http
// quotes the whole URL in the *url.Error of a transport failure, and a
// query can hold user data (a visitor's email, a search term). err stays in
// the chain, so errors.As still finds the *url.Error.
func hideQuery(err error, st *callState) error {
	if st.request.Request == nil || st.request.URL.RawQuery == "" {
		return err
	}
	full := st.request.URL.String()
	msg := err.Error()
	i := strings.IndexByte(full, '?')
	if i < 0 || !strings.Contains(msg, full) {
		return err
	}
	return &redactedError{msg: strings.ReplaceAll(msg, full, full[:i]), err: err}
}

// logCall logs the outcome of one call at debug level. Like go-retryablehttp's
// lines it holds metadata only: nothing that came from a body (an API
// error's message, a value that failed to decode) and never the token.
func (c *Client) logCall(ctx context.Context, r *Request, st *callState, resp *chatsdk.Response, err error, took time.Duration) {
	attrs := make([]slog.Attr, 0, 10)
	attrs = append(attrs, slog.String("operation", operationName(r.Operation, r.Method)), slog.String("method", r.Method))
	if st != nil {
		attrs = append(attrs, slog.String("path", st.escapedPath()), slog.Int("attempts", st.attempts))
	}
	if resp != nil {
		attrs = append(attrs, slog.Int("status", resp.StatusCode))
	}
	attrs = append(attrs, slog.Duration("duration", took))
	var apiErr *chatsdk.APIError
	var decodeErr *chatsdk.DecodeError
	switch {
	case err == nil:
	case errors.As(err, &apiErr):
		attrs = append(attrs, slog.Int("status", apiErr.StatusCode), slog.String("error_type", apiErr.Type),
			slog.String("request_id", apiErr.RequestID), slog.Bool("may_have_been_applied", apiErr.MayHaveBeenApplied))
	case errors.As(err, &decodeErr):
		attrs = append(attrs, slog.String("error", "decoding response"), slog.String("field", decodeErr.Field))
	default:
		token := ""
		if st != nil {
			token = st.token
		}
		attrs = append(attrs, slog.String("error", logErrorText(err, token)))
	}
	c.logger.LogAttrs(ctx, slog.LevelDebug, "chatsdk call", attrs...)
}

// bodyBuffers holds the buffers small successful answers are read into.
var bodyBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxPooledBuffer is the largest buffer kept for reuse.
const maxPooledBuffer = 1 << 20

// bodyChunk is the size of the pieces a large body of unknown length is
// read in: the body is never copied while it grows, so reading stops at
// the limit with no more than one piece held past it.
const bodyChunk = 256 << 10

// MaxResponseBody bounds a successful answer: a larger one is refused with
// a *DecodeError rather than read into memory. A Content-Length above it is
// refused before the body is read.
const MaxResponseBody = 64 << 20

// errResponseTooLarge is the DecodeError cause for a body over the limit.
var errResponseTooLarge = errors.New("response body larger than the limit")

// errEmptyAnswer is the DecodeError cause for an empty or null answer
// where an object was expected.
var errEmptyAnswer = errors.New("empty body where an object was expected")

// errEmptyObject is the DecodeError cause for {} where an object with
// fields was expected.
var errEmptyObject = errors.New("empty object {} where an object was expected")

func putBuffer(buf *bytes.Buffer) {
	if buf.Cap() <= maxPooledBuffer {
		buf.Reset()
		bodyBuffers.Put(buf)
	}
}

// readBodyInto reads a successful answer of length n (-1 when unknown)
// into one buffer of at most limit bytes, reading through lr. buf, when not
// nil, is the pooled buffer data is in: putBuffer returns it once the data
// is no longer used.
func readBodyInto(body io.Reader, n, limit int64, lr *io.LimitedReader) (data []byte, buf *bytes.Buffer, err error) {
	if n > limit || n > maxPooledBuffer {
		return readLargeBody(body, n, limit)
	}
	buf, ok := bodyBuffers.Get().(*bytes.Buffer)
	if !ok {
		buf = new(bytes.Buffer)
	}
	first := min(limit, maxPooledBuffer)
	if n < 0 || n >= first {
		return readToEnd(body, buf, n, 0, limit, lr)
	}
	// The declared length and one byte more, which only a body longer than
	// its Content-Length fills: read in place, no growing.
	buf.Grow(int(n) + 1)
	b := buf.AvailableBuffer()[:n+1]
	m, err := io.ReadFull(body, b)
	switch {
	case int64(m) == n && (err == io.EOF || err == io.ErrUnexpectedEOF):
		return b[:m], buf, nil
	case err != nil:
		// Shorter than its Content-Length: cut off, as net/http says.
		putBuffer(buf)
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, nil, err
	}
	// Longer than its Content-Length: keep the bytes (b is buf's own
	// storage) and read on.
	buf.Write(b)
	return readToEnd(body, buf, -1, int64(m), limit, lr)
}

// readLargeBody reads a body whose Content-Length is over the limit (it is
// refused unread) or over the largest pooled buffer (it is read into a
// buffer of its own).
func readLargeBody(body io.Reader, n, limit int64) ([]byte, *bytes.Buffer, error) {
	if n > limit {
		return nil, nil, fmt.Errorf("%w: Content-Length %d, limit %d", errResponseTooLarge, n, limit)
	}
	data := make([]byte, n)
	if _, err := io.ReadFull(body, data); err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, nil, err
	}
	return data, nil, nil
}

// readToEnd reads body (of length n, -1 when unknown) into buf, which
// already holds the body's first read bytes, up to limit.
func readToEnd(body io.Reader, buf *bytes.Buffer, n, read, limit int64, lr *io.LimitedReader) ([]byte, *bytes.Buffer, error) {
	first := min(limit, maxPooledBuffer)
	if n >= 0 {
		buf.Grow(int(n) + bytes.MinRead)
	}
	*lr = io.LimitedReader{R: body, N: first + 1 - read}
	_, err := buf.ReadFrom(lr)
	lr.R = nil
	if err != nil {
		putBuffer(buf)
		return nil, nil, err
	}
	if int64(buf.Len()) <= first {
		return buf.Bytes(), buf, nil
	}
	if first == limit {
		putBuffer(buf)
		return nil, nil, fmt.Errorf("%w (%d bytes)", errResponseTooLarge, limit)
	}
	chunks := [][]byte{buf.Bytes()}
	total := int64(buf.Len())
	for {
		chunk := make([]byte, min(bodyChunk, limit+1-total))
		m, err := io.ReadFull(body, chunk)
		total += int64(m)
		if total > limit {
			return nil, nil, fmt.Errorf("%w (%d bytes)", errResponseTooLarge, limit)
		}
		chunks = append(chunks, chunk[:m])
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			return nil, nil, err
		}
	}
	data := make([]byte, 0, total)
	for i, chunk := range chunks {
		data = append(data, chunk...)
		chunks[i] = nil
	}
	return data, nil, nil
}

// BodyDecoder is implemented by response types that decode the whole body
// themselves, for example to accept two documented shapes while decoding the
// common one in a single pass (a json.Unmarshaler inside a document costs
// two extra passes over its bytes). Do passes a non-empty body that is only
// valid until DecodeBody returns.
type BodyDecoder interface {
	DecodeBody(data []byte) error
}

// decodeData decodes the first JSON value of data into out, as a
// json.Decoder would: data after the value is ignored. An empty body, JSON
// null, or {} when out points to a struct is an error: the caller expected
// an object.
func decodeData(data []byte, out any) error {
	trimmed := skipSpace(data)
	if len(trimmed) == 0 || trimmed[0] == 'n' && bytes.Equal(bytes.TrimSpace(trimmed), []byte("null")) {
		return errEmptyAnswer
	}
	if trimmed[0] == '{' && isStructPointer(out) {
		if rest := skipSpace(trimmed[1:]); len(rest) > 0 && rest[0] == '}' {
			return errEmptyObject
		}
	}
	return decodeJSON(data, out)
}

// skipSpace returns data without the leading white space bytes.TrimSpace
// would remove.
func skipSpace(data []byte) []byte {
	for i, c := range data {
		switch {
		case c >= utf8.RuneSelf:
			return bytes.TrimLeftFunc(data[i:], unicode.IsSpace)
		case c != ' ' && (c < '\t' || c > '\r'):
			return data[i:]
		}
	}
	return nil
}

// decodeJSON decodes the first JSON value of non-empty data into out.
func decodeJSON(data []byte, out any) error {
	if d, ok := out.(BodyDecoder); ok {
		return d.DecodeBody(data)
	}
	err := jsondec.Unmarshal(data, out)
	if err == nil {
		return nil
	}
	var syntaxErr *json.SyntaxError
	if errors.As(err, &syntaxErr) {
		// Unmarshal checks the whole body before it decodes anything, and
		// refuses data after the value; a decoder reads the first value.
		err = json.NewDecoder(bytes.NewReader(data)).Decode(out)
	}
	return err
}

// isStructPointer reports whether out points to a struct.
func isStructPointer(out any) bool {
	t := reflect.TypeOf(out)
	return t != nil && t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct
}

func (c *Client) newRequest(ctx context.Context, r *Request, callHeader http.Header) (*retryablehttp.Request, *callState, error) {
	target, err := c.resolve(r)
	if err != nil {
		return nil, nil, err
	}
	var body []byte
	if r.Body != nil {
		if body, err = json.Marshal(r.Body); err != nil {
			return nil, nil, fmt.Errorf("%s: encoding request body: %w", r.Operation, err)
		}
	}
	token, auth := c.staticToken, c.staticAuth
	if auth == nil {
		if token, auth, err = c.sourcedAuth(ctx, r); err != nil {
			return nil, nil, err
		}
	}
	st := &callState{replaySafe: replaySafe(r), token: token, limit: c.limit.forToken(token), operation: r.Operation, method: r.Method, client: c}
	ctx = st.attach(ctx)
	httpReq, err := http.NewRequestWithContext(ctx, r.Method, target, nil)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: building request: %w", r.Operation, err)
	}
	// The request is sent as built: go-retryablehttp rewinds the body of a
	// retry through PrepareRetry (rewindBody), from GetBody.
	httpReq.GetBody = noBody
	if len(body) > 0 {
		st.reqBody.Reset(body)
		httpReq.Body, httpReq.GetBody, httpReq.ContentLength = io.NopCloser(&st.reqBody), bodyOf(body), int64(len(body))
	}
	st.request.Request = httpReq
	req := &st.request
	// Header slices are shared, not copied: nothing modifies them, and the
	// full slice expression makes any append copy.
	h := req.Header
	for k, v := range c.header {
		h[k] = v[:len(v):len(v)]
	}
	for k, v := range callHeader {
		h[k] = v
	}
	h["Authorization"] = auth
	h["User-Agent"] = c.userAgent
	h["Accept"] = acceptJSON[:1:1]
	if body != nil {
		h["Content-Type"] = contentTypeJSON[:1:1]
	}
	return req, st, nil
}

// sourcedAuth asks the token source for the token of r and returns it with
// its Authorization header value.
func (c *Client) sourcedAuth(ctx context.Context, r *Request) (string, []string, error) {
	token, err := c.token(ctx)
	if err == nil {
		err = validToken(token)
	}
	if err != nil {
		return "", nil, &chatsdk.RequestError{Operation: r.Operation, Method: r.Method, Path: r.escapedPath(), Err: fmt.Errorf("token source: %w", err)}
	}
	return token, []string{c.authScheme + " " + token}, nil
}

// URLFor returns the absolute URL that Do would send r to (its Path or URL
// with its Query), with the same checks.
func (c *Client) URLFor(r *Request) (string, error) { return c.resolve(r) }

// resolve builds the absolute URL of r.
func (c *Client) resolve(r *Request) (string, error) {
	if r.URL != "" {
		u, err := url.Parse(r.URL)
		if err != nil || !u.IsAbs() || u.User != nil || !sameOrigin(c.base, u) {
			return "", fmt.Errorf("%s: %w", r.Operation, chatsdk.ErrUnsafeNextURL)
		}
		if r.Query == nil {
			return r.URL, nil
		}
	} else if r.Query == nil && (r.Path != "" || r.Route == "") {
		return joinURL(c.baseStr, r.Path), nil
	}
	bp, ok := urlBuffers.Get().(*[]byte)
	if !ok {
		bp = new([]byte)
	}
	defer putURLBuffer(bp)
	b := (*bp)[:0]
	if r.URL != "" {
		b = append(b, r.URL...)
	} else {
		b = append(b, c.baseStr...)
		start := len(b)
		b = r.appendEscapedPath(b)
		if len(b) > start && b[start] != '/' {
			// As joinURL: the path always starts with a slash.
			b = append(b, 0)
			copy(b[start+1:], b[start:])
			b[start] = '/'
		}
	}
	n := len(b)
	if bytes.IndexByte(b, '?') >= 0 {
		b = append(b, '&')
	} else {
		b = append(b, '?')
	}
	b, params, err := appendQuery(b, r.Query)
	*bp = b
	if err != nil {
		return "", fmt.Errorf("%s: encoding query: %w", r.Operation, err)
	}
	if !params {
		if r.URL != "" {
			return r.URL, nil
		}
		b = b[:n]
	}
	return string(b), nil
}

// urlBuffers holds the buffers request URLs with a query are built in.
var urlBuffers = sync.Pool{New: func() any { return new([]byte) }}

// maxPooledURL is the largest URL buffer kept for reuse.
const maxPooledURL = 16 << 10

func putURLBuffer(bp *[]byte) {
	if cap(*bp) <= maxPooledURL {
		urlBuffers.Put(bp)
	}
}

func (c *Client) apiError(r *Request, path string, resp *http.Response, st *callState) *chatsdk.APIError {
	body, _ := io.ReadAll(io.LimitReader(resp.Body, MaxErrorBody))
	e := &chatsdk.APIError{
		Operation:          r.Operation,
		Method:             r.Method,
		Path:               redact(path, st.token),
		StatusCode:         resp.StatusCode,
		RequestID:          requestID(resp.Header),
		RetryAfter:         ParseRetryAfter(resp.Header, time.Now()),
		RetryAfterTooLong:  st.retryAfterTooLong,
		MayHaveBeenApplied: st.mayHaveBeenApplied,
		Body:               body,
		Header:             resp.Header,
	}
	parseErrorBody(e, body)
	if e.StatusCode < 400 {
		e.Message = "redirect not followed: it leaves the base URL's origin"
	}
	e.Message = redact(e.Message, st.token)
	e.Type = redact(e.Type, st.token)
	e.RequestID = redact(e.RequestID, st.token)
	if bytes.Contains(body, []byte(st.token)) {
		e.Body = bytes.ReplaceAll(body, []byte(st.token), []byte(redactedMark))
	}
	return e
}

func (c *Client) redactErr(err error, token string) error {
	if token == "" || !strings.Contains(err.Error(), token) {
		return err
	}
	return &redactedError{msg: redact(err.Error(), token), err: err}
}

type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }

// redactedMark replaces the token wherever an answer echoed it.
const redactedMark = "[REDACTED]"

func redact(s, token string) string {
	if token == "" {
		return s
	}
	return strings.ReplaceAll(s, token, redactedMark)
}

// maxDrain bounds how much of an unread body is read so that the connection
// can be reused; a larger remainder closes the connection instead.
const maxDrain = 64 << 10
