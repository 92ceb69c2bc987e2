package chatrhubtest

import (
	"net/http"
	"strconv"

	"github.com/chatsdk-go/chatsdk/internal/fake"
)

// errorDoc is the error body the server sends (the API documents none):
// a JSON:API error document such as
//
//	{"errors": [{"status": "404", "title": "Not Found", "detail": "no agent with agent_id 99"}]}
type errorDoc struct {
	Errors []errorObject `json:"errors"`
}

type errorObject struct {
	Status string `json:"status"`
	Title  string `json:"title"`
	Detail string `json:"detail"`
}

// errorBody is the server's error document for status and detail.
func errorBody(status int, detail string) any {
	return errorDoc{Errors: []errorObject{{
		Status: strconv.Itoa(status),
		Title:  http.StatusText(status),
		Detail: detail,
	}}}
}

func writeJSON(w http.ResponseWriter, status int, v any) { fake.WriteJSON(w, status, v) }

func writeError(w http.ResponseWriter, status int, detail string) {
	fake.WriteJSON(w, status, errorBody(status, detail))
}

// resource is one JSON:API resource object.
type resource struct {
	Type       string         `json:"type"`
	ID         int64          `json:"id"`
	Attributes map[string]any `json:"attributes"`
}

// one answers {"data": {...}}.
func (c *call) one(status int, res *resource) {
	writeJSON(c.w, status, map[string]any{"data": res})
}

// many answers {"data": [...]}; an empty list is [] rather than null.
func (c *call) many(list []*resource) {
	if list == nil {
		list = []*resource{}
	}
	writeJSON(c.w, http.StatusOK, map[string]any{"data": list})
}

func (c *call) success(message string) {
	writeJSON(c.w, http.StatusOK, map[string]string{"success": message})
}

func (c *call) fail(status int, detail string) { writeError(c.w, status, detail) }

func (c *call) badRequest(detail string) { c.fail(http.StatusBadRequest, detail) }

func (c *call) notFound(detail string) { c.fail(http.StatusNotFound, detail) }
