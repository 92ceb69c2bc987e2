// Package chatsdkotel reports chatsdk calls to OpenTelemetry: one span per
// operation, one client span per attempt named "METHOD route" with the HTTP
// client semantic-convention attributes, and the http.client.request.duration
// histogram. Routes are templates ("/agents/{agent_id}.json"): spans and
// metrics never carry IDs, query strings or tokens.
//
//	c, err := chatrhub.NewClient(token, chatsdkotel.Options(tp, mp)...)
//
// It is a module of its own so that integrators who do not use it do not
// build OpenTelemetry.
package chatsdkotel

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/trace"

	"github.com/chatsdk-go/chatsdk"
)

// ScopeName is the instrumentation scope of the tracer and meter.
const ScopeName = "github.com/chatsdk-go/chatsdk/otel"

// Options returns the client options that report to tp and mp: a call
// observer for the operation spans and a middleware for the attempt spans
// and the duration histogram. A nil provider is not reported to. prop, when
// given, injects the trace context into each attempt's headers.
func Options(tp trace.TracerProvider, mp metric.MeterProvider, prop ...propagation.TextMapPropagator) []chatsdk.Option {
	var opts []chatsdk.Option
	var tracer trace.Tracer
	if tp != nil {
		tracer = tp.Tracer(ScopeName)
		opts = append(opts, chatsdk.WithCallObserver(func(ctx context.Context, info chatsdk.CallInfo) (context.Context, func(chatsdk.CallOutcome)) {
			ctx, span := tracer.Start(ctx, info.Operation, trace.WithSpanKind(trace.SpanKindInternal),
				trace.WithAttributes(
					attribute.String("chatsdk.operation", info.Operation),
					attribute.String("http.request.method", info.Method),
					attribute.String("url.template", info.Route)))
			return ctx, func(o chatsdk.CallOutcome) {
				span.SetAttributes(attribute.Int("chatsdk.attempts", o.Attempts))
				if o.StatusCode != 0 {
					span.SetAttributes(attribute.Int("http.response.status_code", o.StatusCode))
				}
				if o.Err != nil {
					span.SetAttributes(attribute.String("error.type", errorType(o.StatusCode)))
					span.SetStatus(codes.Error, "")
				}
				span.End()
			}
		}))
	}
	var duration metric.Float64Histogram
	if mp != nil {
		duration, _ = mp.Meter(ScopeName).Float64Histogram("http.client.request.duration",
			metric.WithUnit("s"), metric.WithDescription("Duration of HTTP client requests."),
			metric.WithExplicitBucketBoundaries(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10))
	}
	var propagator propagation.TextMapPropagator
	if len(prop) > 0 {
		propagator = propagation.NewCompositeTextMapPropagator(prop...)
	}
	if tracer == nil && duration == nil {
		return opts
	}
	opts = append(opts, chatsdk.WithMiddleware(func(req *http.Request, info chatsdk.AttemptInfo, next chatsdk.MiddlewareNext) (*http.Response, error) {
		attrs := []attribute.KeyValue{
			attribute.String("http.request.method", req.Method),
			attribute.String("url.template", info.Route),
			attribute.String("server.address", req.URL.Hostname()),
		}
		if p := port(req); p > 0 {
			attrs = append(attrs, attribute.Int("server.port", p))
		}
		ctx := req.Context()
		var span trace.Span
		if tracer != nil {
			spanAttrs := attrs
			if info.Attempt > 0 {
				spanAttrs = append(spanAttrs[:len(spanAttrs):len(spanAttrs)], attribute.Int("http.request.resend_count", info.Attempt))
			}
			ctx, span = tracer.Start(ctx, req.Method+" "+info.Route, trace.WithSpanKind(trace.SpanKindClient), trace.WithAttributes(spanAttrs...))
			req = req.WithContext(ctx)
		}
		if propagator != nil {
			propagator.Inject(ctx, propagation.HeaderCarrier(req.Header))
		}
		start := time.Now()
		resp, err := next(req)
		status := 0
		if resp != nil {
			status = resp.StatusCode
			attrs = append(attrs, attribute.Int("http.response.status_code", status))
		}
		if err != nil || status >= 400 {
			attrs = append(attrs, attribute.String("error.type", errorType(status)))
		}
		if duration != nil {
			duration.Record(ctx, time.Since(start).Seconds(), metric.WithAttributes(attrs...))
		}
		if span != nil {
			if status != 0 {
				span.SetAttributes(attribute.Int("http.response.status_code", status))
			}
			if err != nil || status >= 400 {
				span.SetAttributes(attribute.String("error.type", errorType(status)))
				span.SetStatus(codes.Error, "")
			}
			span.End()
		}
		return resp, err
	}))
	return opts
}

// errorType is the error.type value: the status code, or "_OTHER" when no
// answer arrived. It never holds error text, which could carry IDs.
func errorType(status int) string {
	if status >= 400 {
		return strconv.Itoa(status)
	}
	return "_OTHER"
}

func port(req *http.Request) int {
	p := req.URL.Port()
	if p == "" {
		switch req.URL.Scheme {
		case "https":
			return 443
		case "http":
			return 80
		}
		return 0
	}
	n, err := strconv.Atoi(p)
	if err != nil {
		return 0
	}
	return n
}
