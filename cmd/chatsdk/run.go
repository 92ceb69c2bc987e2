package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sort"
	"strings"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/chatio"
	"github.com/chatsdk-go/chatsdk/chatrhub"
	"github.com/chatsdk-go/chatsdk/giosg"
)

// apiDef is one API the command talks to.
type apiDef struct {
	name     string
	tokenEnv string
	baseEnv  string
	commands []*command
	// err, when set, is why part of commands could not be built from the
	// endpoint list; every command of the API reports it.
	err error
	// newClient builds the SDK client (a *chatrhub.Client, ...).
	newClient func(token string, oauth bool, opts []chatsdk.Option) (any, error)
	// raw sends a request through the SDK client (chatsdk api).
	raw rawFunc
}

var apis = []*apiDef{
	{name: "chatrhub", tokenEnv: "CHATRHUB_TOKEN", baseEnv: "CHATRHUB_BASE_URL", commands: chatrhubCommands,
		newClient: func(token string, _ bool, opts []chatsdk.Option) (any, error) {
			return chatrhub.NewClient(token, opts...)
		},
		raw: rawChatrHub},
	{name: "giosg", tokenEnv: "GIOSG_TOKEN", baseEnv: "GIOSG_BASE_URL", commands: giosgCommands, err: errGiosgCommands,
		newClient: func(token string, oauth bool, opts []chatsdk.Option) (any, error) {
			if oauth {
				opts = append(opts, giosg.WithOAuthToken())
			}
			return giosg.NewClient(token, opts...)
		},
		raw: rawGiosg},
	{name: "chatio", tokenEnv: "CHATIO_TOKEN", baseEnv: "CHATIO_BASE_URL", commands: chatioCommands,
		newClient: func(token string, _ bool, opts []chatsdk.Option) (any, error) {
			return chatio.NewClient(token, opts...)
		},
		raw: rawChatio},
}

func findAPI(name string) *apiDef {
	for _, a := range apis {
		if a.name == name {
			return a
		}
	}
	return nil
}

// globals are the connection flags every API command takes.
type globals struct {
	baseURL   *string
	tokenFile *string
	oauth     *bool
	verbose   *bool
}

func bindGlobals(fs *flag.FlagSet, api *apiDef) *globals {
	g := &globals{
		baseURL:   fs.String("base-url", "", "API base URL (default $"+api.baseEnv+", else the SDK's default)"),
		tokenFile: fs.String("token-file", "", "read the token from this file (default $"+api.tokenEnv+")"),
		verbose:   fs.Bool("verbose", false, "log request metadata to stderr"),
	}
	if api.name == "giosg" {
		g.oauth = fs.Bool("oauth", false, "send the token as an OAuth bearer token")
	}
	return g
}

// client builds the API client from the flags and the environment. Errors
// never contain the token.
func (g *globals) client(api *apiDef, env func(string) string, stderr io.Writer) (any, error) {
	token := env(api.tokenEnv)
	if *g.tokenFile != "" {
		b, err := os.ReadFile(*g.tokenFile)
		if err != nil {
			return nil, usagef("--token-file: %v", err)
		}
		token = strings.TrimSpace(string(b))
	}
	if token == "" {
		return nil, usagef("%s: no token: set $%s or pass --token-file", api.name, api.tokenEnv)
	}
	var opts []chatsdk.Option
	base := *g.baseURL
	if base == "" {
		base = env(api.baseEnv)
	}
	if base != "" {
		opts = append(opts, chatsdk.WithBaseURL(base))
	}
	if *g.verbose {
		opts = append(opts, chatsdk.WithLogger(slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))))
	}
	opts = append(opts, chatsdk.WithUserAgent("chatsdk-cli/"+chatsdk.Version))
	c, err := api.newClient(token, g.oauth != nil && *g.oauth, opts)
	if err != nil {
		return nil, usagef("%s: %v", api.name, redact(err.Error(), token))
	}
	return c, nil
}

// redact removes secret from s.
func redact(s, secret string) string {
	if secret == "" {
		return s
	}
	return strings.ReplaceAll(s, secret, "[token]")
}

const topUsage = `usage: chatsdk <command> ...

  chatsdk <chatrhub|giosg|chatio> <resource> <verb> [flags]   call a documented operation
  chatsdk api <chatrhub|giosg|chatio> METHOD PATH [--data JSON|@file] [-q key=value]
  chatsdk fake [--api chatrhub,giosg,chatio] [--addr 127.0.0.1:0] [--no-examples]
  chatsdk fake deliver --control URL --action ACTION [--data JSON]
  chatsdk chatio listen --secret-key KEY [--addr 127.0.0.1:8081] [--forward-to URL] [--json]

Tokens come from CHATRHUB_TOKEN, GIOSG_TOKEN, CHATIO_TOKEN (or --token-file);
base URLs from --base-url or CHATRHUB_BASE_URL, GIOSG_BASE_URL, CHATIO_BASE_URL.
Exit codes: 0 ok, 1 API error, 2 usage error.
`

// run is the whole command: it returns the exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer, env func(string) string) int {
	o := &outputConfig{stdout: stdout, stderr: stderr, pretty: isTerminal(stdout), progress: isTerminal(stderr)}
	err := dispatch(ctx, args, env, o)
	return report(err, stderr)
}

func dispatch(ctx context.Context, args []string, env func(string) string, o *outputConfig) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(o.stderr, topUsage)
		if len(args) == 0 {
			return usagef("no command")
		}
		return nil
	}
	switch args[0] {
	case "api":
		return runAPI(ctx, args[1:], env, o)
	case "fake":
		return runFake(ctx, args[1:], o)
	}
	api := findAPI(args[0])
	if api == nil {
		return usagef("unknown command %q (chatrhub, giosg, chatio, api, fake)", args[0])
	}
	if api.name == "chatio" && len(args) > 1 && args[1] == "listen" {
		return runListen(ctx, args[2:], o)
	}
	if api.err != nil {
		return fmt.Errorf("%s commands: %w", api.name, api.err)
	}
	if len(args) < 3 {
		listCommands(o.stderr, api)
		return usagef("%s: want <resource> <verb>", api.name)
	}
	path := args[1] + " " + args[2]
	for _, c := range api.commands {
		if c.path == path {
			return c.exec(ctx, api, args[3:], env, o)
		}
	}
	listCommands(o.stderr, api)
	return usagef("%s: unknown command %q", api.name, path)
}

func listCommands(w io.Writer, api *apiDef) {
	var names []string
	for _, c := range api.commands {
		names = append(names, fmt.Sprintf("  chatsdk %s %s\t%s", api.name, c.path, strings.Join(c.endpoints, ", ")))
	}
	sort.Strings(names)
	fmt.Fprintf(w, "%s commands:\n%s\n", api.name, strings.Join(names, "\n"))
}

// report prints err and returns the exit code: 1 for API errors, 2 for
// usage errors.
func report(err error, stderr io.Writer) int {
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return 0
	}
	var ue *usageError
	if errors.As(err, &ue) {
		fmt.Fprintln(stderr, "chatsdk:", ue.msg)
		return 2
	}
	var pe *chatsdk.ParamError
	if errors.As(err, &pe) {
		fmt.Fprintln(stderr, "chatsdk:", err)
		return 2
	}
	var apiErr *chatsdk.APIError
	if errors.As(err, &apiErr) {
		fmt.Fprintf(stderr, "chatsdk: %v\nstatus: %d\n", err, apiErr.StatusCode)
		if apiErr.RequestID != "" {
			fmt.Fprintf(stderr, "request_id: %s\n", apiErr.RequestID)
		}
		return 1
	}
	fmt.Fprintln(stderr, "chatsdk:", err)
	return 1
}

// readData reads a --data value: literal JSON, or @file.
func readData(s string) ([]byte, error) {
	if name, ok := strings.CutPrefix(s, "@"); ok {
		b, err := os.ReadFile(name)
		if err != nil {
			return nil, usagef("--data: %v", err)
		}
		return b, nil
	}
	return []byte(s), nil
}
