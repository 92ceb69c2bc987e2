package lenient

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"strconv"
	"strings"
	"time"
)

// The decoders as they were before they parsed their bytes directly
// (encoding/json for every string, time.Parse over each layout in turn),
// kept as the reference the fuzz targets compare the decoders with.

var errRef = errors.New("reference: no fit")

func refUnquote(data []byte) (string, bool, error) {
	if len(data) > 0 && data[0] == '"' {
		var s string
		if err := json.Unmarshal(data, &s); err != nil {
			return "", true, err
		}
		return s, true, nil
	}
	return string(data), false, nil
}

func refBool(data []byte) (bool, error) {
	s, _, err := refUnquote(bytes.TrimSpace(data))
	if err != nil {
		return false, err
	}
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "1":
		return true, nil
	case "false", "0", "null", "":
		return false, nil
	}
	return false, errRef
}

func refInt(data []byte) (int64, error) {
	s, _, err := refUnquote(bytes.TrimSpace(data))
	if err != nil {
		return 0, err
	}
	s = strings.TrimSpace(s)
	if s == "" || s == "null" {
		return 0, nil
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		if s == "" || (s[0] != '-' && (s[0] < '0' || s[0] > '9')) || !json.Valid([]byte(s)) {
			return 0, errRef
		}
		f, ferr := strconv.ParseFloat(s, 64)
		if ferr != nil || f != math.Trunc(f) || f < -(1<<63) || f >= 1<<63 {
			return 0, errRef
		}
		v = int64(f)
	}
	return v, nil
}

var refTimeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02",
}

func refParseTime(s string) (time.Time, error) {
	for _, layout := range refTimeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, errRef
}

func refTime(data []byte) (time.Time, error) {
	data = bytes.TrimSpace(data)
	if bytes.Equal(data, []byte("null")) {
		return time.Time{}, nil
	}
	s, quoted, err := refUnquote(data)
	if err != nil || !quoted {
		return time.Time{}, errRef
	}
	if s == "" {
		return time.Time{}, nil
	}
	return refParseTime(s)
}

// refEmbedded decodes JSON stored inside a JSON string or given directly
// into v; null and "" leave v at its zero value.
func refEmbedded(data []byte, v any) error {
	data = bytes.TrimSpace(data)
	if bytes.Equal(data, []byte("null")) {
		return nil
	}
	s, quoted, err := refUnquote(data)
	if err != nil {
		return err
	}
	if !quoted {
		return json.Unmarshal(data, v)
	}
	if strings.TrimSpace(s) == "" {
		return nil
	}
	return json.Unmarshal([]byte(s), v)
}
