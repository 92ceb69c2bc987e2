package jsondec

import (
	"reflect"
	"strings"
	"unsafe"

	"github.com/chatsdk-go/chatsdk/internal/jsonscan"
)

// structField is one JSON member of a struct: its name, where its value
// sits from the start of the struct, and its decoder.
type structField struct {
	name   string
	offset uintptr
	decode decodeFunc
}

// structDecoder decodes an object into a struct: members in place by exact
// name, unknown members skipped, null left as is. A member whose name
// matches a field only when case is folded goes to encoding/json, and so
// does a key with escapes or bytes outside ASCII.
func (c *compiler) structDecoder(t reflect.Type) decodeFunc {
	fields, ok := c.structFields(t)
	if !ok {
		return c.refuse()
	}
	byName := make(map[string]int, len(fields))
	for i, f := range fields {
		byName[f.name] = i
	}
	return func(d *jsonscan.Scanner, p unsafe.Pointer) bool {
		if isNull, ok := d.Null(); isNull || !ok {
			return ok
		}
		empty, ok := d.Enter('{')
		if !ok || empty {
			return ok
		}
		next := 0
		for {
			key, plain, ok := d.ObjectKey()
			if !ok || !plain {
				return false
			}
			i := -1
			if next < len(fields) && fields[next].name == string(key) {
				i = next
			} else if at, found := byName[string(key)]; found {
				i = at
			}
			if i >= 0 {
				if !fields[i].decode(d, unsafe.Add(p, fields[i].offset)) {
					return false
				}
				next = i + 1
			} else {
				for _, f := range fields {
					if len(f.name) == len(key) && strings.EqualFold(f.name, view(key)) {
						return false
					}
				}
				if _, ok := d.SkipValue(); !ok {
					return false
				}
			}
			more, ok := d.Next('}')
			if !ok {
				return false
			}
			if !more {
				return true
			}
		}
	}
}

// candidate is a field found while walking a struct and its embedded
// structs, before encoding/json's rules pick one per name.
type candidate struct {
	structField
	typ    reflect.Type
	depth  int
	tagged bool
}

// structFields lists the fields encoding/json decodes into t, with the
// names it matches them by; ok is false when t uses a feature left to
// encoding/json (a `,string` option, an embedded pointer, a struct
// embedded twice, a name outside ASCII or with unusual punctuation).
func (c *compiler) structFields(t reflect.Type) ([]structField, bool) {
	var found []candidate
	seen := map[reflect.Type]bool{t: true}
	var walk func(t reflect.Type, base uintptr, depth int) bool
	walk = func(t reflect.Type, base uintptr, depth int) bool {
		for i := range t.NumField() {
			sf := t.Field(i)
			if sf.Anonymous {
				if sf.Type.Kind() == reflect.Pointer {
					if sf.Type.Elem().Kind() == reflect.Struct && sf.Tag.Get("json") != "-" {
						return false
					}
					if !sf.IsExported() {
						continue
					}
				} else if !sf.IsExported() && sf.Type.Kind() != reflect.Struct {
					continue
				}
			} else if !sf.IsExported() {
				continue
			}
			tag := sf.Tag.Get("json")
			if tag == "-" {
				continue
			}
			name, opts, _ := strings.Cut(tag, ",")
			if hasOption(opts, "string") || name != "" && !plainName(name) || name != "" && sf.Anonymous && !sf.IsExported() {
				return false
			}
			if name == "" && sf.Anonymous && sf.Type.Kind() == reflect.Struct {
				if seen[sf.Type] {
					return false
				}
				seen[sf.Type] = true
				if !walk(sf.Type, base+sf.Offset, depth+1) {
					return false
				}
				continue
			}
			tagged := name != ""
			if !tagged {
				name = sf.Name
			}
			if !isASCII(name) {
				return false
			}
			found = append(found, candidate{
				structField: structField{name: name, offset: base + sf.Offset},
				typ:         sf.Type, depth: depth, tagged: tagged,
			})
		}
		return true
	}
	if !walk(t, 0, 0) {
		return nil, false
	}
	var fields []structField
	for i, f := range found {
		if !dominates(f, i, found) {
			continue
		}
		f.decode = c.decoderOf(f.typ)
		fields = append(fields, f.structField)
	}
	return fields, true
}

// dominates reports whether found[i] is the field encoding/json decodes its
// name into: the shallowest one, or among the shallowest the only tagged
// one; a tie leaves the name to no field.
func dominates(f candidate, i int, found []candidate) bool {
	for j, g := range found {
		if j == i || g.name != f.name {
			continue
		}
		if g.depth < f.depth || g.depth == f.depth && (g.tagged == f.tagged || g.tagged) {
			return false
		}
	}
	return true
}

// hasOption reports whether the comma-separated tag options hold option.
func hasOption(opts, option string) bool {
	for opts != "" {
		var o string
		o, opts, _ = strings.Cut(opts, ",")
		if o == option {
			return true
		}
	}
	return false
}

// plainName reports whether a tag name is made only of ASCII letters,
// digits and the punctuation common in JSON names, all of which
// encoding/json accepts; other names are left to its fuller rule.
func plainName(name string) bool {
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case c == '_', c == '-', c == '.', c == '$', c == '@':
		default:
			return false
		}
	}
	return true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
