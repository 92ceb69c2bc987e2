package main

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/chatsdk-go/chatsdk/giosg"
	"github.com/chatsdk-go/chatsdk/internal/endpoints"
)

// The giosg subcommand tree is derived from the endpoint list
// (internal/endpoints/giosg.txt), whose lines name the SDK methods that send
// them, and from giosg.Client, whose methods the names resolve to: adding a
// giosg operation adds its command. The chatrhub and chat.io trees stay
// written tables: chatrhub's lines carry the documentation's operation
// names, not SDK methods, and chat.io's IDs travel in the request body, so
// its lines cannot give the names of a command's arguments.

// giosgCommands is the giosg subcommand tree; errGiosgCommands is why some
// of it could not be derived (a defect of the endpoint list, which the
// tests catch).
var giosgCommands, errGiosgCommands = deriveGiosgCommands()

// giosgBodyArgs names, for the methods that have them, the flags of the
// ID-like arguments that follow the path parameters and are sent in the
// request body, in order.
var giosgBodyArgs = map[string][]string{
	// Tags.Add(ctx, scope, chatID, name) posts the tag's name; Tags.Remove
	// has it in its path as <tag_name>.
	"Tags.Add": {"tag-name"},
}

var giosgClientType = reflect.TypeOf(giosg.Client{})

func deriveGiosgCommands() ([]*command, error) {
	eps, err := endpoints.Of("giosg")
	if err != nil {
		return nil, err
	}
	cmds, err := giosgCommandsFrom(eps)
	if err != nil {
		return cmds, fmt.Errorf("internal/endpoints/giosg.txt: %w", err)
	}
	return cmds, nil
}

// giosgCommandsFrom builds one command per method the lines name, sorted
// by path: "<kebab(Service)> <kebab(Method)>", bound to the method, with
// the method's lines (in list order) as its endpoints and the --scope kind
// of each. Its arguments are the path parameters that follow the scope's
// collection, the same on every line, then the method's giosgBodyArgs.
// It returns the commands it could build and an error naming every line or
// method it could not.
func giosgCommandsFrom(eps []endpoints.Endpoint) ([]*command, error) {
	lines := map[string][]endpoints.Endpoint{}
	for _, e := range eps {
		for _, m := range e.Methods {
			lines[m] = append(lines[m], e)
		}
	}
	var cmds []*command
	var errs []error
	for name, ls := range lines {
		c, err := giosgCommand(name, ls)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		cmds = append(cmds, c)
	}
	sort.Slice(cmds, func(i, j int) bool { return cmds[i].path < cmds[j].path })
	sort.Slice(errs, func(i, j int) bool { return errs[i].Error() < errs[j].Error() })
	return cmds, errors.Join(errs...)
}

// giosgCommand is the command of the method name ("Service.Method"),
// which sends the requests of lines.
func giosgCommand(name string, lines []endpoints.Endpoint) (*command, error) {
	method, err := giosgMethod(name)
	if err != nil {
		return nil, fmt.Errorf("line %d: %w", lines[0].Line, err)
	}
	service, verb, _ := strings.Cut(name, ".")
	c := &command{path: kebab(service) + " " + kebab(verb), method: method.Interface()}
	scoped := takesScope(method.Type())
	for i, e := range lines {
		kind, rest := giosgScopeOf(e.Path())
		switch {
		case scoped && kind == "":
			return nil, fmt.Errorf("line %d: %s takes a ChatScope but %s is below no scope's collection", e.Line, name, e.Key())
		case !scoped && kind != "":
			return nil, fmt.Errorf("line %d: %s takes no ChatScope but %s is below the collection of --scope %s", e.Line, name, e.Key(), kind)
		}
		args := pathArgs(rest)
		if i == 0 {
			c.args = args
		} else if !slices.Equal(args, c.args) {
			return nil, fmt.Errorf("line %d: %s has path arguments %q, line %d has %q", e.Line, e.Key(), args, lines[0].Line, c.args)
		}
		c.endpoints = append(c.endpoints, e.Key())
		c.scopes = append(c.scopes, kind)
	}
	c.args = append(c.args, giosgBodyArgs[name]...)
	c.bodyArgs = len(giosgBodyArgs[name])
	if n := idArgs(method.Type()); n != len(c.args) {
		return nil, fmt.Errorf("line %d: %s takes %d ID arguments, its lines and giosgBodyArgs name %d (%q)", lines[0].Line, name, n, len(c.args), c.args)
	}
	return c, nil
}

// giosgMethod finds name ("Service.Method") on giosg.Client: the method of
// the service field's type, as a func whose first argument is the service,
// like a method expression ((*giosg.ChatsService).List).
func giosgMethod(name string) (reflect.Value, error) {
	service, method, _ := strings.Cut(name, ".")
	f, ok := giosgClientType.FieldByName(service)
	if !ok || !f.IsExported() || f.Type.Kind() != reflect.Pointer {
		return reflect.Value{}, fmt.Errorf("giosg.Client has no service %s (naming %s)", service, name)
	}
	m, ok := f.Type.MethodByName(method)
	if !ok {
		return reflect.Value{}, fmt.Errorf("giosg.Client.%s has no method %s", service, method)
	}
	return m.Func, nil
}

// giosgScopeOf returns the --scope kind whose collection path starts path,
// and the rest of path; "" and path when path is below no scope's
// collection.
func giosgScopeOf(path string) (kind, rest string) {
	best := ""
	for _, sc := range giosgScopes {
		p := sc.prefix()
		if (path == p || strings.HasPrefix(path, p+"/")) && len(p) > len(best) {
			kind, best = sc.kind, p
		}
	}
	return kind, path[len(best):]
}

var listParam = regexp.MustCompile(`<([a-z_]+)>`)

// pathArgs names the flags of the path parameters of path, in order:
// <chat_id> is chat-id.
func pathArgs(path string) []string {
	var args []string
	for _, m := range listParam.FindAllStringSubmatch(path, -1) {
		args = append(args, strings.ReplaceAll(m[1], "_", "-"))
	}
	return args
}

// takesScope reports whether a method func (service first) takes a
// giosg.ChatScope.
func takesScope(ft reflect.Type) bool {
	for i := 2; i < ft.NumIn(); i++ {
		if ft.In(i) == scopeType {
			return true
		}
	}
	return false
}
