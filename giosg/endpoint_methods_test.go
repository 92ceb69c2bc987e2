package giosg_test

import (
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/chatsdk-go/chatsdk/giosg"
	"github.com/chatsdk-go/chatsdk/internal/testkit"
)

// serviceMethods lists every exported method of the services hung off
// giosg.Client as "Service.Method", mapped to its type.
func serviceMethods() map[string]reflect.Type {
	methods := map[string]reflect.Type{}
	ct := reflect.TypeOf(giosg.Client{})
	for i := 0; i < ct.NumField(); i++ {
		f := ct.Field(i)
		if !f.IsExported() || !strings.HasSuffix(f.Type.String(), "Service") {
			continue
		}
		for j := 0; j < f.Type.NumMethod(); j++ {
			m := f.Type.Method(j)
			methods[f.Name+"."+m.Name] = m.Type
		}
	}
	return methods
}

// TestEndpointLinesNameMethods checks the name column of
// internal/endpoints/giosg.txt (whose parser rejects a line that names no
// method): every named method exists on a service of giosg.Client, and
// every service method is named by some line (a ...Page method through its
// iterator sibling, which the line names).
func TestEndpointLinesNameMethods(t *testing.T) {
	methods := serviceMethods()
	if len(methods) == 0 {
		t.Fatal("giosg.Client has no service methods")
	}
	named := map[string]bool{}
	for _, e := range testkit.Endpoints(t, "giosg") {
		for _, m := range e.Methods {
			if _, ok := methods[m]; !ok {
				t.Errorf("line %d: %s names %s, which giosg.Client does not have", e.Line, e.Key(), m)
			}
			if strings.HasSuffix(m, "Page") {
				t.Errorf("line %d: %s names %s; name the iterator, its ...Page sibling is implied", e.Line, e.Key(), m)
			}
			named[m] = true
		}
	}
	var unnamed []string
	for m := range methods {
		if base, ok := strings.CutSuffix(m, "Page"); ok {
			if _, iter := methods[base]; iter {
				m = base
			}
		}
		if !named[m] {
			unnamed = append(unnamed, m)
		}
	}
	sort.Strings(unnamed)
	for _, m := range unnamed {
		t.Errorf("giosg.Client.%s sends a request but no line of internal/endpoints/giosg.txt names it", m)
	}
}
