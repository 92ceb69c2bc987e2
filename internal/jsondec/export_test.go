package jsondec

// DecodeFast exposes the fast path to the tests, which check that the
// documented fixtures take it.
var DecodeFast = decodeFast

// FastPath tells the tests whether Unmarshal takes the fast path at all
// (false under the build tag chatsdk_encodingjson).
const FastPath = fastPath
