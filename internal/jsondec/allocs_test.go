package jsondec_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/chatsdk-go/chatsdk/internal/jsondec"
	"github.com/chatsdk-go/chatsdk/internal/lenient"
)

// TestLenientScalarsDecodeWithoutAllocating counts the allocations of
// decoding an object of lenient booleans, integers and datetimes in their
// common forms into an existing value: none.
func TestLenientScalarsDecodeWithoutAllocating(t *testing.T) {
	if !jsondec.FastPath || raceEnabled {
		t.Skip("encoding/json decodes (chatsdk_encodingjson), or sync.Pool drops items (-race)")
	}
	type scalars struct {
		TrmntInd   lenient.Bool    `json:"trmnt_ind"`
		IsBillable lenient.IntBool `json:"is_billable"`
		AgentID    lenient.Int     `json:"agent_id"`
		ClientID   lenient.Int     `json:"client_id"`
		CreateDt   lenient.Time    `json:"create_dt"`
		UpdtDt     lenient.Time    `json:"updt_dt"`
		Closed     lenient.Time    `json:"closed"`
	}
	doc := []byte(`{"trmnt_ind":0,"is_billable":"1","agent_id":"4","client_id":17,` +
		`"create_dt":"2018-06-19T13:00:00+00:00","updt_dt":"2015-02-13T11:31:36.042","closed":null,"unknown":[1,{"a":"b"}]}`)
	v := new(scalars)
	require.NoError(t, jsondec.Unmarshal(doc, v))
	require.EqualValues(t, 4, v.AgentID)
	require.True(t, jsondec.DecodeFast(doc, new(scalars)))
	allocs := testing.AllocsPerRun(100, func() {
		*v = scalars{}
		_ = jsondec.Unmarshal(doc, v)
	})
	assert.Zero(t, allocs)
}
