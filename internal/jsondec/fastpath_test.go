package jsondec_test

import (
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/chatsdk-go/chatsdk/internal/fixturemodels"
	"github.com/chatsdk-go/chatsdk/internal/jsondec"
	"github.com/chatsdk-go/chatsdk/internal/testkit"
)

// TestDocumentedFixturesTakeTheFastPath fails when a model change makes a
// documented answer fall back to encoding/json: a silent slowdown.
func TestDocumentedFixturesTakeTheFastPath(t *testing.T) {
	for api, table := range map[string]map[string]fixturemodels.Decoder{
		"chatrhub": fixturemodels.Chatrhub,
		"giosg":    fixturemodels.Giosg,
	} {
		for name, decode := range table {
			data := testkit.Fixture(t, api, name)
			v, err := decode(data)
			require.NoError(t, err, name)
			fresh := reflect.New(reflect.TypeOf(v).Elem()).Interface()
			assert.True(t, jsondec.DecodeFast(data, fresh), "%s/%s into %T", api, name, v)
			assert.Equal(t, v, fresh, "%s/%s", api, name)
		}
	}
}
