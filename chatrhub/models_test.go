package chatrhub_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/chatsdk-go/chatsdk/internal/fixturemodels"
	"github.com/chatsdk-go/chatsdk/internal/testkit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFixturesKeepEveryAttribute decodes each documented answer into the
// document the client decodes it as (fixturemodels.Chatrhub), re-encodes
// it, and checks that every key path of the fixture is still there: no
// documented attribute is dropped. Every answer fixture is in the table.
func TestFixturesKeepEveryAttribute(t *testing.T) {
	entries, err := os.ReadDir("../testdata/chatrhub")
	require.NoError(t, err)
	answers := 0
	for _, e := range entries {
		if name := e.Name(); strings.HasSuffix(name, ".response.json") {
			answers++
			assert.Contains(t, fixturemodels.Chatrhub, name, "answer fixture without a model")
		}
	}
	assert.Len(t, fixturemodels.Chatrhub, answers, "fixturemodels.Chatrhub names files that do not exist")

	for name, decode := range fixturemodels.Chatrhub {
		t.Run(name, func(t *testing.T) {
			raw := testkit.Fixture(t, "chatrhub", name)
			got, err := decode(raw)
			require.NoError(t, err)
			enc, err := json.Marshal(got)
			require.NoError(t, err)
			want, have := map[string]bool{}, map[string]bool{}
			keySet("$", testkit.DecodeJSON(t, raw), want)
			keySet("$", testkit.DecodeJSON(t, enc), have)
			require.NotEmpty(t, want)
			for k := range want {
				assert.True(t, have[k], "documented attribute %s dropped", k)
			}
		})
	}
}

// keySet lists every key path of a JSON value ("data.attributes.agent.email").
func keySet(prefix string, v any, into map[string]bool) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			into[prefix+"."+k] = true
			keySet(prefix+"."+k, e, into)
		}
	case []any:
		for _, e := range x {
			keySet(prefix+"[]", e, into)
		}
	}
}
