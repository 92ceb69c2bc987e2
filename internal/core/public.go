package core

import (
	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/internal/config"
)

// Config is what the client options configure; callConfig what the
// per-call options configure.
type (
	Config     = config.Client
	callConfig = config.Call
)

// Default retry settings.
const (
	DefaultMaxRetries   = config.DefaultMaxRetries
	DefaultRetryWaitMin = config.DefaultRetryWaitMin
	DefaultRetryWaitMax = config.DefaultRetryWaitMax
)

// DefaultUserAgent is sent as the User-Agent header unless
// chatsdk.WithUserAgent replaces it.
const DefaultUserAgent = "chatsdk-go/" + chatsdk.Version
