package core

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBodyOfDeclaredLength reads bodies whose Content-Length is known: the
// declared bytes exactly, a body that stops short is cut off
// (io.ErrUnexpectedEOF, as net/http reports it), and a body longer than
// declared (only a custom RoundTripper can send one) is read to its end
// within the limit, or refused over it.
func TestBodyOfDeclaredLength(t *testing.T) {
	body := `{"bot_agent_id":"5c9871d5372c824cbf22d860a707a578"}`
	n := int64(len(body))
	cases := []struct {
		name     string
		body     io.Reader
		declared int64
		limit    int64
		want     string
		wantErr  error
	}{
		{"exact", strings.NewReader(body), n, MaxResponseBody, body, nil},
		{"exact, one byte per read", iotest.OneByteReader(strings.NewReader(body)), n, MaxResponseBody, body, nil},
		{"exact, data with EOF", iotest.DataErrReader(strings.NewReader(body)), n, MaxResponseBody, body, nil},
		{"empty", strings.NewReader(""), 0, MaxResponseBody, "", nil},
		{"short", strings.NewReader(body[:10]), n, MaxResponseBody, "", io.ErrUnexpectedEOF},
		{"empty but declared", strings.NewReader(""), n, MaxResponseBody, "", io.ErrUnexpectedEOF},
		{"broken", io.MultiReader(strings.NewReader(body[:5]), iotest.ErrReader(errBroken)), n, MaxResponseBody, "", errBroken},
		{"longer than declared", strings.NewReader(body + body), n, MaxResponseBody, body + body, nil},
		{"longer than declared, over the limit", strings.NewReader(body + body), n, n + 1, "", errResponseTooLarge},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data, release, err := readBody(c.body, c.declared, c.limit)
			if release != nil {
				defer release()
			}
			if c.wantErr != nil {
				require.ErrorIs(t, err, c.wantErr)
				assert.Nil(t, data)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, c.want, string(data))
		})
	}
}

var errBroken = errors.New("connection reset")

// TestSkipSpaceIsTrimSpaceOnTheLeft keeps the empty-answer checks equal to
// bytes.TrimSpace, Unicode spaces included.
func TestSkipSpaceIsTrimSpaceOnTheLeft(t *testing.T) {
	for _, s := range []string{"", " ", "\t\r\n\v\f ", " {}", "\n null ", "\u00a0{", "\u0085\u2003 x", "x ", "\xff", " \xff{"} {
		assert.Equal(t, bytes.TrimLeftFunc([]byte(s), unicode.IsSpace), skipSpace([]byte(s)), "%q", s)
		assert.Equal(t, len(bytes.TrimSpace([]byte(s))) == 0, len(skipSpace([]byte(s))) == 0, "%q", s)
	}
}

func FuzzSkipSpace(f *testing.F) {
	for _, s := range []string{"", " {}", "\u00a0null", "\t\xff"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := skipSpace(b), bytes.TrimLeftFunc(b, unicode.IsSpace); !bytes.Equal(got, want) {
			t.Fatalf("skipSpace(%q) = %q, want %q", b, got, want)
		}
	})
}
