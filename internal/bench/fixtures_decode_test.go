package bench

import (
	"sort"
	"testing"

	"github.com/chatsdk-go/chatsdk/internal/fixturemodels"
)

// decodeCase is one documented fixture and the decoder into its SDK type.
type decodeCase struct {
	name   string
	data   []byte
	decode fixturemodels.Decoder
}

// fixtureDecodes loads every fixture of the fixturemodels tables, in name
// order: the fixtures whose models use the lenient types.
func fixtureDecodes(tb testing.TB) map[string][]decodeCase {
	tb.Helper()
	out := map[string][]decodeCase{}
	for api, table := range map[string]map[string]fixturemodels.Decoder{
		"chatrhub": fixturemodels.Chatrhub,
		"giosg":    fixturemodels.Giosg,
	} {
		for name, decode := range table {
			data, err := fixture(api, name)
			if err != nil {
				tb.Fatal(err)
			}
			out[api] = append(out[api], decodeCase{name, data, decode})
		}
		sort.Slice(out[api], func(i, j int) bool { return out[api][i].name < out[api][j].name })
	}
	return out
}

// TestFixtureDecodesSucceed keeps the benchmark honest: every fixture
// decodes without error.
func TestFixtureDecodesSucceed(t *testing.T) {
	for api, cases := range fixtureDecodes(t) {
		for _, c := range cases {
			if _, err := c.decode(c.data); err != nil {
				t.Errorf("%s %s: %v", api, c.name, err)
			}
		}
	}
}

// BenchmarkDecodeFixtures decodes, per API and for both together, every
// documented fixture into its SDK type through the lenient types; one
// operation decodes all of them once.
func BenchmarkDecodeFixtures(b *testing.B) {
	byAPI := fixtureDecodes(b)
	run := func(b *testing.B, cases []decodeCase) {
		size := 0
		for _, c := range cases {
			size += len(c.data)
		}
		b.SetBytes(int64(size))
		b.ReportAllocs()
		b.ResetTimer()
		for range b.N {
			for _, c := range cases {
				if _, err := c.decode(c.data); err != nil {
					b.Fatalf("%s: %v", c.name, err)
				}
			}
		}
	}
	b.Run("chatrhub", func(b *testing.B) { run(b, byAPI["chatrhub"]) })
	b.Run("giosg", func(b *testing.B) { run(b, byAPI["giosg"]) })
	b.Run("all", func(b *testing.B) { run(b, append(byAPI["chatrhub"], byAPI["giosg"]...)) })
}
