package core

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDecodeBody(t *testing.T) {
	type thing struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	}
	for body, want := range map[string]thing{
		`{"id":"1","name":"a"}`:             {ID: "1", Name: "a"},
		"\n {\"id\":\"1\"} \n":              {ID: "1", Name: "kept"},
		`{"id":"1"} {"id":"2"}`:             {ID: "1", Name: "kept"},
		`{"id":"1"}<html>trailing</html>`:   {ID: "1", Name: "kept"},
		`{"id":"1","unknown":{"deep":[1]}}`: {ID: "1", Name: "kept"},
	} {
		got := thing{ID: "kept", Name: "kept"}
		require.NoError(t, decodeBody(strings.NewReader(body), &got), "%q", body)
		assert.Equal(t, want, got, "%q", body)
	}
	for _, body := range []string{`{"id":`, `<html>`, `{"id":1}`, `[1]`, ``, " \r\n\t", `null`, ` {} `, "{\n}"} {
		var got thing
		assert.Error(t, decodeBody(strings.NewReader(body), &got), "%q", body)
	}
	var v map[string]string
	require.Error(t, decodeBody(io.MultiReader(strings.NewReader(`{"a":`), errReader{}), &v))
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, io.ErrUnexpectedEOF }

func TestLargeAndConcurrentAnswersDecodeCorrectly(t *testing.T) {
	big := strings.Repeat("x", 3<<20)
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request) {
		id := r.URL.Query().Get("id")
		if id == "big" {
			_, _ = fmt.Fprintf(w, `{"id":%q,"pad":%q}`, id, big)
			return
		}
		_, _ = fmt.Fprintf(w, `{"id":%q,"pad":%q}`, id, strings.Repeat(id, 1000))
	})
	c := newTestClient(t, srv.URL)
	type answer struct {
		ID  string `json:"id"`
		Pad string `json:"pad"`
	}
	var out answer
	_, err := c.Do(ctxBG(), &Request{Operation: "test", Method: "GET", Path: "/a", Query: map[string][]string{"id": {"big"}}}, &out)
	require.NoError(t, err)
	assert.Equal(t, "big", out.ID)
	assert.Len(t, out.Pad, 3<<20)

	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				id := fmt.Sprintf("g%di%d", g, i)
				var out answer
				_, err := c.Do(ctxBG(), &Request{Operation: "test", Method: "GET", Path: "/a", Query: map[string][]string{"id": {id}}}, &out)
				if !assert.NoError(t, err) {
					return
				}
				assert.Equal(t, id, out.ID)
				assert.Equal(t, strings.Repeat(id, 1000), out.Pad)
			}
		}()
	}
	wg.Wait()
}
