package chatrhubtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// kind is how a writable attribute is checked and stored.
type kind int

const (
	kString    kind = iota // a string or null
	kInt                   // an integer (or numeric string) or null; stored as a number
	kBool                  // true/false, 0/1, "0"/"1"; stored as a JSON boolean
	kJSONList              // a JSON list inside a string ("[\"123\"]"); a plain list is accepted too; stored as the string
	kAuthLevel             // 1, 3 or 5
	kPhone                 // a string; characters other than digits are stripped
)

// field is one attribute a write operation accepts.
type field struct {
	name     string
	kind     kind
	required bool
}

// readAttributes decodes a JSON:API request body {"data": {"type": wantType,
// "attributes": {...}}} and returns its attributes checked against fields.
// Unknown attributes are ignored. On failure it answers 400 and returns
// false.
func (c *call) readAttributes(wantType string, fields []field) (attrs, bool) {
	raw, err := io.ReadAll(c.r.Body) // the kit has bounded and buffered it
	if err != nil {
		c.badRequest("reading body: " + err.Error())
		return nil, false
	}
	if ct := c.r.Header.Get("Content-Type"); !strings.HasPrefix(strings.ToLower(ct), "application/json") && !strings.HasPrefix(strings.ToLower(ct), "application/vnd.api+json") {
		c.badRequest("Content-Type must be application/json")
		return nil, false
	}
	var doc struct {
		Data *struct {
			Type       string         `json:"type"`
			Attributes map[string]any `json:"attributes"`
		} `json:"data"`
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		c.badRequest("body is not a JSON:API document: " + err.Error())
		return nil, false
	}
	if doc.Data == nil {
		c.badRequest("body has no data object")
		return nil, false
	}
	if doc.Data.Type != "" && doc.Data.Type != wantType {
		c.badRequest(fmt.Sprintf("data.type is %q, want %q", doc.Data.Type, wantType))
		return nil, false
	}
	out, err := checkFields(doc.Data.Attributes, fields)
	if err != nil {
		c.badRequest(err.Error())
		return nil, false
	}
	return out, true
}

// checkFields validates the attributes in and returns the accepted ones in
// their stored form.
func checkFields(in map[string]any, fields []field) (attrs, error) {
	out := attrs{}
	for _, f := range fields {
		v, present := in[f.name]
		if !present {
			if f.required {
				return nil, fmt.Errorf("attribute %s is required", f.name)
			}
			continue
		}
		stored, err := f.check(v)
		if err != nil {
			return nil, fmt.Errorf("attribute %s: %w", f.name, err)
		}
		out[f.name] = stored
	}
	return out, nil
}

func (f field) check(v any) (any, error) {
	if v == nil {
		if f.required || f.kind == kBool || f.kind == kAuthLevel {
			return nil, fmt.Errorf("must not be null")
		}
		return nil, nil
	}
	switch f.kind {
	case kString:
		s, ok := v.(string)
		if !ok {
			return nil, fmt.Errorf("want a string")
		}
		if f.required && strings.TrimSpace(s) == "" {
			return nil, fmt.Errorf("must not be empty")
		}
		return s, nil
	case kPhone:
		s, ok := v.(string)
		if !ok {
			return nil, fmt.Errorf("want a string")
		}
		return digitsOnly(s), nil
	case kInt:
		n, ok := intOf(v)
		if !ok {
			return nil, fmt.Errorf("want an integer")
		}
		return num(n), nil
	case kAuthLevel:
		n, ok := intOf(v)
		if !ok || (n != 1 && n != 3 && n != 5) {
			return nil, fmt.Errorf("want 1 (agent), 3 (supervisor) or 5 (admin)")
		}
		return num(n), nil
	case kBool:
		b, ok := boolOf(v)
		if !ok {
			return nil, fmt.Errorf("want a boolean")
		}
		return b, nil
	case kJSONList:
		switch x := v.(type) {
		case string:
			var list []any
			if err := json.Unmarshal([]byte(x), &list); err != nil {
				return nil, fmt.Errorf("want a JSON list inside a string: %w", err)
			}
			return x, nil
		case []any:
			b, err := json.Marshal(x)
			if err != nil {
				return nil, err
			}
			return string(b), nil
		}
		return nil, fmt.Errorf("want a JSON list inside a string")
	}
	return v, nil
}

func digitsOnly(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
