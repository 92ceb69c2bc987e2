package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/url"
	"strings"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/chatio"
	"github.com/chatsdk-go/chatsdk/chatrhub"
	"github.com/chatsdk-go/chatsdk/giosg"
)

// rawFunc sends one request through an API client's Raw method.
type rawFunc func(ctx context.Context, client any, method, path string, q url.Values, body, out any) (*chatsdk.Response, error)

func rawChatrHub(ctx context.Context, client any, method, path string, q url.Values, body, out any) (*chatsdk.Response, error) {
	return client.(*chatrhub.Client).Raw(ctx, method, path, q, body, out)
}

func rawGiosg(ctx context.Context, client any, method, path string, q url.Values, body, out any) (*chatsdk.Response, error) {
	return client.(*giosg.Client).Raw(ctx, method, path, q, body, out)
}

func rawChatio(ctx context.Context, client any, method, path string, q url.Values, body, out any) (*chatsdk.Response, error) {
	return client.(*chatio.Client).Raw(ctx, method, path, q, body, out)
}

// queryFlag collects repeated -q key=value flags.
type queryFlag url.Values

func (q queryFlag) String() string { return url.Values(q).Encode() }

func (q queryFlag) Set(s string) error {
	k, v, ok := strings.Cut(s, "=")
	if !ok || k == "" {
		return fmt.Errorf("want key=value, got %q", s)
	}
	url.Values(q).Add(k, v)
	return nil
}

// runAPI is "chatsdk api <api> METHOD PATH": one raw request with the SDK's
// authentication, retries and errors; the JSON answer is printed as is.
func runAPI(ctx context.Context, args []string, env func(string) string, o *outputConfig) error {
	if len(args) == 0 {
		return usagef("api: want <chatrhub|giosg|chatio> METHOD PATH")
	}
	api := findAPI(args[0])
	if api == nil {
		return usagef("api: unknown API %q (chatrhub, giosg, chatio)", args[0])
	}
	fs := flag.NewFlagSet("api "+api.name, flag.ContinueOnError)
	fs.SetOutput(o.stderr)
	g := bindGlobals(fs, api)
	data := fs.String("data", "", "JSON request body, or @file")
	q := queryFlag(url.Values{})
	fs.Var(q, "q", "query parameter key=value (repeatable)")
	var pos []string
	rest := args[1:]
	for {
		if err := fs.Parse(rest); err != nil {
			return parseErr(err)
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		rest = fs.Args()[1:]
	}
	if len(pos) != 2 {
		return usagef("api %s: want METHOD PATH", api.name)
	}
	method, path := strings.ToUpper(pos[0]), pos[1]
	if !strings.HasPrefix(path, "/") {
		return usagef("api %s: PATH must start with /", api.name)
	}
	if p, query, ok := strings.Cut(path, "?"); ok {
		inline, err := url.ParseQuery(query)
		if err != nil {
			return usagef("api %s: PATH query: %v", api.name, err)
		}
		for k, vs := range inline {
			for _, v := range vs {
				url.Values(q).Add(k, v)
			}
		}
		path = p
	}
	var body any
	if *data != "" {
		b, err := readData(*data)
		if err != nil {
			return err
		}
		if !json.Valid(b) {
			return usagef("--data: not valid JSON")
		}
		body = json.RawMessage(b)
	}
	client, err := g.client(api, env, o.stderr)
	if err != nil {
		return err
	}
	var out json.RawMessage
	var query url.Values
	if len(q) > 0 {
		query = url.Values(q)
	}
	if _, err := api.raw(ctx, client, method, path, query, body, &out); err != nil {
		return err
	}
	if len(out) == 0 {
		return nil
	}
	var buf bytes.Buffer
	if o.pretty {
		err = json.Indent(&buf, out, "", "  ")
	} else {
		err = json.Compact(&buf, out)
	}
	if err != nil {
		buf.Reset()
		buf.Write(out)
	}
	buf.WriteByte('\n')
	_, err = o.stdout.Write(buf.Bytes())
	return err
}
