package core

import "reflect"

// HasQueryPlan reports whether EncodeQuery encodes struct type t with a
// cached plan (rather than through go-querystring).
func HasQueryPlan(t reflect.Type) bool { return planFor(t) != nil }

// RaceEnabled reports whether the tests run under the race detector.
const RaceEnabled = raceEnabled
