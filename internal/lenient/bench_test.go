package lenient

import (
	"testing"
)

// BenchmarkDecode pairs each decoder with the reference implementation it
// replaced (reference_test.go) on the forms the documented fixtures use.
func BenchmarkDecode(b *testing.B) {
	type pair struct {
		name      string
		inputs    []string
		direct    func([]byte) error
		reference func([]byte) error
	}
	var (
		bl Bool
		n  Int
		tm Time
		sl StringList
		ls List
		ob Object
	)
	pairs := []pair{
		{"Bool", []string{`0`, `1`, `"1"`, `true`, `false`, `null`},
			bl.UnmarshalJSON, func(d []byte) error { _, err := refBool(d); return err }},
		{"Int", []string{`4`, `"4"`, `10204`, `null`},
			n.UnmarshalJSON, func(d []byte) error { _, err := refInt(d); return err }},
		{"Time", []string{`"2018-06-21T01:59:55+00:00"`, `"2015-02-13T11:31:36.042"`, `"2016-09-01T11:31:36.042Z"`, `"2018-06-19"`},
			tm.UnmarshalJSON, func(d []byte) error { _, err := refTime(d); return err }},
		{"StringList", []string{`"[\"\"]"`, `"[\"123\"]"`, `"[]"`},
			sl.UnmarshalJSON, func(d []byte) error { var v []string; return refEmbedded(d, &v) }},
		{"List", []string{`"[]"`, `"[{\"task\": 1}]"`},
			ls.UnmarshalJSON, func(d []byte) error { var v []any; return refEmbedded(d, &v) }},
		{"Object", []string{`"{}"`, `"{\"name\": \"x\"}"`},
			ob.UnmarshalJSON, func(d []byte) error { var v map[string]any; return refEmbedded(d, &v) }},
	}
	for _, p := range pairs {
		inputs := make([][]byte, len(p.inputs))
		for i, s := range p.inputs {
			inputs[i] = []byte(s)
		}
		for _, impl := range []struct {
			name   string
			decode func([]byte) error
		}{{"direct", p.direct}, {"reference", p.reference}} {
			b.Run(p.name+"/"+impl.name, func(b *testing.B) {
				b.ReportAllocs()
				for range b.N {
					for _, in := range inputs {
						if err := impl.decode(in); err != nil {
							b.Fatal(err)
						}
					}
				}
			})
		}
	}
}
