package main

import (
	"flag"
	"io"
	"reflect"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/chatsdk-go/chatsdk/internal/testkit"
)

// endpointLines returns the API's documented operations as "METHOD path"
// lines, from the repository's one endpoint list (internal/endpoints/<api>.txt).
func endpointLines(t *testing.T, api string) []string {
	t.Helper()
	return testkit.Keys(testkit.Endpoints(t, api))
}

func TestEveryEndpointHasACommand(t *testing.T) {
	for _, api := range apis {
		documented := endpointLines(t, api.name)
		require.NotEmpty(t, documented, api.name)
		covered := map[string]bool{}
		for _, c := range api.commands {
			for _, e := range c.endpoints {
				covered[e] = true
			}
		}
		docSet := map[string]bool{}
		for _, line := range documented {
			docSet[line] = true
			if !covered[line] {
				t.Errorf("%s: no command for %q", api.name, line)
			}
		}
		for e := range covered {
			if !docSet[e] {
				t.Errorf("%s: command endpoint %q is not documented", api.name, e)
			}
		}
	}
}

// TestEveryParamsFieldHasAFlag checks that each exported field of each
// params struct a command takes is settable from the command line.
func TestEveryParamsFieldHasAFlag(t *testing.T) {
	for _, api := range apis {
		for _, c := range api.commands {
			for _, m := range []any{c.method, c.all} {
				if m == nil {
					continue
				}
				pt := paramsType(m)
				if pt == nil {
					continue
				}
				fs := flag.NewFlagSet(c.path, flag.ContinueOnError)
				fs.SetOutput(io.Discard)
				bindParams(fs, pt)
				var walk func(t reflect.Type)
				walk = func(st reflect.Type) {
					for i := 0; i < st.NumField(); i++ {
						f := st.Field(i)
						if !f.IsExported() {
							continue
						}
						if f.Anonymous && f.Type.Kind() == reflect.Struct {
							walk(f.Type)
							continue
						}
						if fs.Lookup(flagName(f)) == nil {
							t.Errorf("%s %s: no flag for %s.%s", api.name, c.path, pt, f.Name)
						}
					}
				}
				walk(pt)
			}
		}
	}
}

func TestCommandsMatchTheirMethods(t *testing.T) {
	for _, api := range apis {
		client, err := api.newClient("x", false, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range api.commands {
			if _, err := service(client, c.method); err != nil {
				t.Errorf("%s %s: %v", api.name, c.path, err)
			}
			if n := idArgs(reflect.TypeOf(c.method)); n != len(c.args) {
				t.Errorf("%s %s: method has %d path arguments, table names %d", api.name, c.path, n, len(c.args))
			}
			if len(c.scopes) > 0 && len(c.scopes) != len(c.endpoints) {
				t.Errorf("%s %s: scopes and endpoints differ in length", api.name, c.path)
			}
		}
	}
}

// TestEveryParamsFlagAcceptsAValue sets every generated flag once, so that no
// field type is left that the command line cannot express.
func TestEveryParamsFlagAcceptsAValue(t *testing.T) {
	candidates := []string{"2024-01-02", "1", "true", "x", "a,b", "null", "{}", "[]", `"x"`}
	for _, api := range apis {
		for _, c := range api.commands {
			pt := paramsType(c.method)
			if pt == nil {
				continue
			}
			for _, f := range paramFlags(pt) {
				ok := false
				for _, s := range candidates {
					fs := flag.NewFlagSet(c.path, flag.ContinueOnError)
					fs.SetOutput(io.Discard)
					build := bindParams(fs, pt)
					if fs.Parse([]string{"--" + f.name + "=" + s}) == nil {
						if _, err := build(); err == nil {
							ok = true
							break
						}
					}
				}
				if !ok {
					t.Errorf("%s %s: --%s (%s) accepts none of %q", api.name, c.path, f.name, f.typ, candidates)
				}
			}
		}
	}
}
