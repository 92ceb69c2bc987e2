package core

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"time"

	"github.com/chatsdk-go/chatsdk"
	"github.com/hashicorp/go-retryablehttp"
)

// operationName is the operation for log lines, or the method when the
// request names none.
func operationName(operation, method string) string {
	if operation != "" {
		return operation
	}
	return method
}

// logAttempt logs one attempt at debug level: operation, method, path
// without query, attempt number, and the status or the error's cause.
func (c *Client) logAttempt(ctx context.Context, st *callState, resp *http.Response, err error, retry bool) {
	attrs := make([]slog.Attr, 0, 7)
	attrs = append(attrs,
		slog.String("operation", operationName(st.operation, st.method)),
		slog.String("method", st.method),
		slog.String("path", st.escapedPath()),
		slog.Int("attempt", st.attempts))
	switch {
	case err != nil:
		attrs = append(attrs, slog.String("error", logErrorText(err, st.token)))
	case resp != nil:
		attrs = append(attrs, slog.Int("status", resp.StatusCode))
		if st.bodyErr != nil {
			attrs = append(attrs, slog.String("error", logErrorText(st.bodyErr, st.token)))
		}
	}
	attrs = append(attrs, slog.Bool("retry", retry))
	c.logger.LogAttrs(ctx, slog.LevelDebug, "chatsdk attempt", attrs...)
}

// logRetryWait is go-retryablehttp's RequestLogHook: before each retry it
// logs the attempt number and how long the client waited.
func (c *Client) logRetryWait(_ retryablehttp.Logger, req *http.Request, retryNumber int) {
	if retryNumber == 0 {
		return
	}
	st := stateOf(req.Context())
	if st == nil {
		return
	}
	c.logger.LogAttrs(req.Context(), slog.LevelDebug, "chatsdk retry",
		slog.String("operation", operationName(st.operation, st.method)),
		slog.String("method", st.method),
		slog.String("path", st.escapedPath()),
		slog.Int("attempt", retryNumber+1),
		slog.Duration("wait", time.Since(st.waitFrom)))
}

// logErrorText is err's cause without the request URL (whose query may
// hold personal data) and without the token.
func logErrorText(err error, token string) string {
	var reqErr *chatsdk.RequestError
	if errors.As(err, &reqErr) {
		err = reqErr.Err
	}
	var urlErr *url.Error
	if errors.As(err, &urlErr) {
		err = urlErr.Err
	}
	if err == nil {
		return ""
	}
	return redact(err.Error(), token)
}
