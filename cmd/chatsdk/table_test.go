package main

import (
	"bufio"
	"flag"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// endpointLines reads an endpoint file as "METHOD path" lines, from the
// repository's testdata when present, else from the embedded copy.
func endpointLines(t *testing.T, api, file string) []string {
	t.Helper()
	path := filepath.Join("..", "..", "testdata", api, file)
	if _, err := os.Stat(path); err != nil {
		path = filepath.Join("testdata", file)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "INCOMING") {
			continue
		}
		fields := strings.FieldsFunc(line, func(r rune) bool { return r == '\t' || r == ' ' })
		lines = append(lines, fields[0]+" "+fields[1])
	}
	return lines
}

func TestEveryEndpointHasACommand(t *testing.T) {
	files := map[string]string{"chatrhub": "chatrhub.tsv", "giosg": "giosg.txt", "chatio": "chatio.txt"}
	want := map[string]int{"chatrhub": 27, "giosg": 79, "chatio": 8}
	total := 0
	for _, api := range apis {
		documented := endpointLines(t, api.name, files[api.name])
		if len(documented) != want[api.name] {
			t.Errorf("%s: %d documented lines, want %d", api.name, len(documented), want[api.name])
		}
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
		total += len(docSet)
	}
	if total != 114 {
		t.Errorf("%d documented operations, want 114", total)
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
			ft := reflect.TypeOf(c.method)
			n := 0
			for i := 2; i < ft.NumIn(); i++ {
				in := ft.In(i)
				if (ft.IsVariadic() && i == ft.NumIn()-1) || in == scopeType || (in.Kind() == reflect.Pointer && in.Elem().Kind() == reflect.Struct) {
					continue
				}
				n++
			}
			if n != len(c.args) {
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
