package giosg

import (
	"time"

	"github.com/chatsdk-go/chatsdk/internal/lenient"
)

// Time is a giosg datetime. The API sends both "2015-02-13T11:31:36.042"
// (no zone, read as UTC) and "2016-09-01T11:31:36.042Z"; both decode. In a
// request body (MembershipUpdate.LastSeenAt) it is sent in UTC without a
// zone, to the millisecond, as documented; on its own it encodes as RFC 3339
// in UTC, and the zero Time as null.
type Time struct{ time.Time }

// UnmarshalJSON reads an RFC 3339 datetime with or without a zone (UTC
// when none), null or "".
func (t *Time) UnmarshalJSON(data []byte) error { return (*lenient.Time)(t).UnmarshalJSON(data) }

// MarshalJSON writes RFC 3339 in UTC, or null for the zero time.
func (t Time) MarshalJSON() ([]byte, error) { return lenient.Time(t).MarshalJSON() }
