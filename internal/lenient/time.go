package lenient

import (
	"bytes"
	"fmt"
	"reflect"
	"sync"
	"time"
)

// Time is a datetime that decodes from RFC 3339 with or without a zone
// ("2015-02-13T11:31:36.042" is read as UTC), a date alone ("2018-06-19"),
// and null or "" (the zero time). It encodes as RFC 3339 in UTC with
// fractional seconds, and the zero time as null.
type Time struct{ time.Time }

// timeLayouts are the forms Time reads, in the order they are tried on the
// general path.
var timeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02",
}

// ParseTime reads s in any of the forms Time accepts.
func ParseTime(s string) (time.Time, error) {
	if t, ok := parseTimeText(s); ok {
		return t, nil
	}
	return parseTimeGeneral(s)
}

// parseTimeGeneral tries each layout in turn, for the forms parseTimeText
// leaves out (a comma before the fraction, more than nine fractional
// digits, out-of-range fields).
func parseTimeGeneral(s string) (time.Time, error) {
	for _, layout := range timeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("lenient.Time: a %d-byte string in no datetime form this type reads", len(s))
}

// UnmarshalJSON implements json.Unmarshaler.
func (t *Time) UnmarshalJSON(data []byte) error {
	data = bytes.TrimSpace(data)
	if bytes.Equal(data, null) {
		t.Time = time.Time{}
		return nil
	}
	text, quoted, plain := plainText(data)
	if plain && quoted {
		if len(text) == 0 {
			t.Time = time.Time{}
			return nil
		}
		if v, ok := parseTimeText(text); ok {
			t.Time = v
			return nil
		}
	}
	s, quoted, err := unquote(data)
	if err != nil || !quoted {
		return typeError(data, reflect.TypeOf(*t))
	}
	if s == "" {
		t.Time = time.Time{}
		return nil
	}
	parsed, err := parseTimeGeneral(s)
	if err != nil {
		return typeError(data, reflect.TypeOf(*t))
	}
	t.Time = parsed
	return nil
}

// parseTimeText reads the usual forms of the layouts directly:
// YYYY-MM-DD, optionally followed by T or a space, hh:mm:ss, up to nine
// fractional digits after a dot, and Z, ±hh:mm or (after T) ±hhmm. Without a
// zone the time is UTC. It returns what time.Parse returns for the first
// layout that fits, and ok false for anything else.
func parseTimeText[S string | []byte](s S) (t time.Time, ok bool) {
	if len(s) < len("2006-01-02") || s[4] != '-' || s[7] != '-' {
		return time.Time{}, false
	}
	year, ok1 := digits(s[0:4])
	month, ok2 := digits(s[5:7])
	day, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 || month < 1 || month > 12 || day < 1 || day > daysIn(month, year) {
		return time.Time{}, false
	}
	if len(s) == len("2006-01-02") {
		return time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC), true
	}
	sep := s[10]
	if (sep != 'T' && sep != ' ') || len(s) < len("2006-01-02T15:04:05") || s[13] != ':' || s[16] != ':' {
		return time.Time{}, false
	}
	hour, ok1 := digits(s[11:13])
	minute, ok2 := digits(s[14:16])
	sec, ok3 := digits(s[17:19])
	if !ok1 || !ok2 || !ok3 || hour > 23 || minute > 59 || sec > 59 {
		return time.Time{}, false
	}
	rest := s[19:]
	nsec := 0
	if len(rest) > 0 && rest[0] == '.' {
		n := 1
		for n < len(rest) && rest[n] >= '0' && rest[n] <= '9' {
			n++
		}
		if n == 1 || n > 10 {
			return time.Time{}, false
		}
		frac, _ := digits(rest[1:n])
		for i := n; i < 10; i++ {
			frac *= 10
		}
		nsec, rest = frac, rest[n:]
	}
	utc := time.Date(year, time.Month(month), day, hour, minute, sec, nsec, time.UTC)
	switch {
	case len(rest) == 0, len(rest) == 1 && rest[0] == 'Z':
		return utc, true
	case len(rest) == len("+07:00") && rest[3] == ':':
		return withOffset(utc, rest[0], rest[1:3], rest[4:6])
	case len(rest) == len("+0700") && sep == 'T':
		return withOffset(utc, rest[0], rest[1:3], rest[3:5])
	}
	return time.Time{}, false
}

// withOffset turns utc, a wall clock read as UTC, into the instant it is at
// the zone offset sign hh mm, in the location time.Parse gives it: Local
// when Local has that offset then, else an unnamed fixed zone.
func withOffset[S string | []byte](utc time.Time, sign byte, hh, mm S) (time.Time, bool) {
	h, ok1 := digits(hh)
	m, ok2 := digits(mm)
	if !ok1 || !ok2 || h > 23 || m > 59 || (sign != '+' && sign != '-') {
		return time.Time{}, false
	}
	offset := (h*60 + m) * 60
	if sign == '-' {
		offset = -offset
	}
	t := utc.Add(-time.Duration(offset) * time.Second)
	if _, local := t.In(time.Local).Zone(); local == offset {
		return t.In(time.Local), true
	}
	return t.In(fixedZone(offset)), true
}

// fixedZones keeps one unnamed location per offset that time.FixedZone does
// not already share (offsets that are not whole hours from -12 to +14), so decoding a
// datetime with such an offset does not allocate a new one each time.
var fixedZones struct {
	sync.RWMutex
	byOffset map[int]*time.Location
}

func fixedZone(offset int) *time.Location {
	if offset%3600 == 0 && -12*3600 <= offset && offset <= 14*3600 {
		return time.FixedZone("", offset)
	}
	fixedZones.RLock()
	loc := fixedZones.byOffset[offset]
	fixedZones.RUnlock()
	if loc != nil {
		return loc
	}
	fixedZones.Lock()
	defer fixedZones.Unlock()
	if loc = fixedZones.byOffset[offset]; loc == nil {
		if fixedZones.byOffset == nil {
			fixedZones.byOffset = map[int]*time.Location{}
		}
		loc = time.FixedZone("", offset)
		fixedZones.byOffset[offset] = loc
	}
	return loc
}

// digits reads s as an unsigned decimal number of ASCII digits.
func digits[S string | []byte](s S) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// daysIn is the number of days of month in year (proleptic Gregorian).
func daysIn(month, year int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// MarshalJSON implements json.Marshaler. A time whose UTC year falls outside
// 0000-9999 (RFC 3339's range) keeps its own offset.
func (t Time) MarshalJSON() ([]byte, error) {
	if t.Time.IsZero() {
		return null, nil
	}
	v := t.Time.UTC()
	if !rfc3339Year(v) {
		v = t.Time
		if !rfc3339Year(v) {
			return nil, fmt.Errorf("lenient.Time: year %d is outside RFC 3339's 0000-9999", v.Year())
		}
	}
	return []byte(`"` + v.Format(time.RFC3339Nano) + `"`), nil
}

func rfc3339Year(t time.Time) bool { return t.Year() >= 0 && t.Year() <= 9999 }

// ZonelessUTC is a Time that encodes in UTC without a zone suffix, to the
// millisecond ("2015-02-13T11:31:36.042"; finer digits are truncated), and
// the zero time as null: the form giosg documents for request bodies. It
// decodes as Time does.
type ZonelessUTC struct{ Time }

// zonelessLayout is ZonelessUTC's encoding.
const zonelessLayout = "2006-01-02T15:04:05.000"

// MarshalJSON implements json.Marshaler.
func (t ZonelessUTC) MarshalJSON() ([]byte, error) {
	if t.Time.IsZero() {
		return null, nil
	}
	v := t.Time.UTC()
	if !rfc3339Year(v) {
		return nil, fmt.Errorf("lenient.ZonelessUTC: year %d is outside 0000-9999", v.Year())
	}
	return []byte(`"` + v.Format(zonelessLayout) + `"`), nil
}
