package jsondec

// DecodeFast exposes the fast path to the tests, which check that the
// documented fixtures take it.
var DecodeFast = decodeFast
