//go:build go1.24

package chatsdk_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/chatsdk-go/chatsdk"
)

// On Go 1.24 and later, a Nullable value field tagged omitzero is left out
// while it is not set.
func TestNullableValueFieldOmitzero(t *testing.T) {
	type params struct {
		Score chatsdk.Nullable[float64] `json:"score,omitzero"`
	}
	got, err := json.Marshal(params{})
	require.NoError(t, err)
	assert.JSONEq(t, `{}`, string(got))

	got, err = json.Marshal(params{Score: *chatsdk.Null[float64]()})
	require.NoError(t, err)
	assert.JSONEq(t, `{"score":null}`, string(got))
}
