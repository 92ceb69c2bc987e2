package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"reflect"
	"strings"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/giosg"
)

// command is one operation of an API's subcommand tree: "<resource> <verb>"
// bound to an SDK method, called by reflection so that its flags follow the
// method's path arguments and params struct.
type command struct {
	// path is "<resource> <verb>", e.g. "chats list".
	path string
	// method is a method expression of an SDK service, e.g.
	// (*giosg.ChatsService).List, or the same func found by reflection
	// (the giosg commands).
	method any
	// all, when set, is the iterator method used with --all (method then
	// reads one page).
	all any
	// args names the flags of the method's path arguments, in order
	// (a giosg.ChatScope argument is always --scope and is not listed).
	args []string
	// bodyArgs is how many of the last args the method sends in the
	// request body instead of the path (giosg's Tags.Add: the tag's name).
	bodyArgs int
	// endpoints are the documented "METHOD /path" lines this command calls.
	endpoints []string
	// scopes, for giosg, are the --scope kinds each endpoint line belongs
	// to (same order as endpoints), "" when the line takes no scope.
	scopes []string
}

var (
	scopeType = reflect.TypeOf(giosg.ChatScope{})
	errorType = reflect.TypeOf((*error)(nil)).Elem()
)

// lists reports whether the command reads a paginated list.
func (cmd *command) lists() bool {
	if cmd.all != nil {
		return true
	}
	ft := reflect.TypeOf(cmd.method)
	return ft.NumOut() == 1 && ft.Out(0).Kind() == reflect.Func
}

// scopeKinds are the --scope kinds the command's endpoints document.
func (cmd *command) scopeKinds() []string {
	var kinds []string
	for _, k := range cmd.scopes {
		if k != "" {
			kinds = append(kinds, k)
		}
	}
	return kinds
}

// paramsType returns the params struct type of method (the element type of
// its pointer-to-struct argument), or nil.
func paramsType(method any) reflect.Type {
	ft := reflect.TypeOf(method)
	for i := 2; i < ft.NumIn(); i++ {
		t := ft.In(i)
		if ft.IsVariadic() && i == ft.NumIn()-1 {
			break
		}
		if t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct {
			return t.Elem()
		}
	}
	return nil
}

// service finds the field of client (a *Client) whose type is the receiver
// of method.
func service(client any, method any) (reflect.Value, error) {
	recv := reflect.TypeOf(method).In(0)
	cv := reflect.ValueOf(client).Elem()
	for i := 0; i < cv.NumField(); i++ {
		f := cv.Field(i)
		if f.Type() == recv && cv.Type().Field(i).IsExported() {
			return f, nil
		}
	}
	return reflect.Value{}, fmt.Errorf("no %s on %T", recv, client)
}

// usageError is a command-line mistake: exit code 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return &usageError{fmt.Sprintf(format, a...)} }

// exec parses args for cmd, calls it on client and writes its answer.
func (cmd *command) exec(ctx context.Context, api *apiDef, args []string, env func(string) string, o *outputConfig) error {
	fs := flag.NewFlagSet(api.name+" "+cmd.path, flag.ContinueOnError)
	fs.SetOutput(o.stderr)
	g := bindGlobals(fs, api)
	all := new(bool)
	if cmd.lists() {
		fs.BoolVar(all, "all", false, "follow every page (default: the first page)")
	}
	fs.Usage = func() {
		fmt.Fprintf(o.stderr, "usage: chatsdk %s %s [flags]\n\n  %s\n\n", api.name, cmd.path, strings.Join(cmd.endpoints, "\n  "))
		fs.PrintDefaults()
	}
	output := fs.String("output", "json", "json or table")
	var scope *string
	ft := reflect.TypeOf(cmd.method)
	argFlags := make([]*string, len(cmd.args))
	for i, name := range cmd.args {
		usage := "path argument (required)"
		if i >= len(cmd.args)-cmd.bodyArgs {
			usage = "sent in the request body (required)"
		}
		argFlags[i] = fs.String(name, "", usage)
	}
	for i := 2; i < ft.NumIn(); i++ {
		if ft.In(i) == scopeType {
			scope = fs.String("scope", "", "chat scope kind:id[:id[:id]], one of: "+strings.Join(cmd.scopeKinds(), ", "))
		}
	}
	var build func() (reflect.Value, error)
	if pt := paramsType(cmd.method); pt != nil {
		build = bindParams(fs, pt)
	}
	if err := fs.Parse(args); err != nil {
		return parseErr(err)
	}
	if fs.NArg() > 0 {
		return usagef("%s: unexpected argument %q", cmd.path, fs.Arg(0))
	}
	if *output != "json" && *output != "table" {
		return usagef("--output: want json or table")
	}
	o.table = *output == "table"
	method := cmd.method
	if *all && cmd.all != nil {
		method = cmd.all
	}
	mt := reflect.TypeOf(method)
	client, err := g.client(api, env, o.stderr)
	if err != nil {
		return err
	}
	svc, err := service(client, method)
	if err != nil {
		return err
	}
	in := []reflect.Value{svc, reflect.ValueOf(ctx)}
	next := 0
	for i := 2; i < mt.NumIn(); i++ {
		t := mt.In(i)
		if mt.IsVariadic() && i == mt.NumIn()-1 {
			break
		}
		switch {
		case t == scopeType:
			s, err := parseScope(*scope, cmd.scopeKinds())
			if err != nil {
				return err
			}
			in = append(in, reflect.ValueOf(s))
		case t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct:
			p, err := build()
			if err != nil {
				return &usageError{err.Error()}
			}
			limitPages(p, *all)
			in = append(in, p)
		default:
			if next >= len(argFlags) {
				return fmt.Errorf("%s: table lists too few arguments", cmd.path)
			}
			name, val := cmd.args[next], *argFlags[next]
			next++
			if val == "" && fs.Lookup(name) != nil && !flagGiven(fs, name) {
				return usagef("%s: --%s is required", cmd.path, name)
			}
			v := reflect.New(t).Elem()
			if err := setValue(v, val); err != nil {
				return usagef("--%s: %v", name, err)
			}
			in = append(in, v)
		}
	}
	out := reflect.ValueOf(method).Call(in)
	return o.write(out)
}

func flagGiven(fs *flag.FlagSet, name string) bool {
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == name })
	return given
}

// limitPages makes a list read one page unless --all (or --max-pages) asks
// for more.
func limitPages(p reflect.Value, all bool) {
	if all {
		return
	}
	f := p.Elem().FieldByName("MaxPages")
	if f.IsValid() && f.Kind() == reflect.Int && f.Int() == 0 {
		f.SetInt(1)
	}
}

// parseErr turns a flag parsing error into a usage error (exit 2); -h
// stays flag.ErrHelp (exit 0).
func parseErr(err error) error {
	if errors.Is(err, flag.ErrHelp) {
		return err
	}
	return &usageError{err.Error()}
}

// isPageLimit reports an iterator stopped by the one-page limit.
func isPageLimit(err error) bool { return errors.Is(err, chatsdk.ErrPageLimit) }

// idArgs counts the arguments of a method func (service first) that a
// command gives flags of their own: all but the context, the ChatScope,
// the params struct and the call options.
func idArgs(ft reflect.Type) int {
	n := 0
	for i := 2; i < ft.NumIn(); i++ {
		in := ft.In(i)
		if (ft.IsVariadic() && i == ft.NumIn()-1) || in == scopeType || (in.Kind() == reflect.Pointer && in.Elem().Kind() == reflect.Struct) {
			continue
		}
		n++
	}
	return n
}
