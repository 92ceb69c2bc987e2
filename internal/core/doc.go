// Package core is the HTTP core shared by the chatrhub, giosg and chatio
// clients: request building (base URL joining, escaped path segments,
// go-querystring queries, JSON bodies), authentication, retries over
// go-retryablehttp, error decoding, and pagination.
//
// Nothing here is specific to one API: each API package supplies its base
// URL and auth scheme through [Defaults] and re-exports the types its users
// need ([APIError], [Option], [CallOption], ...) as aliases.
package core

// Version is the SDK version sent in the default User-Agent.
const Version = "0.1.0"

// DefaultUserAgent is sent as the User-Agent header unless WithUserAgent
// replaces it.
const DefaultUserAgent = "chatsdk-go/" + Version
