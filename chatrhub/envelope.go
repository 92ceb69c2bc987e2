package chatrhub

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"

	"github.com/chatsdk-go/chatsdk/internal/jsondec"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/internal/core"
)

// Envelope is the JSON:API document ChatrHub wraps every request and answer
// in: {"data": ...}.
type Envelope[T any] struct {
	Data T `json:"data"`
}

// Resource is one JSON:API resource object: {"type", "id", "attributes"}.
// Requests carry no id (ID 0 is left out).
type Resource[T any] struct {
	Type       string `json:"type"`
	ID         Int    `json:"id,omitempty"`
	Attributes T      `json:"attributes"`
}

// The resource types ("type") of the API's objects.
const (
	TypeAgents          = "agents"
	TypeAgentActivities = "agent_activities"
	TypeAgentGroups     = "agent_groups"
	TypeChats           = "chats"
	TypeReport          = "report"
	TypeGroups          = "groups"
	TypeMessages        = "messages"
	TypeTasks           = "q_tasks"
	TypeVisitors        = "visitors"
)

// identified is implemented by the models: it copies the resource's "id" and
// "type" into the model after its attributes were decoded.
type identified interface {
	setIdentity(id int64, typ string)
}

func (r *Resource[T]) model() T {
	if m, ok := any(&r.Attributes).(identified); ok {
		m.setIdentity(int64(r.ID), r.Type)
	}
	return r.Attributes
}

var null = []byte("null")

// one is "data" that should hold one resource object. It accepts an object,
// or an array of at most one object (the documented answer of Get Agent).
// null, {}, [] and a missing "data" leave res nil: no object. So does an
// object with no type, no id and no attributes (such as [{}]).
type one[T any] struct {
	res *Resource[T]
}

// isEmpty reports whether r carries nothing: no type, no id, zero attributes.
func (r *Resource[T]) isEmpty() bool {
	return r.Type == "" && r.ID == 0 && reflect.ValueOf(&r.Attributes).Elem().IsZero()
}

// nonEmpty returns r, or nil when r carries nothing.
func nonEmpty[T any](r *Resource[T]) *Resource[T] {
	if r == nil || r.isEmpty() {
		return nil
	}
	return r
}

func (o *one[T]) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case bytes.Equal(b, null) || isEmptyObject(b):
		o.res = nil
		return nil
	case len(b) > 0 && b[0] == '[':
		var list []Resource[T]
		if err := json.Unmarshal(b, &list); err != nil {
			return err
		}
		switch len(list) {
		case 0:
			o.res = nil
		case 1:
			o.res = nonEmpty(&list[0])
		default:
			return fmt.Errorf("data: want one object, got an array of %d", len(list))
		}
		return nil
	}
	var r Resource[T]
	if err := json.Unmarshal(b, &r); err != nil {
		return err
	}
	o.res = nonEmpty(&r)
	return nil
}

// many is "data" that should hold a list of resource objects. It accepts an
// array, or a single object as a list of one; null and {} are an empty list.
type many[T any] struct {
	list []Resource[T]
}

func (m *many[T]) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case bytes.Equal(b, null) || isEmptyObject(b):
		m.list = nil
		return nil
	case len(b) > 0 && b[0] == '{':
		var r Resource[T]
		if err := json.Unmarshal(b, &r); err != nil {
			return err
		}
		m.list = []Resource[T]{r}
		return nil
	}
	return json.Unmarshal(b, &m.list)
}

func (m *many[T]) models() []T {
	out := make([]T, len(m.list))
	for i := range m.list {
		out[i] = m.list[i].model()
	}
	return out
}

// oneDoc is a whole answer whose "data" should hold one resource object,
// with the same rules as one. It decodes the usual form, an object, in a
// single pass, and decodes again as one only when "data" turned out to be
// an array (Get Agent's documented answer).
type oneDoc[T any] struct {
	res *Resource[T]
	// doc is the usual form, decoded in place.
	doc Envelope[*Resource[T]]
}

// DecodeBody implements core.BodyDecoder.
func (d *oneDoc[T]) DecodeBody(data []byte) error {
	err := jsondec.Unmarshal(data, &d.doc)
	if dataIs(err, "array") {
		var env Envelope[one[T]]
		err = jsondec.Unmarshal(data, &env)
		d.res = env.Data.res
		return err
	}
	d.res = nonEmpty(d.doc.Data)
	return err
}

// manyDoc is a whole answer whose "data" should hold a list of resource
// objects, with the same rules as many; the usual form, an array, decodes in
// a single pass.
type manyDoc[T any] struct {
	many[T]
	// doc is the usual form, decoded in place.
	doc Envelope[[]Resource[T]]
}

// DecodeBody implements core.BodyDecoder.
func (d *manyDoc[T]) DecodeBody(data []byte) error {
	err := jsondec.Unmarshal(data, &d.doc)
	if dataIs(err, "object") {
		var env Envelope[many[T]]
		err = jsondec.Unmarshal(data, &env)
		d.list = env.Data.list
		return err
	}
	d.list = d.doc.Data
	return err
}

// dataIs reports whether err says that "data" held a JSON value of kind
// (array, object) where the other was expected.
func dataIs(err error, kind string) bool {
	if err == nil {
		return false
	}
	var te *json.UnmarshalTypeError
	return errors.As(err, &te) && te.Field == "data" && te.Value == kind
}

// isEmptyObject reports whether b is {} (with any white space inside).
func isEmptyObject(b []byte) bool {
	return len(b) >= 2 && b[0] == '{' && b[len(b)-1] == '}' && len(bytes.TrimSpace(b[1:len(b)-1])) == 0
}

// errNoData is the decode error of a Get whose answer holds no object.
var errNoData = errors.New(`the answer has no "data" object`)

// doOne sends r and returns the one object of the answer, or nil when the
// answer has none.
func doOne[T any](ctx context.Context, s *service, r *core.Request, opts []chatsdk.CallOption) (*T, *chatsdk.Response, error) {
	var doc oneDoc[T]
	resp, err := s.core.Do(ctx, r, &doc, opts...)
	if err != nil {
		return nil, resp, err
	}
	if doc.res == nil {
		return nil, resp, nil
	}
	m := doc.res.model()
	return &m, resp, nil
}

// getOne is doOne for operations that always answer with an object: an
// answer without one is a *chatsdk.DecodeError.
func getOne[T any](ctx context.Context, s *service, r *core.Request, opts []chatsdk.CallOption) (*T, error) {
	m, resp, err := doOne[T](ctx, s, r, opts)
	if err != nil {
		return nil, err
	}
	if m == nil {
		return nil, &chatsdk.DecodeError{Operation: r.Operation, StatusCode: resp.StatusCode, Field: "data", Err: errNoData}
	}
	return m, nil
}

// getMany sends r and returns the objects of the answer's "data" list.
func getMany[T any](ctx context.Context, s *service, r *core.Request, opts []chatsdk.CallOption) ([]T, error) {
	var doc manyDoc[T]
	if _, err := s.core.Do(ctx, r, &doc, opts...); err != nil {
		return nil, err
	}
	return doc.models(), nil
}

// body wraps request attributes in the document the API expects:
// {"data": {"type": typ, "attributes": attrs}}.
func body[T any](typ string, attrs T) Envelope[Resource[T]] {
	return Envelope[Resource[T]]{Data: Resource[T]{Type: typ, Attributes: attrs}}
}

// positiveID checks a path ID: IDs are positive integers, and a zero ID is
// almost always an unset variable.
func positiveID(op, param string, id int64) error {
	if id <= 0 {
		return paramErr(op, param, fmt.Sprintf("must be a positive ID, got %d", id))
	}
	return nil
}

// doResult sends r and decodes a {"success": ...} answer.
func doResult(ctx context.Context, s *service, r *core.Request, opts []chatsdk.CallOption) (*Success, error) {
	var res Success
	if _, err := s.core.Do(ctx, r, &res, opts...); err != nil {
		return nil, err
	}
	return &res, nil
}
