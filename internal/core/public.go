package core

import (
	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/internal/config"
)

// The public types are defined in the root package chatsdk; the core
// names them here so that its code reads as before.
type (
	APIError     = chatsdk.APIError
	RequestError = chatsdk.RequestError
	DecodeError  = chatsdk.DecodeError
	ParamError   = chatsdk.ParamError
	Response     = chatsdk.Response
	RateLimit    = chatsdk.RateLimit
	Option       = chatsdk.Option
	CallOption   = chatsdk.CallOption
	TokenSource  = chatsdk.TokenSource

	// Config is what the client options configure; callConfig what the
	// per-call options configure.
	Config     = config.Client
	callConfig = config.Call

	RateLimiter    = config.RateLimiter
	AttemptInfo    = chatsdk.AttemptInfo
	MiddlewareNext = chatsdk.MiddlewareNext
	Middleware     = chatsdk.Middleware
	CallInfo       = chatsdk.CallInfo
	CallOutcome    = chatsdk.CallOutcome
	CallObserver   = chatsdk.CallObserver
)

// Sentinel errors (see package chatsdk).
var (
	ErrBadRequest         = chatsdk.ErrBadRequest
	ErrUnauthorized       = chatsdk.ErrUnauthorized
	ErrForbidden          = chatsdk.ErrForbidden
	ErrNotFound           = chatsdk.ErrNotFound
	ErrConflict           = chatsdk.ErrConflict
	ErrRateLimited        = chatsdk.ErrRateLimited
	ErrServer             = chatsdk.ErrServer
	ErrMayHaveBeenApplied = chatsdk.ErrMayHaveBeenApplied
	ErrUnsafeNextURL      = chatsdk.ErrUnsafeNextURL
	ErrRepeatedCursor     = chatsdk.ErrRepeatedCursor
	ErrPageLimit          = chatsdk.ErrPageLimit
	ErrInvalidParams      = chatsdk.ErrInvalidParams
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
