package endpoints

import (
	"bufio"
	"bytes"
	"regexp"
	"strconv"
	"strings"
)

var (
	methodRE    = regexp.MustCompile(`^[A-Z]+$`)
	sdkMethodRE = regexp.MustCompile(`^[A-Z][A-Za-z0-9]*\.[A-Z][A-Za-z0-9]*$`)
)

// Parse parses the list format and returns the endpoints and a description
// of each malformed or duplicate line. Lines are `METHOD /path/template`,
// optionally a tab and the name column; blank lines and lines starting with
// # are skipped. With methodNames, the name column is required and is a
// space-separated list of "Service.Method" (Endpoint.Methods).
func Parse(b []byte, methodNames bool) ([]Endpoint, []string) {
	var eps []Endpoint
	var problems []string
	seen := map[string]int{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), " \r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		at := "line " + strconv.Itoa(n) + ": "
		op, name, _ := strings.Cut(line, "\t")
		method, tmpl, ok := strings.Cut(op, " ")
		if !ok || !methodRE.MatchString(method) || !strings.HasPrefix(tmpl, "/") || strings.ContainsAny(tmpl, " \t") {
			problems = append(problems, at+"want `METHOD /path/template[\\tname]`, got "+line)
			continue
		}
		e := Endpoint{Method: method, Template: tmpl, Name: strings.TrimSpace(name), Line: n}
		if methodNames {
			e.Methods = strings.Fields(e.Name)
			if len(e.Methods) == 0 {
				problems = append(problems, at+e.Key()+" names no SDK method (want a tab and Service.Method ...)")
			}
			for _, m := range e.Methods {
				if !sdkMethodRE.MatchString(m) {
					problems = append(problems, at+e.Key()+": "+strconv.Quote(m)+" is not Service.Method")
				}
			}
		}
		if prev, dup := seen[e.Key()]; dup {
			problems = append(problems, at+e.Key()+" repeats line "+strconv.Itoa(prev))
			continue
		}
		seen[e.Key()] = n
		eps = append(eps, e)
	}
	return eps, problems
}
