package webhook

import (
	"bytes"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPlainJSONTypesAreWhatMimeAccepts checks the Content-Types recognised
// without mime.ParseMediaType against it, and that checkContentType's
// verdict does not depend on the shortcut.
func TestPlainJSONTypesAreWhatMimeAccepts(t *testing.T) {
	for _, ct := range []string{
		"application/json", "Application/JSON", " application/json ", "application/json;", "application/json; ",
		"application/json; charset=utf-8", "application/json;charset=UTF-8", "application/json ; charset=utf-8 ",
		"application/json; charset=latin1", "application/json; charset", "application/json; =", "application/json; charset=utf-8;",
		"application/json; charset=utf-8; x=y", "application/jsonx", "application/json/x", "application/vnd.chatio+json",
		"application/x-www-form-urlencoded", "text/plain", "application/json; charset = utf-8", "\tapplication/json",
	} {
		mt, _, err := mime.ParseMediaType(ct)
		if isPlainJSONType(ct) {
			assert.NoError(t, err, "%q", ct)
			assert.Equal(t, "application/json", mt, "%q", ct)
		}
		form, err := checkContentType(ct)
		want := err == nil && (mt == "application/json" || strings.HasPrefix(mt, "application/") && strings.HasSuffix(mt, "+json") || mt == "application/x-www-form-urlencoded")
		assert.Equal(t, want, err == nil, "%q", ct)
		assert.Equal(t, mt == "application/x-www-form-urlencoded", form, "%q", ct)
	}
}

// onlyReader hides every method but Read, like a network body.
type onlyReader struct{ r io.Reader }

func (o onlyReader) Read(p []byte) (int, error) { return o.r.Read(p) }

// TestReadBodyReadsWholeBodies reads bodies of sizes around the first
// buffer and the limit, with and without a Content-Length (and with one that
// is too small), and checks the bytes and the refusals.
func TestReadBodyReadsWholeBodies(t *testing.T) {
	const limit = 3 * unknownLengthBuffer
	for _, n := range []int{0, 1, 511, 512, 513, unknownLengthBuffer - 1, unknownLengthBuffer, unknownLengthBuffer + 1, limit - 1, limit, limit + 1, 2 * limit} {
		data := bytes.Repeat([]byte("0123456789abcdef"), n/16+1)[:n]
		for name, length := range map[string]int64{"exact": int64(n), "unknown": -1, "short": int64(n / 2)} {
			r := httptest.NewRequest(http.MethodPost, "/", io.NopCloser(onlyReader{bytes.NewReader(data)}))
			r.ContentLength = length
			got, err := readBody(r, limit)
			if n > limit {
				require.ErrorIs(t, err, ErrBodyTooLarge, "%d bytes, %s length", n, name)
				continue
			}
			require.NoError(t, err, "%d bytes, %s length", n, name)
			assert.Equal(t, data, got, "%d bytes, %s length", n, name)
		}
	}
}

// TestReadBodyAllocatesOneBuffer pins that a body with a Content-Length is
// read into a single right-sized buffer.
func TestReadBodyAllocatesOneBuffer(t *testing.T) {
	data := bytes.Repeat([]byte("x"), 3000)
	readers := make([]bytes.Reader, 102)
	reqs := make([]http.Request, len(readers))
	for i := range reqs {
		readers[i].Reset(data)
		reqs[i] = http.Request{Method: http.MethodPost, Body: io.NopCloser(&readers[i]), ContentLength: int64(len(data))}
	}
	i := 0
	allocs := testing.AllocsPerRun(100, func() {
		b, err := readBody(&reqs[i], DefaultMaxBodyBytes)
		if err != nil || len(b) != len(data) || cap(b) != len(data)+1 {
			t.Errorf("read %d bytes into %d, err %v", len(b), cap(b), err)
		}
		i++
	})
	assert.Equal(t, 1.0, allocs)
}
