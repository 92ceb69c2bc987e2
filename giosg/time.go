package giosg

import "github.com/chatsdk-go/chatsdk/internal/lenient"

// Time is a giosg datetime. The API sends both "2015-02-13T11:31:36.042"
// (no zone, read as UTC) and "2016-09-01T11:31:36.042Z"; both decode. In a
// request body (MembershipUpdate.LastSeenAt) it is sent in UTC without a
// zone, to the millisecond, as documented; on its own it encodes as RFC 3339
// in UTC, and the zero Time as null.
type Time = lenient.Time
