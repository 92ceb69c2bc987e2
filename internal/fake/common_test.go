package fake_test

import (
	"net/http/httptest"
	"reflect"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/chatsdk-go/chatsdk/chatio/chatiotest"
	"github.com/chatsdk-go/chatsdk/chatrhub/chatrhubtest"
	"github.com/chatsdk-go/chatsdk/giosg/giosgtest"
	"github.com/chatsdk-go/chatsdk/internal/fake"
)

// commonServer is the interface every fake's *Server has, with F its
// Failure type and R its Request type.
type commonServer[F, R any] interface {
	FailNext(F)
	Requests() []R
	RequestCount(method, pattern string) int
	Close()
}

var (
	_ commonServer[chatrhubtest.Failure, chatrhubtest.Request] = (*chatrhubtest.Server)(nil)
	_ commonServer[giosgtest.Failure, giosgtest.Request]       = (*giosgtest.Server)(nil)
	_ commonServer[chatiotest.Failure, chatiotest.Request]     = (*chatiotest.Server)(nil)
)

// The option constructors every fake has, with the same signatures.
var (
	_ func(...chatrhubtest.Option) *chatrhubtest.Server = chatrhubtest.NewServer
	_ func(...giosgtest.Option) *giosgtest.Server       = giosgtest.NewServer
	_ func(...chatiotest.Option) *chatiotest.Server     = chatiotest.NewServer

	_ func(string) chatrhubtest.Option = chatrhubtest.WithToken
	_ func(string) giosgtest.Option    = giosgtest.WithToken
	_ func(string) chatiotest.Option   = chatiotest.WithToken

	_ func(func() time.Time) chatrhubtest.Option = chatrhubtest.WithClock
	_ func(func() time.Time) giosgtest.Option    = giosgtest.WithClock
	_ func(func() time.Time) chatiotest.Option   = chatiotest.WithClock

	_ func() chatrhubtest.Option = chatrhubtest.WithoutExamples
	_ func() giosgtest.Option    = giosgtest.WithoutExamples
	_ func() chatiotest.Option   = chatiotest.WithoutExamples

	// chatio does not page.
	_ func(int) chatrhubtest.Option = chatrhubtest.WithPageSize
	_ func(int) giosgtest.Option    = giosgtest.WithPageSize
)

// TestCommonTypesMatchTheKit checks that each fake's Failure and Request
// have the kit's fields, so that they convert to and from fake.Failure and
// fake.Request and document the same thing.
func TestCommonTypesMatchTheKit(t *testing.T) {
	for _, pair := range [][2]reflect.Type{
		{reflect.TypeFor[fake.Failure](), reflect.TypeFor[chatrhubtest.Failure]()},
		{reflect.TypeFor[fake.Failure](), reflect.TypeFor[giosgtest.Failure]()},
		{reflect.TypeFor[fake.Failure](), reflect.TypeFor[chatiotest.Failure]()},
		{reflect.TypeFor[fake.Request](), reflect.TypeFor[chatrhubtest.Request]()},
		{reflect.TypeFor[fake.Request](), reflect.TypeFor[giosgtest.Request]()},
		{reflect.TypeFor[fake.Request](), reflect.TypeFor[chatiotest.Request]()},
	} {
		assert.True(t, pair[1].ConvertibleTo(pair[0]), "%v to %v", pair[1], pair[0])
	}
}

// TestCommonServerFields checks BaseURL and Token on every fake.
func TestCommonServerFields(t *testing.T) {
	type fields struct {
		BaseURL, Token string
		Server         *httptest.Server
	}
	chatrhub := chatrhubtest.NewServer(chatrhubtest.WithToken("t1"))
	defer chatrhub.Close()
	giosg := giosgtest.NewServer(giosgtest.WithToken("t2"))
	defer giosg.Close()
	chatio := chatiotest.NewServer(chatiotest.WithToken("t3"))
	defer chatio.Close()
	for _, f := range []fields{
		{chatrhub.BaseURL, chatrhub.Token, chatrhub.Server},
		{giosg.BaseURL, giosg.Token, giosg.Server},
		{chatio.BaseURL, chatio.Token, chatio.Server},
	} {
		assert.Contains(t, f.BaseURL, f.Server.URL)
		assert.NotEmpty(t, f.Token)
	}
	assert.Equal(t, []string{"t1", "t2", "t3"}, []string{chatrhub.Token, giosg.Token, chatio.Token})
}
