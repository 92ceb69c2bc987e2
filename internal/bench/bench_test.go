package bench

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"reflect"
	"testing"

	"github.com/chatsdk-go/chatsdk/chatio/webhook"
)

// sent is what one call put on the wire.
type sent struct {
	Method, Path, Query                           string
	Authorization, Accept, ContentType, UserAgent string
	Body                                          string
}

func capture(t *testing.T, c call, sdk bool) (sent, any) {
	t.Helper()
	body, err := fixture(c.api, c.fixture)
	if err != nil {
		t.Fatal(err)
	}
	var got []sent
	tr := &fixtureTransport{status: c.status, body: body, seen: func(r *http.Request, b []byte) {
		got = append(got, sent{
			Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery,
			Authorization: r.Header.Get("Authorization"), Accept: r.Header.Get("Accept"),
			ContentType: r.Header.Get("Content-Type"), UserAgent: r.Header.Get("User-Agent"),
			Body: string(bytes.TrimSpace(b)),
		})
	}}
	hc := &http.Client{Transport: tr}
	baseURL := "http://bench.invalid" + c.base
	var o op
	if sdk {
		if o, err = c.sdk(hc, baseURL); err != nil {
			t.Fatal(err)
		}
	} else {
		o = c.baseline(hc, baseURL)
	}
	v, err := o(context.Background())
	if err != nil {
		t.Fatalf("sdk=%v: %v", sdk, err)
	}
	if len(got) != 1 {
		t.Fatalf("sdk=%v: %d requests, want 1", sdk, len(got))
	}
	return got[0], v
}

// TestBaselinesMatchSDK keeps the baselines honest: each sends the request
// the SDK sends and decodes the same answer to a deeply equal value.
func TestBaselinesMatchSDK(t *testing.T) {
	for _, c := range calls {
		t.Run(c.name, func(t *testing.T) {
			sreq, sv := capture(t, c, true)
			breq, bv := capture(t, c, false)
			if sreq != breq {
				t.Errorf("requests differ:\n sdk      %+v\n baseline %+v", sreq, breq)
			}
			if !reflect.DeepEqual(sv, bv) {
				t.Errorf("decoded values differ:\n sdk      %#v\n baseline %#v", sv, bv)
			}
			if reflect.ValueOf(sv).IsZero() {
				t.Errorf("decoded nothing: %#v", sv)
			}
		})
	}
	for _, a := range webhookActions {
		t.Run("webhook/"+string(a), func(t *testing.T) {
			body, err := fixture("chatio", "webhooks/"+string(a)+".json")
			if err != nil {
				t.Fatal(err)
			}
			req := func() *http.Request {
				r := httptest.NewRequest(http.MethodPost, "/webhooks", bytes.NewReader(body))
				r.Header.Set("Content-Type", "application/json")
				return r
			}
			wh, err := webhook.Parse(req(), webhook.Secrets{webhookID: secret})
			if err != nil {
				t.Fatal(err)
			}
			bv, err := baselineParse(req())
			if err != nil {
				t.Fatal(err)
			}
			if wh.Payload == nil || !reflect.DeepEqual(wh.Payload, bv) {
				t.Errorf("payloads differ:\n sdk      %#v\n baseline %#v", wh.Payload, bv)
			}
			h, err := sdkHandler()
			if err != nil {
				t.Fatal(err)
			}
			for name, h := range map[string]http.Handler{"sdk": h, "baseline": baselineHandler} {
				w := httptest.NewRecorder()
				h.ServeHTTP(w, req())
				if w.Code != http.StatusOK {
					t.Errorf("%s handler answered %d", name, w.Code)
				}
			}
		})
	}
}

// TestRefusesWrongSecret checks the baseline receiver verifies the secret
// like the SDK does.
func TestRefusesWrongSecret(t *testing.T) {
	body := []byte(`{"webhook_id":"` + webhookID + `","secret_key":"wrong","action":"thread_closed","data":{}}`)
	h, err := sdkHandler()
	if err != nil {
		t.Fatal(err)
	}
	for name, h := range map[string]http.Handler{"sdk": h, "baseline": baselineHandler} {
		w := httptest.NewRecorder()
		r := httptest.NewRequest(http.MethodPost, "/webhooks", bytes.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
		h.ServeHTTP(w, r)
		if w.Code == http.StatusOK {
			t.Errorf("%s accepted a wrong secret", name)
		}
	}
}

// BenchmarkCalls runs every case: <call>/<mode>/{sdk,baseline}.
func BenchmarkCalls(b *testing.B) {
	for _, c := range Cases() {
		b.Run(c.Name+"/sdk", c.SDK)
		b.Run(c.Name+"/baseline", c.Baseline)
	}
}
