package chatsdkotel_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"go.opentelemetry.io/otel/attribute"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/chatrhub"
	chatsdkotel "github.com/chatsdk-go/chatsdk/otel"
)

const token = "tok-SECRET-1234"

func TestRetriedCallSpansAndMetrics(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if hits.Add(1) == 1 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"data":{"id":918273,"type":"agents","attributes":{}}}`))
	}))
	defer srv.Close()
	exp := tracetest.NewInMemoryExporter()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSyncer(exp))
	reader := sdkmetric.NewManualReader()
	mp := sdkmetric.NewMeterProvider(sdkmetric.WithReader(reader))
	opts := append(chatsdkotel.Options(tp, mp), chatsdk.WithBaseURL(srv.URL),
		chatsdk.WithRetryWaitMin(time.Millisecond), chatsdk.WithRetryWaitMax(5*time.Millisecond))
	c, err := chatrhub.NewClient(token, opts...)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Agents.Get(context.Background(), 918273); err != nil {
		t.Fatal(err)
	}
	spans := exp.GetSpans()
	if len(spans) != 3 {
		t.Fatalf("%d spans, want 1 operation span and 2 attempt spans", len(spans))
	}
	var op tracetest.SpanStub
	var attempts []tracetest.SpanStub
	for _, s := range spans {
		if s.SpanKind == trace.SpanKindClient {
			attempts = append(attempts, s)
		} else {
			op = s
		}
	}
	if op.Name != "chatrhub.Agents.Get" || len(attempts) != 2 {
		t.Fatalf("operation span %q, %d attempt spans", op.Name, len(attempts))
	}
	for i, s := range attempts {
		if s.Name != "GET /agents/{agent_id}.json" {
			t.Errorf("attempt span name %q", s.Name)
		}
		if s.Parent.SpanID() != op.SpanContext.SpanID() {
			t.Errorf("attempt span %d is not a child of the operation span", i)
		}
		a := attrMap(s.Attributes)
		if a["url.template"] != "/agents/{agent_id}.json" || a["http.request.method"] != "GET" || a["server.address"] != "127.0.0.1" {
			t.Errorf("attempt %d attributes %v", i, a)
		}
	}
	first, second := attrMap(attempts[0].Attributes), attrMap(attempts[1].Attributes)
	if first["http.response.status_code"] != "503" || first["error.type"] != "503" || second["http.response.status_code"] != "200" || second["http.request.resend_count"] != "1" {
		t.Errorf("attempt attributes %v then %v", first, second)
	}
	if _, ok := first["http.request.resend_count"]; ok {
		t.Error("the first attempt has a resend count")
	}
	for _, s := range spans {
		for _, kv := range s.Attributes {
			if v := kv.Value.String(); strings.Contains(v, "918273") || strings.Contains(v, "SECRET") {
				t.Errorf("span %q attribute %s = %q holds an ID or the token", s.Name, kv.Key, v)
			}
		}
	}
	var rm metricdata.ResourceMetrics
	if err := reader.Collect(context.Background(), &rm); err != nil {
		t.Fatal(err)
	}
	var count uint64
	for _, sm := range rm.ScopeMetrics {
		for _, m := range sm.Metrics {
			if m.Name != "http.client.request.duration" {
				continue
			}
			for _, dp := range m.Data.(metricdata.Histogram[float64]).DataPoints {
				count += dp.Count
				if v, _ := dp.Attributes.Value("url.template"); v.AsString() != "/agents/{agent_id}.json" {
					t.Errorf("data point url.template %q", v.AsString())
				}
			}
		}
	}
	if count != 2 {
		t.Errorf("duration histogram counted %d attempts, want 2", count)
	}
}

func attrMap(kvs []attribute.KeyValue) map[string]string {
	m := map[string]string{}
	for _, kv := range kvs {
		m[string(kv.Key)] = kv.Value.String()
	}
	return m
}
