package core_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"net/url"
	"reflect"
	"testing"
	"time"

	"github.com/google/go-querystring/query"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/chatsdk-go/chatsdk/chatrhub"
	"github.com/chatsdk-go/chatsdk/giosg"
	"github.com/chatsdk-go/chatsdk/internal/core"
)

// sdkQueryTypes are the params structs chatrhub and giosg send as queries.
var sdkQueryTypes = []any{
	chatrhub.ListAgentsParams{},
	chatrhub.AgentActivityParams{},
	chatrhub.ListMessagesParams{},
	chatrhub.ListVisitorsParams{},
	chatrhub.ListChatsParams{},
	chatrhub.ChatReportParams{},
	chatrhub.TransferChatParams{},
	chatrhub.ListTasksParams{},
	struct {
		VisitorUsername string `url:"visitor_username"`
	}{},
	giosg.ChatListParams{},
	giosg.MembershipListParams{},
	giosg.InvitationListParams{},
	giosg.ReplySuggestionListParams{},
	giosg.MessageListParams{},
}

type printedKind int

func (p printedKind) String() string { return fmt.Sprintf("P<%d>", int(p)) }

type printedBool bool

func (p printedBool) String() string { return fmt.Sprintf("B<%v>", bool(p)) }

type enumKind string

type innerFields struct {
	Str   string `url:"str"`
	Inner int    `url:"inner,omitempty"`
}

type deeperFields struct {
	innerFields
	Deep string `url:"deep"`
}

type Exported struct {
	Str      string `url:"str"`
	Exported bool   `url:"exported,int"`
}

// edgeParams has one field for every encoding rule the plan implements.
type edgeParams struct {
	Str      string `url:"str"`
	StrOmit  string `url:"str_omit,omitempty"`
	NoTag    int
	OmitOnly int    `url:",omitempty"`
	Dash     string `url:"-"`
	//lint:ignore U1000 an unexported field is never sent
	hidden    string
	Int8      int8    `url:"i8"`
	Int64     int64   `url:"i64,omitempty"`
	Uint16    uint16  `url:"u16"`
	Uint      uint    `url:"u,omitempty"`
	F32       float32 `url:"f32"`
	F64       float64 `url:"f64,omitempty"`
	Bool      bool    `url:"bool"`
	BoolInt   bool    `url:"bool_int,int"`
	BoolOmit  bool    `url:"bool_omit,omitempty"`
	PBool     *bool   `url:"pbool"`
	PBoolOmit *bool   `url:"pbool_omit,omitempty"`
	PInt      *int64  `url:"pint,omitempty"`
	PStr      *string `url:"pstr"`
	Enum      enumKind
	EnumOmit  enumKind `url:"enum_omit,omitempty"`

	T       time.Time  `url:"t"`
	TOmit   time.Time  `url:"t_omit,omitempty"`
	TUnix   time.Time  `url:"t_unix,unix"`
	TMilli  time.Time  `url:"t_milli,unixmilli"`
	TNano   time.Time  `url:"t_nano,unixnano,omitempty"`
	TLayout time.Time  `url:"t_layout" layout:"2006-01-02 15:04 MST"`
	PT      *time.Time `url:"pt"`
	PTOmit  *time.Time `url:"pt_omit,omitempty,unixmilli"`

	S        []string      `url:"s"`
	SComma   []string      `url:"s_comma,comma"`
	SSpace   []enumKind    `url:",space"`
	SSemi    []int         `url:"s_semi,semicolon,omitempty"`
	SBr      []string      `url:"s_br,brackets"`
	SDel     []int         `url:"s_del" del:"!"`
	SBoolInt []bool        `url:"sb,int" del:"|"`
	STimes   []time.Time   `url:"st,comma,unixmilli"`
	SPtr     []*string     `url:"sp"`
	SPtrCut  []*int        `url:"sp_cut,comma"`
	Arr      [2]int        `url:"arr"`
	Arr0     [0]int        `url:"arr0"`
	PSlice   *[]string     `url:"ps,comma"`
	Bytes    []byte        `url:"bytes,omitempty"`
	Printed  printedKind   `url:"printed"`
	SPrinted []printedKind `url:"s_printed,comma"`
	PBoolP   printedBool   `url:"pbp"`
	PBoolPI  printedBool   `url:"pbpi,int"`
	PPrinted *printedKind  `url:"pprinted"`

	Dup1    string `url:"dup"`
	Dup2    int    `url:"dup"`
	Special string `url:"a b&c=d"`

	innerFields
	Exported
	deeperFields
}

// Types the plan leaves to go-querystring.
type (
	valueEncoder   struct{ V string }
	pointerEncoder struct{ V string }
	nested         struct {
		A string `url:"a"`
	}
	namedTime time.Time
)

func (e valueEncoder) EncodeValues(key string, v *url.Values) error {
	v.Add(key+"_v", e.V)
	return nil
}

func (e *pointerEncoder) EncodeValues(key string, v *url.Values) error {
	if e == nil {
		v.Add(key+"_nil", "")
		return nil
	}
	v.Add(key+"_p", e.V)
	return nil
}

var fallbackTypes = []any{
	struct {
		E valueEncoder `url:"e"`
	}{},
	struct {
		E *valueEncoder `url:"e"`
	}{},
	struct {
		E *pointerEncoder `url:"e"`
	}{},
	struct {
		N nested `url:"n"`
	}{},
	struct {
		N *nested `url:"n"`
	}{},
	struct {
		*innerFields
		X int `url:"x"`
	}{},
	struct {
		I any `url:"i"`
	}{},
	struct {
		S []int `url:"s,numbered"`
	}{},
	struct {
		M map[string]string `url:"m"`
	}{},
	struct {
		P **int `url:"p"`
	}{},
	struct {
		T namedTime `url:"t"`
	}{},
	struct {
		C complex128 `url:"c"`
	}{},
	struct {
		S [][]int `url:"s"`
	}{},
	struct {
		Exported `url:"named"`
	}{},
}

func TestQueryPlanCoversTheSDKParams(t *testing.T) {
	for _, v := range append(sdkQueryTypes, edgeParams{}) {
		assert.True(t, core.HasQueryPlan(reflect.TypeOf(v)), "%T", v)
	}
	for _, v := range fallbackTypes {
		assert.False(t, core.HasQueryPlan(reflect.TypeOf(v)), "%T", v)
	}
}

// TestEncodeQueryMatchesGoQuerystring encodes random values of every type
// both ways: the plan must write what query.Values + Encode writes.
func TestEncodeQueryMatchesGoQuerystring(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	types := append(append(append([]any(nil), sdkQueryTypes...), edgeParams{}), fallbackTypes...)
	for _, proto := range types {
		typ := reflect.TypeOf(proto)
		for i := 0; i < 300; i++ {
			p := reflect.New(typ)
			if i > 0 {
				fill(r, p.Elem())
			}
			assertSameQuery(t, p.Interface())
			if i%10 == 0 {
				assertSameQuery(t, p.Elem().Interface())
			}
		}
	}
}

func TestEncodeQueryOtherInputs(t *testing.T) {
	var nilParams *chatrhub.ListChatsParams
	params := &chatrhub.ListChatsParams{StartDate: time.UnixMilli(1), Tag: "a b"}
	for _, q := range []any{
		nil, nilParams, &nilParams, &params, 42, "x", []int{1},
		url.Values{"b": {"2", "1"}, "a": {"x y"}}, url.Values{"a": {}}, map[string][]string{"k": {"v"}},
	} {
		assertSameQuery(t, q)
	}
}

func TestQueryEscapeMatchesURLQueryEscape(t *testing.T) {
	for c := 0; c < 256; c++ {
		s := string([]byte{byte(c)})
		got, err := core.EncodeQuery(url.Values{"k": {s}})
		require.NoError(t, err)
		assert.Equal(t, "k="+url.QueryEscape(s), got, "byte %#x", c)
	}
}

func assertSameQuery(t *testing.T, q any) {
	t.Helper()
	var want string
	values, wantErr := query.Values(q)
	switch v := q.(type) {
	case url.Values:
		values, wantErr = v, nil
	case map[string][]string:
		values, wantErr = v, nil
	}
	if wantErr == nil {
		want = values.Encode()
	}
	got, err := core.EncodeQuery(q)
	if wantErr != nil {
		require.EqualError(t, err, wantErr.Error(), "%#v", q)
		return
	}
	require.NoError(t, err, "%#v", q)
	require.Equal(t, want, got, "%#v", q)
}

var (
	sampleStrings = []string{"", "a", "a b", "ü/ø?&=#+%", "x,y;z", "-_.~", "\x00\xff", "2019-01-01"}
	sampleZones   = []*time.Location{time.UTC, time.FixedZone("IST", 5*3600+1800), time.FixedZone("", -7*3600), time.Local}
	sampleFloats  = []float64{0, math.Copysign(0, -1), 1, -1.5, 1e21, 1e-7, 123456789, 1e6, 0.1, math.Inf(1), math.Inf(-1), math.NaN(), math.MaxFloat64, math.SmallestNonzeroFloat64}
)

// fill sets every settable field of v to a random value, zero included.
func fill(r *rand.Rand, v reflect.Value) {
	if !v.CanSet() {
		return
	}
	if r.IntN(6) == 0 {
		v.SetZero()
		return
	}
	if v.Type() == reflect.TypeFor[time.Time]() {
		v.Set(reflect.ValueOf(randomTime(r)))
		return
	}
	switch v.Kind() {
	case reflect.String:
		if r.IntN(3) == 0 {
			v.SetString(randomString(r))
		} else {
			v.SetString(sampleStrings[r.IntN(len(sampleStrings))])
		}
	case reflect.Bool:
		v.SetBool(r.IntN(2) == 0)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n := r.Int64() >> r.IntN(64)
		if r.IntN(2) == 0 {
			n = -n
		}
		if v.OverflowInt(n) {
			n = int64(int8(n))
		}
		v.SetInt(n)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		n := r.Uint64() >> r.IntN(64)
		if v.OverflowUint(n) {
			n = uint64(uint8(n))
		}
		v.SetUint(n)
	case reflect.Float32, reflect.Float64:
		f := sampleFloats[r.IntN(len(sampleFloats))]
		if r.IntN(2) == 0 {
			f = r.NormFloat64() * math.Pow(10, float64(r.IntN(40)-20))
		}
		v.SetFloat(f)
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		fill(r, p.Elem())
		v.Set(p)
	case reflect.Slice:
		n := r.IntN(4)
		s := reflect.MakeSlice(v.Type(), n, n)
		for i := 0; i < n; i++ {
			fill(r, s.Index(i))
		}
		v.Set(s)
	case reflect.Array:
		for i := 0; i < v.Len(); i++ {
			fill(r, v.Index(i))
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			fill(r, v.Field(i))
		}
	case reflect.Map:
		v.Set(reflect.ValueOf(map[string]string{"k": randomString(r)}).Convert(v.Type()))
	case reflect.Interface:
		v.Set(reflect.ValueOf(randomString(r)))
	}
}

func randomString(r *rand.Rand) string {
	b := make([]byte, r.IntN(8))
	for i := range b {
		b[i] = byte(r.IntN(256))
	}
	return string(b)
}

func randomTime(r *rand.Rand) time.Time {
	loc := sampleZones[r.IntN(len(sampleZones))]
	switch r.IntN(5) {
	case 0:
		return time.Time{}.In(loc)
	case 1:
		// Before 1678: UnixNano overflows, as go-querystring's unixmilli does.
		return time.Date(1200+r.IntN(400), 1, 1, 0, 0, 0, 0, loc)
	case 2:
		return time.Now().In(loc)
	}
	return time.Unix(r.Int64N(4_000_000_000), r.Int64N(1e9)).In(loc)
}

// BenchmarkEncodeQuery compares the cached plan with go-querystring on
// chatrhub's Chats.List params.
func BenchmarkEncodeQuery(b *testing.B) {
	params := &chatrhub.ListChatsParams{StartDate: time.UnixMilli(1546300800000), EndDate: time.UnixMilli(1546387199999), Tag: "lead"}
	b.Run("plan", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			if _, err := core.EncodeQuery(params); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("go-querystring", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			v, err := query.Values(params)
			if err != nil {
				b.Fatal(err)
			}
			_ = v.Encode()
		}
	})
}

// TestURLForAllocatesOnlyTheURL: with a cached plan, building a URL with a
// query allocates the URL string and nothing else.
func TestURLForAllocatesOnlyTheURL(t *testing.T) {
	c, err := core.NewClient(core.Defaults{API: "test", BaseURL: "https://api.test.invalid/v1", AuthScheme: "Bearer"}, "tok")
	require.NoError(t, err)
	r := &core.Request{Operation: "test.List", Path: "/chats.json", Query: &chatrhub.ListChatsParams{StartDate: time.UnixMilli(1), EndDate: time.UnixMilli(2), Tag: "a b"}}
	got, err := c.URLFor(r)
	require.NoError(t, err)
	require.Equal(t, "https://api.test.invalid/v1/chats.json?end_date=2&start_date=1&tag=a+b", got)
	if core.RaceEnabled {
		t.Skip("allocation counts are not exact under the race detector")
	}
	allocs := testing.AllocsPerRun(100, func() {
		if _, err := c.URLFor(r); err != nil {
			t.Fatal(err)
		}
	})
	assert.Equal(t, 1.0, allocs)
}
