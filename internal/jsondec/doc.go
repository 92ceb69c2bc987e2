// Package jsondec decodes JSON into Go values with exactly the result of
// encoding/json.Unmarshal, faster on the documents the SDK receives.
//
// Unmarshal compiles, once per type, a decoder that reads the bytes in one
// pass and writes each value in place. It takes that path only when its
// answer is certain to be encoding/json's: the destination is zero, the
// type uses nothing it does not know (text unmarshalers, `,string` fields,
// fixed arrays, base64 byte slices, ambiguous embedded fields), and the
// document holds nothing it leaves to encoding/json (a type mismatch, a key
// that matches a field only when case is folded, invalid JSON). Anything
// else, and every error, is encoding/json's own: the destination is reset
// and json.Unmarshal decodes it.
//
// Built with the tag chatsdk_encodingjson, Unmarshal is json.Unmarshal.
package jsondec
