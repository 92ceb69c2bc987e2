package lenient

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCommonFormsDoNotAllocate counts the allocations of decoding the
// common forms of the scalar types: none.
func TestCommonFormsDoNotAllocate(t *testing.T) {
	type decoder interface{ UnmarshalJSON([]byte) error }
	var (
		b  Bool
		ib IntBool
		n  Int
		tm Time
		zu ZonelessUTC
	)
	cases := map[decoder][]string{
		&b:  {`true`, `false`, `0`, `1`, `"0"`, `"1"`, `"true"`, `"false"`, `null`},
		&ib: {`true`, `false`, `0`, `1`, `"0"`, `"1"`, `null`},
		&n:  {`4`, `"4"`, `-7`, `"-7"`, `0`, `null`, `""`, `9223372036854775`},
		&tm: {
			`"2018-06-19T13:00:00+00:00"`, `"2016-09-01T11:31:36.042Z"`, `"2015-02-13T11:31:36.042+02:00"`,
			`"2018-06-19T13:00:00+05:30"`, `"2018-06-19T13:00:00-0530"`, `"2015-02-13T11:31:36.042"`,
			`"2015-02-13T11:31:36"`, `"2015-02-13T11:31:36.123456789"`, `"2018-06-19 13:00:00"`,
			`"2018-06-19 13:00:00+01:00"`, `"2018-06-19"`, `null`, `""`,
		},
		&zu: {`"2015-02-13T11:31:36.042"`, `"2015-02-13T11:31:36.042Z"`},
	}
	for d, inputs := range cases {
		for _, in := range inputs {
			data := []byte(in)
			require.NoError(t, d.UnmarshalJSON(data), in)
			allocs := testing.AllocsPerRun(100, func() { _ = d.UnmarshalJSON(data) })
			assert.Zero(t, allocs, "%T from %s", d, in)
		}
	}
}

// TestDocumentedObjectAllocations counts the allocations of decoding a
// ChatrHub-shaped object through encoding/json: no more than decoding the
// same document into fields whose UnmarshalJSON does nothing, which counts
// what encoding/json itself allocates.
func TestDocumentedObjectAllocations(t *testing.T) {
	var scalars struct {
		TrmntInd   Bool    `json:"trmnt_ind"`
		IsBillable IntBool `json:"is_billable"`
		AgentID    Int     `json:"agent_id"`
		CreateDt   Time    `json:"create_dt"`
		UpdtDt     Time    `json:"updt_dt"`
	}
	doc := []byte(`{"trmnt_ind":0,"is_billable":"1","agent_id":"4","create_dt":"2018-06-19T13:00:00+00:00","updt_dt":"2015-02-13T11:31:36.042"}`)
	require.NoError(t, json.Unmarshal(doc, &scalars))
	var skipped struct {
		TrmntInd   ignored `json:"trmnt_ind"`
		IsBillable ignored `json:"is_billable"`
		AgentID    ignored `json:"agent_id"`
		CreateDt   ignored `json:"create_dt"`
		UpdtDt     ignored `json:"updt_dt"`
	}
	own := testing.AllocsPerRun(100, func() { _ = json.Unmarshal(doc, &skipped) })
	allocs := testing.AllocsPerRun(100, func() { _ = json.Unmarshal(doc, &scalars) })
	assert.Equal(t, own, allocs, "allocations beyond encoding/json's own")
}

// ignored is a json.Unmarshaler that reads nothing.
type ignored struct{}

func (*ignored) UnmarshalJSON([]byte) error { return nil }
