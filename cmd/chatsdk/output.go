package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"reflect"
	"sort"
	"strings"
	"text/tabwriter"
)

// outputConfig says how answers are written.
type outputConfig struct {
	stdout, stderr io.Writer
	// pretty indents JSON (stdout is a terminal).
	pretty bool
	// progress writes a progress line on stderr (stderr is a terminal).
	progress bool
	// table prints a table of common fields instead of JSON.
	table bool
}

// isTerminal reports whether w is a character device.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// write prints the results of an SDK call: (error), (value, error), or
// (iter.Seq2[T, error], ...). Slices and iterators print one JSON object per
// line.
func (o *outputConfig) write(out []reflect.Value) error {
	v := out[0]
	if last := out[len(out)-1]; last.Type() == errorType {
		if !last.IsNil() {
			return last.Interface().(error)
		}
		if len(out) == 1 {
			return nil
		}
	}
	var rows []any
	emit := func(item any) error {
		if o.table {
			rows = append(rows, item)
			return nil
		}
		return o.json(item, false)
	}
	switch {
	case v.Kind() == reflect.Func:
		if err := o.iterate(v, emit); err != nil {
			return err
		}
	case v.Kind() == reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			if err := emit(v.Index(i).Interface()); err != nil {
				return err
			}
		}
	default:
		if o.table {
			rows = append(rows, v.Interface())
		} else {
			return o.json(v.Interface(), true)
		}
	}
	if o.table {
		return o.writeTable(rows)
	}
	return nil
}

// iterate ranges over an iter.Seq2[T, error] value.
func (o *outputConfig) iterate(seq reflect.Value, emit func(any) error) error {
	var firstErr error
	n := 0
	yieldType := seq.Type().In(0)
	yield := reflect.MakeFunc(yieldType, func(args []reflect.Value) []reflect.Value {
		if e := args[1]; !e.IsNil() {
			err := e.Interface().(error)
			if isPageLimit(err) {
				fmt.Fprintln(o.stderr, "more results: pass --all to follow every page")
			} else {
				firstErr = err
			}
			return []reflect.Value{reflect.ValueOf(false)}
		}
		n++
		if o.progress {
			fmt.Fprintf(o.stderr, "\r%d items", n)
		}
		if err := emit(args[0].Interface()); err != nil {
			firstErr = err
			return []reflect.Value{reflect.ValueOf(false)}
		}
		return []reflect.Value{reflect.ValueOf(true)}
	})
	seq.Call([]reflect.Value{yield})
	if o.progress && n > 0 {
		fmt.Fprintln(o.stderr)
	}
	return firstErr
}

func (o *outputConfig) json(v any, whole bool) error {
	v = withResourceID(v)
	enc := json.NewEncoder(o.stdout)
	enc.SetEscapeHTML(false)
	if o.pretty && whole {
		enc.SetIndent("", "  ")
	}
	return enc.Encode(v)
}

// tableColumns are the fields a table shows, in order, when the objects
// have them.
var tableColumns = []string{
	"id", "webhook_id", "bot_agent_id", "member_id", "name", "full_name", "group_name", "title", "username",
	"email", "status", "action", "url", "message", "suggestion", "language_code", "is_ended", "created_at",
	"Created",
}

func (o *outputConfig) writeTable(rows []any) error {
	maps := make([]map[string]any, 0, len(rows))
	present := map[string]bool{}
	for _, r := range rows {
		b, err := json.Marshal(withResourceID(r))
		if err != nil {
			return err
		}
		var m map[string]any
		if json.Unmarshal(b, &m) != nil {
			m = map[string]any{"value": string(b)}
		}
		if inner, ok := m["Value"].(map[string]any); ok {
			inner["Created"] = m["Created"]
			m = inner
		}
		for k := range m {
			present[k] = true
		}
		maps = append(maps, m)
	}
	var cols []string
	for _, c := range tableColumns {
		if present[c] {
			cols = append(cols, c)
		}
	}
	if len(cols) == 0 {
		for k := range present {
			cols = append(cols, k)
		}
		sort.Strings(cols)
	}
	tw := tabwriter.NewWriter(o.stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, strings.ToUpper(strings.Join(cols, "\t")))
	for _, m := range maps {
		cells := make([]string, len(cols))
		for i, c := range cols {
			cells[i] = cell(m[c])
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	return tw.Flush()
}

func cell(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return strings.ReplaceAll(v, "\n", " ")
	case float64, bool:
		return fmt.Sprint(v)
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// withResourceID adds the JSON:API "id" and "type" that ChatrHub models keep
// in fields left out of their JSON (ID and Type tagged "-").
func withResourceID(v any) any {
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return v
		}
		rv = rv.Elem()
	}
	if rv.Kind() != reflect.Struct {
		return v
	}
	extra := map[string]any{}
	for _, name := range []string{"ID", "Type"} {
		f, ok := rv.Type().FieldByName(name)
		if ok && f.Tag.Get("json") == "-" && !rv.FieldByIndex(f.Index).IsZero() {
			extra[strings.ToLower(name)] = rv.FieldByIndex(f.Index).Interface()
		}
	}
	if len(extra) == 0 {
		return v
	}
	b, err := json.Marshal(v)
	if err != nil {
		return v
	}
	var m map[string]json.RawMessage
	if json.Unmarshal(b, &m) != nil {
		return v
	}
	for k, x := range extra {
		raw, _ := json.Marshal(x)
		m[k] = raw
	}
	return m
}
