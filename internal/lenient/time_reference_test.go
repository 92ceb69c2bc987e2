package lenient

import (
	"math/rand"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestTimeMatchesReference decodes datetimes assembled from the pieces of
// every form (and near misses: out-of-range fields, lower-case separators,
// commas, ten fractional digits, odd offsets) and requires the same result
// as the reference, layout by layout with time.Parse.
func TestTimeMatchesReference(t *testing.T) {
	years := []string{"0000", "0001", "2016", "2100", "9999", "201"}
	months := []string{"00", "01", "02", "04", "12", "13"}
	days := []string{"00", "01", "28", "29", "30", "31", "32"}
	seps := []string{"T", " ", "t", ""}
	clocks := []string{"", "00:00:00", "23:59:59", "24:00:00", "12:60:00", "12:00:60", "1:00:00", "12:00"}
	fracs := []string{"", ".", ".0", ".042", ".123456789", ".1234567891", ",5"}
	zones := []string{"", "Z", "z", "+00:00", "-00:00", "+02:00", "+05:30", "-0530", "+0100", "+23:59", "+24:00",
		"+14:00", "-12:00", "+15:00", "+1", "+05:60", "+05:3"}
	rng := rand.New(rand.NewSource(1))
	pick := func(s []string) string { return s[rng.Intn(len(s))] }
	ok := 0
	for i := 0; i < 20000; i++ {
		s := pick(years) + "-" + pick(months) + "-" + pick(days)
		if clock := pick(clocks); clock != "" || rng.Intn(4) == 0 {
			s += pick(seps) + clock + pick(fracs) + pick(zones)
		}
		data := []byte(strconv.Quote(s))
		want, wantErr := refTime(data)
		var v Time
		err := v.UnmarshalJSON(data)
		if err == nil {
			ok++
		}
		sameAsReference(t, data, timeKey(v.Time), err, timeKey(want), wantErr)
		parsed, err := ParseTime(s)
		sameAsReference(t, data, timeKey(parsed), err, timeKey(want), wantErr)
	}
	assert.Greater(t, ok, 1000, "datetimes that decode, so both paths are compared")
}
