package jsondec_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/chatsdk-go/chatsdk/internal/jsondec"
)

// assertSameAsEncodingJSON decodes data into a new T with Unmarshal and
// with json.Unmarshal and requires the same result from both.
func assertSameAsEncodingJSON[T any](t testing.TB, data []byte) {
	t.Helper()
	if diff := diffFromEncodingJSON[T](data); diff != "" {
		t.Fatal(diff)
	}
}

// diffFromEncodingJSON decodes data into a new T with Unmarshal and with
// json.Unmarshal and describes how the results differ, or returns "".
func diffFromEncodingJSON[T any](data []byte) string {
	return diffAs(reflect.TypeFor[T](), data)
}

// diffAs is diffFromEncodingJSON into a new value of typ.
func diffAs(typ reflect.Type, data []byte) string {
	got, want := reflect.New(typ).Interface(), reflect.New(typ).Interface()
	gotErr := jsondec.Unmarshal(data, got)
	wantErr := json.Unmarshal(data, want)
	return resultDiff(data, got, gotErr, want, wantErr)
}

// assertSameFrom is assertSameAsEncodingJSON for a destination that fill
// prepares, not a zero one.
func assertSameFrom[T any](t testing.TB, data []byte, fill func() *T) {
	t.Helper()
	got, want := fill(), fill()
	gotErr := jsondec.Unmarshal(data, got)
	wantErr := json.Unmarshal(data, want)
	if diff := resultDiff(data, got, gotErr, want, wantErr); diff != "" {
		t.Fatal(diff)
	}
}

// resultDiff describes how two decodings differ: an error from one only,
// errors of different dynamic types or texts, or values that are not
// deeply equal (a nil and an empty slice or map differ). It returns "" for
// the same result.
func resultDiff(data []byte, got any, gotErr error, want any, wantErr error) string {
	var diff string
	switch {
	case (gotErr == nil) != (wantErr == nil):
		diff = "one decoder fails"
	case gotErr == nil:
	case reflect.TypeOf(gotErr) != reflect.TypeOf(wantErr):
		diff = "error types differ"
	case gotErr.Error() != wantErr.Error():
		diff = "error texts differ"
	}
	if diff == "" && !reflect.DeepEqual(got, want) {
		diff = "decoded values differ"
	}
	if diff == "" {
		return ""
	}
	return fmt.Sprintf("input %q into %T: %s\njsondec:       %T %v\n  %#v\nencoding/json: %T %v\n  %#v",
		data, want, diff, gotErr, gotErr, got, wantErr, wantErr, want)
}

type (
	namedString string
	namedInt    int
	namedBool   bool
	namedFloat  float64
	namedBytes  []byte
	namedSlice  []int
)

type scalars struct {
	B   bool
	I   int
	I8  int8
	I16 int16
	I32 int32
	I64 int64
	U   uint
	U8  uint8
	U16 uint16
	U32 uint32
	U64 uint64
	UP  uintptr
	F32 float32
	F64 float64
	S   string
	NS  namedString
	NI  namedInt
	NB  namedBool
	NF  namedFloat
}

type inner struct {
	A int
	B string
	C []int
	M map[string]int
}

type pointers struct {
	P  *int
	PP **int
	PS *string
	PN *namedString
	PI *inner
	PA *any
}

type slices struct {
	Ints    []int
	Strs    []string
	Nested  [][]int
	Structs []inner
	Ptrs    []*inner
	Anys    []any
	Maps    []map[string]int
	Named   namedSlice
}

type maps struct {
	M   map[string]int
	NK  map[namedString]string
	IK  map[int]string
	U8K map[uint8]int
	TK  map[textKey]int
	MS  map[string]inner
	MP  map[string]*inner
	MA  map[string]any
	MM  map[string]map[string]int
}

type anys struct {
	A any
	L []any
	M map[string]any
	P *any
}

type raws struct {
	R  json.RawMessage
	PR *json.RawMessage
	N  json.Number
	PN *json.Number
	B  []byte
	NB namedBytes
	A  [3]int
	A0 [0]int
	AB [2]byte
	AS [2]inner
}

// Base and Other both have an ID, for conflicts between embedded structs.
type Base struct {
	ID   int
	Name string
}

// Other is embedded next to Base.
type Other struct {
	ID    int
	Extra string
}

// TaggedID names its field by tag, winning over Base's untagged ID.
type TaggedID struct {
	Key int `json:"ID"`
}

// Wrapper embeds Base one level down.
type Wrapper struct {
	Base
	Level int
}

// Tags is a named slice embedded as a field of its own name.
type Tags []string

type base struct {
	Hidden int
	Shown  string
	//lint:ignore U1000 encoding/json skips unexported fields
	hidden int
}

type embedValue struct {
	Base
	Title string
}

type embedPointer struct {
	*Base
	Title string
}

type embedUnexported struct {
	base
	Title string
}

type embedUnexportedPointer struct {
	*base
	Title string
}

type embedConflict struct {
	Base
	Other
}

type embedTaggedConflict struct {
	Base
	TaggedID
}

type embedShadowed struct {
	Base
	ID string
}

type embedDeep struct {
	Wrapper
	Other
}

type embedTwice struct {
	Wrapper
	Base `json:"base2"`
}

type embedSameTypeTwice struct {
	Wrapper
	W2 struct{ Base }
}

type embedNonStruct struct {
	//lint:ignore U1000 encoding/json skips an unexported embedded non-struct
	namedInt
	Tags
	//lint:ignore U1000 encoding/json skips an unexported embedded non-struct
	*namedString
}

type embedTagged struct {
	Base `json:"base"`
	X    int
}

type embedUnexportedTagged struct {
	base `json:"b"`
	X    int
}

type embedSkipped struct {
	*Base `json:"-"`
	X     int
}

type tags struct {
	Skip int `json:"-"`
	//lint:ignore SA5008 "-," names the field "-" in encoding/json
	Dash     int     `json:"-,"` //nolint:staticcheck // "-," names the field "-"
	Omit     int     `json:"omit,omitempty"`
	OmitZero int     `json:"oz,omitzero"`
	Str      int     `json:",string"`
	StrS     string  `json:"strs,string"`
	StrB     bool    `json:"strb,string"`
	StrF     float64 `json:"strf,string"`
	StrP     *int    `json:"strp,string"`
	//lint:ignore SA5008 an invalid name falls back to the field's
	Backslash int `json:"bad\\name"` //nolint:staticcheck // an invalid name falls back to the field's
	//lint:ignore SA5008 an invalid name falls back to the field's
	Quote    int `json:"q'uote"` //nolint:staticcheck // an invalid name falls back to the field's
	Space    int `json:"with space"`
	Unicode  int `json:"ünï"`
	Plus     int `json:"a+b"`
	Punct    int `json:"$ref"`
	At       int `json:"@type"`
	Dotted   int `json:"x-y.z"`
	OptsOnly int `json:",omitempty"`
	Empty    int `json:""`
	//lint:ignore U1000 encoding/json skips unexported fields
	unexported int
}

type plainTags struct {
	ID   int    `json:"id"`
	Name string `json:"name,omitempty"`
	//lint:ignore SA5008 "-," names the field "-" in encoding/json
	Dash   int    `json:"-,"` //nolint:staticcheck // "-," names the field "-"
	Skip   int    `json:"-"`
	Dotted string `json:"x-y.z"`
	Ref    string `json:"$ref"`
	Under  int    `json:"under_score"`
}

// ptrUnmarshaler records the bytes it was given.
type ptrUnmarshaler struct{ Got string }

func (p *ptrUnmarshaler) UnmarshalJSON(b []byte) error {
	p.Got += "<" + string(b) + ">"
	return nil
}

// valUnmarshaler has a value receiver: it can refuse but not record.
type valUnmarshaler struct{ X int }

func (valUnmarshaler) UnmarshalJSON(b []byte) error {
	if string(b) == `"bad"` {
		return errors.New("valUnmarshaler: bad")
	}
	return nil
}

// failingUnmarshaler refuses every value.
type failingUnmarshaler struct{ X int }

func (*failingUnmarshaler) UnmarshalJSON(b []byte) error {
	return fmt.Errorf("failingUnmarshaler: %s", b)
}

// intUnmarshaler is a non-struct type that counts its calls.
type intUnmarshaler int

func (n *intUnmarshaler) UnmarshalJSON(b []byte) error {
	*n += intUnmarshaler(len(b)) + 1000
	return nil
}

// textUnmarshaler reads upper-case text and refuses "bad".
type textUnmarshaler struct{ S string }

func (u *textUnmarshaler) UnmarshalText(b []byte) error {
	if string(b) == "bad" {
		return errors.New("textUnmarshaler: bad")
	}
	u.S = strings.ToUpper(string(b))
	return nil
}

// textKey is a map key read through UnmarshalText.
type textKey string

func (k *textKey) UnmarshalText(b []byte) error {
	*k = textKey("k:" + string(b))
	return nil
}

type unmarshalers struct {
	P  ptrUnmarshaler
	PP *ptrUnmarshaler
	V  valUnmarshaler
	PV *valUnmarshaler
	N  intUnmarshaler
	PN *intUnmarshaler
	L  []ptrUnmarshaler
	LP []*ptrUnmarshaler
	M  map[string]ptrUnmarshaler
	X  int
}

type failing struct {
	A int
	F failingUnmarshaler
	B int
}

type failingPtr struct {
	A int
	F *failingUnmarshaler
	B string
}

type texts struct {
	T  textUnmarshaler
	PT *textUnmarshaler
	L  []textUnmarshaler
	X  int
}

// stamped embeds time.Time, whose UnmarshalJSON it takes over.
type stamped struct {
	time.Time
	Note string
}

type times struct {
	T     time.Time
	P     *time.Time
	Named stamped
	Anon  struct{ time.Time }
	AnonN struct {
		time.Time
		Note string
	}
	AnonP *struct{ time.Time }
	AnonL []struct{ time.Time }
	AnonM map[string]struct{ time.Time }
}

// anonTime holds only an unnamed struct embedding time.Time.
type anonTime struct {
	Anon struct{ time.Time }
}

// anonTimeList holds unnamed structs embedding time.Time in a slice.
type anonTimeList struct {
	L []struct{ time.Time }
}

// anonJSON holds an unnamed struct embedding a json.Unmarshaler.
type anonJSON struct {
	Anon struct {
		ptrUnmarshaler
		X int
	}
}

// anonText holds an unnamed struct embedding an encoding.TextUnmarshaler.
type anonText struct {
	Anon struct{ textUnmarshaler }
}

// ambiguousUnmarshalers embeds two json.Unmarshalers: neither method is
// promoted, and their fields are decoded as its own.
type ambiguousUnmarshalers struct {
	ptrUnmarshaler
	failingUnmarshaler
}

// Node is a recursive type.
type Node struct {
	Name string
	Kids []Node
	Next *Node
	M    map[string]Node
}

type keys struct {
	Name   string `json:"name"`
	K      int
	Kelvin int
	Sk     int
	ID     int `json:"id"`
	Upper  int `json:"UPPER"`
	Lower  int `json:"upper"`
}

// emptyInterface is a named interface{}, decoded as any is.
type emptyInterface interface{}

type others struct {
	C  complex128
	Ch chan int
	F  func()
	E  emptyInterface
	S  fmt.Stringer
	X  int
}

type embedInterfaces struct {
	//lint:ignore U1000 encoding/json skips an unexported embedded non-struct
	any
	fmt.Stringer
	X int
}

// mixed holds a bit of everything the SDK models use.
type mixed struct {
	ID       int64             `json:"id"`
	Name     string            `json:"name"`
	Active   bool              `json:"active"`
	Score    float64           `json:"score"`
	Tags     []string          `json:"tags"`
	Attrs    map[string]string `json:"attrs"`
	Extra    any               `json:"extra"`
	Parent   *mixed            `json:"parent"`
	Kids     []mixed           `json:"kids"`
	Raw      json.RawMessage   `json:"raw"`
	Custom   ptrUnmarshaler    `json:"custom"`
	Created  time.Time         `json:"created"`
	Optional *int              `json:"optional,omitempty"`
	Base
}

// equivCase is one input decoded into one type by both decoders; a case
// with a knownGap is skipped, naming the difference it shows.
type equivCase struct {
	typ      string
	check    func(testing.TB, []byte)
	in       string
	knownGap string
}

// casesOf makes one case of T per input.
func casesOf[T any](inputs ...string) []equivCase {
	typ := reflect.TypeFor[T]().String()
	out := make([]equivCase, len(inputs))
	for i, in := range inputs {
		out[i] = equivCase{typ: typ, check: assertSameAsEncodingJSON[T], in: in}
	}
	return out
}

// fieldCases puts each value under each key: {"key": value}.
func fieldCases[T any](keys []string, values []string) []equivCase {
	var inputs []string
	for _, k := range keys {
		for _, v := range values {
			inputs = append(inputs, `{"`+k+`":`+v+`}`)
		}
	}
	return casesOf[T](inputs...)
}

var numberValues = []string{
	"0", "-0", "1", "-1", "127", "128", "-128", "-129", "255", "256", "32767", "32768", "-32769",
	"65535", "65536", "2147483647", "2147483648", "-2147483649", "4294967295", "4294967296",
	"9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
	"18446744073709551615", "18446744073709551616", "123456789012345678901234567890",
	"1.5", "1.0", "-1.5", "1e2", "1E+2", "1e-2", "1e400", "-1e400", "1e-400", "0.0", "-0.0", "0e0",
	"3.4028234663852886e38", "3.5e38", "1.7976931348623157e308", "1.8e308", "4.9e-324", "2.5e-324",
	"0.1", "0.30000000000000004", "1.00000000000000011102230246251565404236316680908203125",
	"01", "-01", "00", "1.", ".5", "1e", "1e+", "-", "+1", "0x10", "1_000", "Infinity", "NaN", "-Infinity",
	"1.5e3", "15e-1", "100e-2", "1E0", "1e-46", "1e39", "-1e39", "1.401298464324817e-45", "7e-46",
}

var literalValues = []string{
	"true", "false", "null", "tru", "nul", "fals", "truex", "nullx", "falsey", "True", "NULL",
	`"1"`, `"true"`, `""`, `"x"`, "[]", "{}", "[1]", `{"a":1}`, " 1 ", "\t\r\n1\t\r\n", "1 2", "1,", "[1", "{",
}

var stringValues = []string{
	`""`, `"plain"`, `"a\nb"`, `"\""`, `"\\"`, `"\/"`, `"\b\f\n\r\t"`, `"\u0041"`, `"\u00e9"`, `"\u00E9"`,
	`"\u0000"`, `"\u001f"`, `"\u007f"`, `"\u2028\u2029"`, `"\ud83d\ude00"`, `"\uD83D\uDE00"`, `"\ud83d"`,
	`"\ude00"`, `"\ude00\ud83d"`, `"\ud83d\ud83d\ude00"`, `"\ud83dx"`, `"\ud83d\n"`, `"\ud83d\u0041"`,
	`"\ud83d\u"`, `"\ud83d\ude0"`, `"\ud800\udbff"`, `"\udbff\udfff"`, `"x\ud83d"`, `"\ud83d\\"`,
	`"\x"`, `"\u12"`, `"\u12G4"`, `"\'"`, `"\U0041"`, `"\a"`, `"\0"`, `"\`, `"abc`, `"\"`,
	"\"\xff\"", "\"\xc3\"", "\"\xc3\x28\"", "\"\xed\xa0\x80\"", "\"\xf4\x90\x80\x80\"", "\"\xc0\xaf\"",
	"\"a\xffb\\n\"", "\"\xe2\x82\"", "\"\xe2\x82\xac\"", "\"\xf0\x9f\x98\x80\"", "\"\xef\xbf\xbd\"",
	"\"\x00\"", "\"\x1f\"", "\"\x7f\"", "\"\t\"", "\"\n\"", "\"\r\"", "\"é\"", "\"日本語\"", "\"\xff\\u0041\"",
	"\"\\u00e9\xff\"", "\"é\\\"\"",
}

var structure = []string{
	"", " ", "\t\r\n", "{}", " \r\n\t{}\r\n\t ", "{} {}", "{}x", "{}}", "{}]", "{},", "{}\x00", "\x00{}",
	"\ufeff{}", "[]", "null", " null ", "1", `"s"`, "true", "[{}]", "{", "}", `{"`, `{"A"`, `{"A":`, `{"A":1`,
	`{"A":1,}`, `{,"A":1}`, `{"A" 1}`, `{"A":1 "B":2}`, `{A:1}`, `{'A':1}`, `{"A":1,"A":2}`, `{"a":1}`,
	`{"A":1}{"A":2}`, `{"A":1}  `, `[1,2]`, `{"zzz":{"a":[1,{"b":null}],"c":"\u00e9"},"A":1}`,
	`{"zzz":[1,}`, `{"zzz":tru}`, "{\"zzz\":\"\x01\"}", `{"zzz":01}`, `{"zzz":{"a" 1}}`, `{"zzz":[[[[]]]]}`,
	`{"zzz":"\ud800"}`, `{"zzz":-}`, `{"zzz":1.}`, `{"zzz":nul}`, `{"zzz":{}}}`, `{"zzz":[],"A":1}`,
	"{\"A\":1,\n\"B\":\"x\"\r}", `{"":1}`, `{"\u0041":1}`, `{"A\u0000":1}`, `{"é":1}`, `{"A":1,"é":2,"B":"x"}`,
}

// deep nests levels arrays, around mid in the innermost one.
func deep(levels int, mid string) string {
	return strings.Repeat("[", levels) + mid + strings.Repeat("]", levels)
}

// deepObjects nests levels objects {"A": ...}.
func deepObjects(levels int) string {
	return strings.Repeat(`{"A":`, levels) + "1" + strings.Repeat("}", levels)
}

// deepNodes nests Node objects levels deep through Kids.
func deepNodes(levels int) string {
	return strings.Repeat(`{"Kids":[`, levels) + "{}" + strings.Repeat("]}", levels)
}

func equivalenceCases() []equivCase {
	var cs []equivCase
	add := func(more ...[]equivCase) {
		for _, m := range more {
			cs = append(cs, m...)
		}
	}
	scalarKeys := []string{"B", "I", "I8", "I16", "I32", "I64", "U", "U8", "U16", "U32", "U64", "UP", "F32", "F64", "S", "NS", "NI", "NB", "NF"}
	add(
		fieldCases[scalars](scalarKeys, numberValues),
		fieldCases[scalars](scalarKeys, literalValues),
		fieldCases[scalars]([]string{"S", "NS"}, stringValues),
		casesOf[scalars](structure...),
		casesOf[scalars](
			`{"B":true,"I":-5,"I8":-128,"I16":300,"I32":-70000,"I64":-9223372036854775808,"U":5,"U8":255,"U16":65535,"U32":4294967295,"U64":18446744073709551615,"F32":1.5,"F64":-2.5e-10,"S":"s","NS":"n","NI":7,"NB":true,"NF":0.5}`,
			`{"I":1,"I":2,"I":null}`, `{"S":"a","S":null}`, `{"B":true,"B":false}`, `{"I":1,"i":2}`, `{"i":2,"I":1}`,
			`{"s":"lower"}`, `{"F64":1,"f64":2}`, `{"I8":1,"I8":1000}`, `{"I":1,"S":2,"B":true}`,
		),
	)
	for _, typ := range [][]equivCase{
		fieldCases[anys]([]string{"A"}, numberValues),
		fieldCases[anys]([]string{"A", "L", "M", "P"}, literalValues),
		fieldCases[anys]([]string{"A"}, stringValues),
		fieldCases[map[string]string]([]string{"k", "é", `\u00e9`, `\ud800`, "\xff", `\n`, ""}, stringValues[:20]),
		casesOf[anys](
			`{"A":{"x":[1,"2",true,null,{"y":1e400}]}}`, `{"A":{"x":1,"x":2}}`, `{"A":{"x":1},"A":[1]}`,
			`{"A":[1,2],"A":null}`, `{"A":123456789012345678901234567890}`, `{"A":1e308}`, `{"A":-1e-400}`,
			`{"L":[1,2],"L":[3]}`, `{"L":[]}`, `{"M":{"a":1},"M":{"b":2}}`, `{"M":{}}`, `{"P":1,"P":{"x":1}}`,
			`{"P":null}`, `{"A":{"\u00e9":1,"é":2}}`, `{"A":{"\ud800":1,"\udfff":2}}`, "{\"A\":{\"\xff\":1,\"\xfe\":2}}",
			`{"A":[[[[[]]]]]}`, `{"A":{"":{"":{}}}}`,
		),
	} {
		add(typ)
	}
	add(
		casesOf[pointers](
			`{}`, `{"P":null}`, `{"P":1}`, `{"P":1,"P":null}`, `{"P":null,"P":1}`, `{"PP":null}`, `{"PP":1}`,
			`{"PP":1,"PP":2}`, `{"PS":"x"}`, `{"PS":1}`, `{"PN":"n"}`, `{"PI":{"A":1}}`, `{"PI":{"A":1},"PI":{"B":"x"}}`,
			`{"PI":{"A":1},"PI":null}`, `{"PI":null,"PI":{}}`, `{"PI":[]}`, `{"PA":null}`, `{"PA":{"x":1}}`,
			`{"PA":1,"PA":"s"}`, `{"P":"1"}`, `{"P":1.5}`, `{"PI":{"A":"x"}}`, `{"P":nul}`, `{"P":nullx}`,
		),
		casesOf[slices](
			`{}`, `{"Ints":[]}`, `{"Ints":null}`, `{"Ints":[1,2,3]}`, `{"Ints":[1,2],"Ints":[3]}`, `{"Ints":[1],"Ints":[]}`,
			`{"Ints":[1],"Ints":null}`, `{"Ints":[null]}`, `{"Ints":[1,null,3]}`, `{"Ints":[1,"2"]}`, `{"Ints":[1,]}`,
			`{"Ints":[,1]}`, `{"Ints":[1 2]}`, `{"Ints":{}}`, `{"Ints":"x"}`, `{"Strs":["a","\u00e9",null]}`,
			`{"Nested":[[],[1],null,[2,3]]}`, `{"Nested":[[[1]]]}`, `{"Structs":[{"A":1},{"B":"x"}],"Structs":[{"C":[1]}]}`,
			`{"Structs":[{"A":1},{"A":2}],"Structs":[{"B":"x"}],"Structs":[{"C":[1]},{"C":[2]}]}`,
			`{"Structs":[{"A":1},{"A":2},{"A":3}],"Structs":[{"B":"x"}],"Structs":[{"C":[1]},{"C":[2]},{"M":{"a":1}},{}]}`,
			`{"Structs":[{"M":{"a":1}},{"M":{"b":2}}],"Structs":[{}],"Structs":[{},{}]}`,
			`{"Ptrs":[{"A":1},null,{}]}`, `{"Ptrs":[{"A":1},{"A":2}],"Ptrs":[{"B":"x"}],"Ptrs":[{"C":[1]},{"C":[2]}]}`,
			`{"Anys":[1,"a",null,[],{}]}`, `{"Maps":[{"a":1},null,{}]}`, `{"Maps":[{"a":1}],"Maps":[{"b":2}]}`,
			`{"Named":[1,2]}`, `{"Named":null}`, `{"Structs":[{"A":1},{"A":"x"},{"A":3}]}`,
			`{"Ints":[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33]}`,
		),
		casesOf[maps](
			`{}`, `{"M":{}}`, `{"M":null}`, `{"M":{"a":1,"b":2}}`, `{"M":{"a":1},"M":{"b":2}}`, `{"M":{"a":1},"M":null}`,
			`{"M":{"a":1,"a":2}}`, `{"M":{"a":null}}`, `{"M":{"a":"x"}}`, `{"M":{"a":1.5}}`, `{"M":[]}`, `{"M":{"\u00e9":1,"é":2}}`,
			`{"M":{"":1}}`, `{"M":{"a":1,}}`, `{"M":{1:1}}`, `{"NK":{"a":"b"}}`, `{"NK":{"a":"b","a":"c"}}`,
			`{"IK":{"1":"a","-2":"b"}}`, `{"IK":{"x":"a"}}`, `{"IK":{"1.5":"a"}}`, `{"IK":{"99999999999999999999":"a"}}`,
			`{"U8K":{"255":1}}`, `{"U8K":{"256":1}}`, `{"U8K":{"-1":1}}`, `{"TK":{"a":1}}`, `{"TK":{"a":1,"a":2}}`,
			`{"MS":{"a":{"A":1},"a":{"B":"x"}}}`, `{"MS":{"a":{"A":1}},"MS":{"a":{"B":"x"}}}`, `{"MS":{"a":null}}`,
			`{"MP":{"a":{"A":1},"a":{"B":"x"}}}`, `{"MP":{"a":null}}`, `{"MA":{"a":{"x":1},"b":[1],"c":null}}`,
			`{"MM":{"a":{"x":1}},"MM":{"a":{"y":2}}}`, `{"MM":{"a":{"x":1},"a":{"y":2}}}`, `{"MM":{"a":null}}`,
			`{"MS":{"a":{"A":"x"}}}`, `{"M":{"a":1,"b":"x","c":3}}`,
		),
		casesOf[raws](
			`{}`, `{"R":null}`, `{"R":1}`, `{"R":{"a":[1, 2]}}`, `{"R": "x" }`, `{"R":[1,}`, `{"R":1,"R":2}`,
			`{"PR":null}`, `{"PR":{"a":1}}`, `{"N":1}`, `{"N":"1"}`, `{"N":"x"}`, `{"N":1e400}`, `{"N":null}`, `{"N":-0.5e3}`,
			`{"PN":2}`, `{"B":"aGVsbG8="}`, `{"B":"aGVsbG8"}`, `{"B":"!!"}`, `{"B":null}`, `{"B":""}`, `{"B":[1,2]}`,
			`{"NB":"aGk="}`, `{"A":[1,2,3]}`, `{"A":[1]}`, `{"A":[1,2,3,4]}`, `{"A":[1],"A":[]}`, `{"A0":[1]}`,
			`{"AB":"aGk="}`, `{"AB":[1,2]}`, `{"AS":[{"A":1},{"B":"x"},{"C":[1]}]}`, `{"AS":[{"A":1}],"AS":[{"B":"x"}]}`,
			`{"A":null}`, `{"A":[null,1]}`, `{"A":{}}`,
		),
		casesOf[embedValue](`{"ID":1,"Name":"n","Title":"t"}`, `{"Base":{"ID":1}}`, `{"id":1}`, `{"ID":"x"}`, `{}`),
		casesOf[embedPointer](`{"ID":1,"Name":"n","Title":"t"}`, `{"Title":"t"}`, `{"Base":{"ID":1}}`, `{}`, `null`),
		casesOf[embedUnexported](`{"Hidden":1,"Shown":"s","hidden":2,"Title":"t"}`, `{"base":{"Hidden":1}}`, `{}`),
		casesOf[embedUnexportedPointer](`{"Hidden":1}`, `{"Title":"t"}`, `{}`, `{"Title":"t","Shown":"s"}`),
		casesOf[embedConflict](`{"ID":1,"Name":"n","Extra":"e"}`, `{"id":1}`, `{"Base":{"ID":1},"Other":{"ID":2}}`),
		casesOf[embedTaggedConflict](`{"ID":1,"Name":"n"}`, `{"id":1}`, `{"Key":1}`),
		casesOf[embedShadowed](`{"ID":"s","Name":"n"}`, `{"ID":1}`, `{"id":"s"}`),
		casesOf[embedDeep](`{"ID":1,"Name":"n","Level":2,"Extra":"e"}`, `{"id":1}`),
		casesOf[embedTwice](`{"ID":1,"Name":"n","Level":2,"base2":{"ID":3}}`, `{"Base":{"ID":1}}`),
		casesOf[embedSameTypeTwice](`{"ID":1,"Name":"n","W2":{"ID":2}}`),
		casesOf[embedNonStruct](`{"namedInt":1,"Tags":["a"],"namedString":"s"}`, `{"Tags":null}`, `{"tags":["x"]}`),
		casesOf[embedTagged](`{"base":{"ID":1},"X":2}`, `{"ID":1}`, `{"Base":{"ID":1}}`),
		casesOf[embedUnexportedTagged](`{"b":{"Hidden":1},"X":2}`, `{"Hidden":1}`, `{"X":1}`),
		casesOf[embedSkipped](`{"ID":1,"X":2}`, `{"Base":{"ID":1}}`),
		casesOf[tags](
			`{"Skip":1,"-":2,"Dash":3}`, `{"omit":1,"oz":2}`, `{"Str":"5"}`, `{"Str":5}`, `{"Str":"x"}`, `{"Str":null}`,
			`{"Str":"null"}`, `{"strs":"\"x\""}`, `{"strs":"x"}`, `{"strb":"true"}`, `{"strf":"1.5"}`, `{"strp":"1"}`,
			`{"strp":null}`, `{"strp":"null"}`, `{"bad\\name":1,"Backslash":2}`, `{"q'uote":1}`, `{"with space":1}`,
			`{"ünï":1}`, `{"ÜNÏ":1}`, `{"a+b":1}`, `{"$ref":1}`, `{"@type":1}`, `{"x-y.z":1}`, `{"OptsOnly":1}`,
			`{"Empty":1}`, `{"u":1}`, `{"unexported":1}`,
		),
		casesOf[plainTags](
			`{"id":1,"name":"n","-":2,"Skip":3,"x-y.z":"d","$ref":"r","under_score":4}`, `{"ID":1}`, `{"Id":1}`,
			`{"NAME":"n"}`, `{"Dash":1}`, `{"-":"x"}`, `{"X-Y.Z":"d"}`, `{"$REF":"r"}`, `{"UNDER_SCORE":1}`, `{"id":1,"id":2}`,
		),
		casesOf[unmarshalers](
			`{}`, `{"P":null}`, `{"P":1}`, `{"P":{"a" : [1, 2]}}`, `{"P":"x","P":"y"}`, `{"P": 1 }`, `{"PP":null}`,
			`{"PP":1}`, `{"PP":1,"PP":2}`, `{"PP":1,"PP":null}`, `{"V":1}`, `{"V":"bad"}`, `{"V":null}`, `{"PV":"bad"}`,
			`{"PV":null}`, `{"PV":{}}`, `{"N":null}`, `{"N":12}`, `{"N":1,"N":2}`, `{"PN":null}`, `{"PN":"abc"}`,
			`{"L":[1,null,"x"]}`, `{"LP":[1],"LP":[2]}`, `{"LP":[1],"LP":[null]}`, `{"L":[1,2],"L":[3]}`, `{"L":null}`, `{"L":[]}`, `{"LP":[1,null]}`, `{"M":{"a":1,"b":null}}`, `{"M":{"a":1,"a":2}}`,
			`{"P":tru}`, `{"P":[1,}`, `{"P":1,"X":"x"}`, `{"X":"x","P":1}`, `{"P":1,"x":2}`, `{"p":1}`,
		),
		casesOf[failing](`{}`, `{"F":1}`, `{"A":1,"F":null,"B":2}`, `{"A":1,"F":{"x":1},"B":2}`, `{"B":2}`, `{"f":1}`),
		casesOf[failingPtr](`{"F":null}`, `{"A":1,"F":1,"B":"b"}`, `{"F":null,"F":2}`, `{"B":"b"}`),
		casesOf[texts](
			`{"T":"abc"}`, `{"T":"bad"}`, `{"T":null}`, `{"T":1}`, `{"T":{}}`, `{"PT":"x"}`, `{"PT":null}`, `{"L":["a","b"]}`,
			`{"X":1}`, `{}`,
		),
		casesOf[times](
			`{}`, `{"T":"2024-01-02T03:04:05Z"}`, `{"T":"2024-01-02T03:04:05.123456789+02:00"}`, `{"T":"2024-01-02"}`,
			`{"T":null}`, `{"T":1}`, `{"T":""}`, `{"P":"2024-01-02T03:04:05Z"}`, `{"P":null}`,
			`{"Named":"2024-01-02T03:04:05Z"}`, `{"Named":{"Note":"n"}}`, `{"Named":null}`,
			`{"Anon":"2024-01-02T03:04:05Z"}`, `{"Anon":null}`, `{"AnonN":"2024-01-02T03:04:05Z"}`, `{"AnonP":"2024-01-02T03:04:05Z"}`,
			`{"AnonP":null}`, `{"Anon":{}}`, `{"AnonN":{"Note":"n"}}`, `{"AnonP":{}}`, `{"AnonL":[{}]}`, `{"AnonM":{"a":{}}}`, `{"AnonL":["2024-01-02T03:04:05Z"]}`, `{"AnonM":{"a":"2024-01-02T03:04:05Z"}}`,
		),
		casesOf[ambiguousUnmarshalers](`{"Got":"g","X":1}`, `{}`, `null`, `1`, `{"X":"x"}`),
		casesOf[anonTime](`{}`, `{"Anon":{}}`, `{"Anon":{"Time":1}}`, `{"Anon":"2024-01-02T03:04:05Z"}`, `{"Anon":null}`, `{"Anon":"x"}`, `{"Anon":1}`),
		casesOf[anonTimeList](`{}`, `{"L":[{}]}`, `{"L":[]}`, `{"L":["2024-01-02T03:04:05Z"]}`, `{"L":[null]}`),
		casesOf[anonJSON](`{}`, `{"Anon":{}}`, `{"Anon":{"X":1}}`, `{"Anon":{"Got":"g"}}`, `{"Anon":1}`, `{"Anon":null}`, `{"Anon":"x"}`),
		casesOf[anonText](`{}`, `{"Anon":{}}`, `{"Anon":{"S":"x"}}`, `{"Anon":"abc"}`, `{"Anon":null}`, `{"Anon":1}`),
		casesOf[Node](
			`{}`, `{"Name":"a","Kids":[{"Name":"b","Kids":[]},{"Kids":null}]}`, `{"Next":{"Next":{"Name":"c"}}}`,
			`{"M":{"a":{"Kids":[{}]}}}`, `{"Kids":[{"Name":1}]}`, `{"kids":[{}]}`, deepNodes(100), deepNodes(4499),
			deepNodes(4500), deepNodes(4501), deepNodes(5000), deepNodes(5001),
		),
		casesOf[keys](
			`{"name":"a"}`, `{"Name":"a"}`, `{"NAME":"a"}`, `{"nAmE":"a"}`, `{"\u006eame":"a"}`, `{"n\u0061me":"a"}`,
			`{"name":"a","NAME":"b"}`, `{"NAME":"b","name":"a"}`, `{"K":1}`, `{"k":1}`, "{\"\u212a\":1}", `{"\u212a":1}`,
			"{\"\u212aelvin\":1}", `{"kelvin":1}`, "{\"\u017fk\":1}", "{\"S\u212a\":1}", `{"sk":1}`, `{"SK":1}`, `{"ID":1}`,
			`{"Id":1}`, `{"id":1,"ID":2}`, `{"UPPER":1}`, `{"upper":1}`, `{"Upper":1}`, `{"uPPER":1}`, `{"Lower":1}`,
			"{\"nam\xe9\":1}", "{\"name\xff\":\"x\"}", `{"na\u0000me":1}`, `{"name\n":1}`,
		),
		casesOf[others](`{"X":1}`, `{"C":1}`, `{"Ch":1}`, `{"F":null}`, `{}`, `{"E":{"a":[1]}}`, `{"E":null}`, `{"S":null}`, `{"S":"x"}`),
		casesOf[embedInterfaces](`{"X":1}`, `{"any":1}`, `{"Stringer":null}`, `{"Stringer":1}`),
		casesOf[emptyInterface](`{"a":1}`, `[1]`, `null`),
		casesOf[mixed](
			`{"id":1,"name":"n","active":true,"score":1.5,"tags":["a"],"attrs":{"k":"v"},"extra":{"x":[1]},"parent":{"id":2},"kids":[{"id":3}],"raw":[1],"custom":{},"created":"2024-01-02T03:04:05Z","optional":4,"ID":9,"Name":"base"}`,
			`{"Name":"x"}`, `{"name":"x","Name":"y"}`, `{"kids":[{"kids":[{"kids":[]}]}]}`,
		),
		casesOf[int](numberValues...),
		casesOf[int8](numberValues...),
		casesOf[uint64](numberValues...),
		casesOf[float32](numberValues...),
		casesOf[float64](numberValues...),
		casesOf[string](stringValues...),
		casesOf[namedString](stringValues...),
		casesOf[bool](literalValues...),
		casesOf[any](structure...),
		casesOf[any](numberValues...),
		casesOf[any](stringValues...),
		casesOf[any](literalValues...),
		casesOf[[]int](literalValues...),
		casesOf[map[string]any](structure...),
		casesOf[*int]("null", "1", `"1"`, " 1 ", ""),
		casesOf[*scalars]("null", "{}", `{"I":1}`),
		casesOf[[3]int]("[1,2]", "[1,2,3,4]", "null"),
		casesOf[json.RawMessage](`{"a":1}`, "null", " 1 ", "[1,", ""),
		casesOf[json.Number]("1", `"1"`, "1e400", `"x"`),
		casesOf[[]byte](`"aGk="`, `null`, `[1]`),
		casesOf[ptrUnmarshaler]("null", "1", " {} ", `"x"`, "[1,", "{} {}", ""),
		casesOf[*ptrUnmarshaler]("null", "1", " {} "),
		casesOf[intUnmarshaler]("null", "1"),
		casesOf[failingUnmarshaler]("null", "1"),
		casesOf[valUnmarshaler](`"bad"`, "null", "1"),
		casesOf[textUnmarshaler](`"abc"`, "null", "1"),
		casesOf[time.Time](`"2024-01-02T03:04:05Z"`, "null", `"x"`),
		casesOf[struct{ time.Time }](`"2024-01-02T03:04:05Z"`, "null", "{}"),
		casesOf[any](deep(100, "1"), deep(8999, ""), deep(9000, ""), deep(9001, ""), deep(10000, ""), deep(10001, ""), deep(10001, "1")),
		casesOf[[]any](deep(9000, ""), deep(10000, ""), deep(10001, "")),
		casesOf[any](deepObjects(9000), deepObjects(10000), deepObjects(10001), strings.Repeat("[", 10001)),
		casesOf[anys](`{"A":`+deep(9999, "")+`}`, `{"A":`+deep(10000, "")+`}`, `{"L":`+deep(10000, "")+`}`),
		casesOf[scalars](`{"Unknown":`+deep(9999, "")+`}`, `{"Unknown":`+deep(10000, "")+`}`, `{"Unknown":`+deepObjects(10000)+`}`),
	)
	add(regressionCases)
	return cs
}

// regressionCases are inputs the fuzzer or the table found a difference
// on; those with a knownGap still differ.
var regressionCases []equivCase

func TestUnmarshalMatchesEncodingJSON(t *testing.T) {
	for i, c := range equivalenceCases() {
		name := fmt.Sprintf("%s/%d", c.typ, i)
		t.Run(name, func(t *testing.T) {
			if c.knownGap != "" {
				t.Skipf("known gap: %s", c.knownGap)
			}
			c.check(t, []byte(c.in))
		})
	}
}

// prefilled is a destination that holds values before decoding.
type prefilled struct {
	M   map[string]int
	S   []inner
	P   *inner
	PP  **int
	A   any
	I   int
	Str string
	U   ptrUnmarshaler
	Arr [2]int
}

func newPrefilled() *prefilled {
	n := 7
	pn := &n
	return &prefilled{
		M:   map[string]int{"a": 1, "z": 26},
		S:   []inner{{A: 1, B: "one", C: []int{1}}, {A: 2, M: map[string]int{"k": 2}}},
		P:   &inner{A: 9, B: "nine", C: []int{9, 9}},
		PP:  &pn,
		A:   map[string]any{"keep": true},
		I:   42,
		Str: "before",
		U:   ptrUnmarshaler{Got: "before"},
		Arr: [2]int{5, 6},
	}
}

func TestUnmarshalIntoPrefilledMatchesEncodingJSON(t *testing.T) {
	inputs := []string{
		`{}`, `null`, `{"M":{"b":2}}`, `{"M":{"a":null}}`, `{"M":null}`, `{"M":{}}`, `{"S":[{"B":"y"}]}`, `{"S":[]}`,
		`{"S":null}`, `{"S":[{},{},{"A":3}]}`, `{"S":[{"C":[7]},{"M":{"j":1}}]}`, `{"P":{"B":"z"}}`, `{"P":null}`,
		`{"P":{"C":[]}}`, `{"PP":3}`, `{"PP":null}`, `{"A":{"x":1}}`, `{"A":null}`, `{"A":[1]}`, `{"I":"x"}`,
		`{"M":{"b":"x"},"I":1}`, `{"S":[1],"Str":"after"}`, `{"M":{"c":3},"I":1.5,"Str":"s"}`, `{"U":1}`, `{"U":null}`,
		`{"Arr":[1]}`, `{"Arr":[1,2,3]}`, `{`, `{"M":{"b":2}`, `{"I":1}x`, `{"Str":"\ud800"}`, `[]`, `1`, ``,
		`{"I":1,"I":"x","Str":"after"}`, `{"P":{"A":"x","B":"after"}}`, `{"m":{"q":1},"s":[{}],"i":3}`,
	}
	for _, in := range inputs {
		assertSameFrom(t, []byte(in), newPrefilled)
	}
	for _, in := range []string{`{"I":1}`, `{"Str":"x"}`, `{"I":"x"}`, `{`} {
		assertSameFrom(t, []byte(in), func() *scalars { return &scalars{I: 3, S: "s", F64: math.Copysign(0, -1)} })
		assertSameFrom(t, []byte(in), func() *anys { return &anys{A: &inner{A: 1}} })
		assertSameFrom(t, []byte(in), func() *any { var v any = &scalars{I: 5}; return &v })
		assertSameFrom(t, []byte(in), func() *any { var v any = map[string]any{"I": 0}; return &v })
	}
}

func TestUnmarshalIntoZeroButFailingMatchesEncodingJSON(t *testing.T) {
	// A zero destination the fast path writes into before it stops on an
	// error must end as encoding/json leaves it, not half decoded twice.
	for _, in := range []string{
		`{"M":{"a":1},"S":[{"A":1}],"P":{"A":2},"I":"x","Str":"after"}`,
		`{"M":{"a":1},"S":[{"A":1}],"P":{"A":2},"U":1,"i":5}`,
		`{"M":{"a":1},"S":[{"A":1}],"P":{"A":2},"Arr":[1]}`,
		`{"M":{"a":1},"S":[{"A":1}],"P":{"A":2}}}`,
	} {
		assertSameAsEncodingJSON[prefilled](t, []byte(in))
	}
}

func TestUnmarshalInvalidDestinationMatchesEncodingJSON(t *testing.T) {
	var nilScalars *scalars
	var nilMap map[string]any
	for _, in := range []string{`{}`, `{"I":1}`, `null`, `{`, ``} {
		for _, v := range []any{nil, scalars{}, nilScalars, nilMap, map[string]any{}, 5, "s", []int{}, (*any)(nil), new(chan int), new(func())} {
			gotErr := jsondec.Unmarshal([]byte(in), v)
			wantErr := json.Unmarshal([]byte(in), v)
			require.Empty(t, resultDiff([]byte(in), v, gotErr, v, wantErr))
		}
	}
}

// textError is an error of its own type, for an error text another type
// shares.
type textError string

func (e textError) Error() string { return string(e) }

func TestResultDiffTellsDifferences(t *testing.T) {
	data := []byte("x")
	errA, errB := errors.New("a"), errors.New("b")
	require.Empty(t, resultDiff(data, &[]int{}, nil, &[]int{}, nil))
	require.Empty(t, resultDiff(data, nil, errA, nil, errors.New("a")))
	require.Contains(t, resultDiff(data, &[]int{}, nil, new([]int), nil), "values differ")
	require.Contains(t, resultDiff(data, &map[string]int{}, nil, new(map[string]int), nil), "values differ")
	require.Contains(t, resultDiff(data, nil, errA, nil, nil), "one decoder fails")
	require.Contains(t, resultDiff(data, nil, nil, nil, errA), "one decoder fails")
	require.Contains(t, resultDiff(data, nil, errA, nil, errB), "error texts differ")
	require.Contains(t, resultDiff(data, nil, errA, nil, textError("a")), "error types differ")
}

func TestConcurrentFirstUseMatchesEncodingJSON(t *testing.T) {
	type fresh struct {
		Node
		L []map[string]fresh
		T time.Time
		U ptrUnmarshaler
	}
	in := []byte(`{"Name":"a","Kids":[{"Name":"b"}],"L":[{"x":{"Name":"c","L":[]}}],"T":"2024-01-02T03:04:05Z","U":[1]}`)
	done := make(chan string)
	for range 8 {
		go func() { done <- diffFromEncodingJSON[fresh](in) }()
	}
	for range 8 {
		require.Empty(t, <-done)
	}
}
