// Package core is the HTTP core shared by the chatrhub, giosg and chatio
// clients: request building (base URL joining, escaped path segments,
// go-querystring queries, JSON bodies), authentication, retries over
// go-retryablehttp, error decoding, and pagination.
//
// Nothing here is specific to one API: each API package supplies its base
// URL and auth scheme through [Defaults]. The public types (errors,
// options, Response) are defined in the root package chatsdk, which the
// core imports; the options write internal/config's settings, which the
// core reads.
//
// One rule holds for every successful answer that the caller decodes: an
// empty body or JSON null, or an empty object {} where a struct is
// expected, is a [*DecodeError] ("empty body where an object was
// expected"), never a zero value; a 204 No Content, and an operation that
// documents an empty answer ([Request].EmptyAnswer), are the exceptions.
// A body that fails to arrive is a [*RequestError]: a replay-safe request
// is then retried like a connection error, a write is not. A successful
// body is bounded by [MaxResponseBody] and read into a single buffer.
package core
