// Package endpoints holds the documented endpoint lists of the APIs, one
// line per documented operation (chatrhub.txt, giosg.txt, chatio.txt, the
// only copy of each list), and their parser. The tests key their golden
// cases, fakes and command checks by these lines, and the chatsdk command
// derives its giosg commands from giosg.txt. The library packages do not
// import it.
package endpoints

import (
	"embed"
	"fmt"
	"strings"
	"sync"
)

//go:embed chatrhub.txt giosg.txt chatio.txt
var lists embed.FS

// methodNamed lists the APIs whose name column names the SDK methods that
// send the line's request (giosg: "Chats.Patch Chats.End"); the name
// column of the others is the documentation's operation name.
var methodNamed = map[string]bool{"giosg": true}

var parsed sync.Map // api -> []Endpoint

// Of returns the endpoints of api ("chatrhub", "giosg" or "chatio") in list
// order. It fails if there is no list for api, a line is malformed, or two
// lines have the same Key.
func Of(api string) ([]Endpoint, error) {
	if v, ok := parsed.Load(api); ok {
		if eps, ok := v.([]Endpoint); ok {
			return clone(eps), nil
		}
	}
	file := api + ".txt"
	b, err := lists.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("endpoints: no list for API %q", api)
	}
	eps, problems := Parse(b, methodNamed[api])
	if len(problems) > 0 {
		return nil, fmt.Errorf("internal/endpoints/%s: %s", file, strings.Join(problems, "; "))
	}
	parsed.Store(api, eps)
	return clone(eps), nil
}

// clone copies eps so that callers cannot change the parsed list.
func clone(eps []Endpoint) []Endpoint {
	out := make([]Endpoint, len(eps))
	for i, e := range eps {
		e.Methods = append([]string(nil), e.Methods...)
		out[i] = e
	}
	return out
}
