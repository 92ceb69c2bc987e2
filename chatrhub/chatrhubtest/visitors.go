package chatrhubtest

import (
	"fmt"
	"net/http"
	"strings"
)

func (s *Server) visitorByUsername(username string) (int64, bool) {
	for _, id := range s.st.visitors.ids() {
		v, _ := s.st.visitors.get(id)
		if strOf(v["xmpp_username"]) == username {
			return id, true
		}
	}
	return 0, false
}

// listOrGetVisitors serves both operations on GET /visitors.json: with
// visitor_username it is Get Visitor By Username (one object, 404 when no
// visitor has that xmpp_username), otherwise List Visitors.
func (s *Server) listOrGetVisitors(c *call) {
	if _, ok := c.query["visitor_username"]; ok {
		username := c.query.Get("visitor_username")
		if username == "" {
			c.badRequest("query parameter visitor_username must not be empty")
			return
		}
		id, ok := s.visitorByUsername(username)
		if !ok {
			c.notFound(fmt.Sprintf("no visitor with username %q", username))
			return
		}
		c.one(http.StatusOK, s.st.visitors.resource(id))
		return
	}
	s.listVisitors(c)
}

// visitorContains are the List Visitors filters that match a case-insensitive
// part of the attribute; the other string filters match it exactly.
var visitorContains = map[string]bool{"name": true, "email": true, "company_name": true, "city": true}

// listVisitors serves List Visitors. name, email, company_name and city
// match part of the attribute ignoring case; phone matches its digits;
// state, zip_code and ip_address match exactly; visitor_id is the ID;
// has_phone_number (true/false or 1/0) keeps visitors with or without one.
func (s *Server) listVisitors(c *call) {
	visitorID, _, ok := c.queryInt("visitor_id")
	if !ok {
		return
	}
	var wantPhone, filterPhone bool
	if v := c.query.Get("has_phone_number"); v != "" {
		if wantPhone, filterPhone = boolOf(v); !filterPhone {
			c.badRequest(fmt.Sprintf("query parameter has_phone_number must be true or false, got %q", v))
			return
		}
	}
	var out []*resource
	for _, id := range s.st.visitors.ids() {
		v, _ := s.st.visitors.get(id)
		if visitorID != 0 && id != visitorID {
			continue
		}
		if filterPhone && (strOf(v["phone"]) != "") != wantPhone {
			continue
		}
		if visitorMatches(v, c.query.Get) {
			out = append(out, s.st.visitors.resource(id))
		}
	}
	c.many(out)
}

func visitorMatches(v attrs, get func(string) string) bool {
	for _, key := range []string{"name", "email", "company_name", "city", "state", "zip_code", "ip_address", "phone"} {
		want := get(key)
		if want == "" {
			continue
		}
		have := strOf(v[key])
		switch {
		case key == "phone":
			if have != digitsOnly(want) {
				return false
			}
		case visitorContains[key]:
			if !strings.Contains(strings.ToLower(have), strings.ToLower(want)) {
				return false
			}
		case have != want:
			return false
		}
	}
	return true
}

// readVisitor reads the Add/Edit Visitor body and checks that its group_id,
// when set, is a known group (404 otherwise).
func (s *Server) readVisitor(c *call) (attrs, bool) {
	in, ok := c.readAttributes("visitors", visitorFields)
	if !ok {
		return nil, false
	}
	if g, ok := intOf(in["group_id"]); ok {
		if _, known := s.st.groups.get(g); !known {
			c.notFound(fmt.Sprintf("no group with group_id %d", g))
			return nil, false
		}
	}
	return in, true
}

// addVisitor serves Add Visitor (every attribute optional), answering 201
// with generated XMPP credentials.
func (s *Server) addVisitor(c *call) {
	in, ok := s.readVisitor(c)
	if !ok {
		return
	}
	s.st.serial++
	n := int64(s.st.serial)
	a := newVisitorAttrs(fmt.Sprintf("7118d321-626d-4bcf-ad80-%012x", n), n, s.now())
	for k, v := range in {
		a[k] = v
	}
	id := s.st.visitors.insert(a)
	c.one(http.StatusCreated, s.st.visitors.resource(id))
}

func (s *Server) editVisitor(c *call) {
	id, a, ok := c.pathObject(s.st.visitors, "visitor", "visitor_id")
	if !ok {
		return
	}
	in, ok := s.readVisitor(c)
	if !ok {
		return
	}
	for k, v := range in {
		a[k] = v
	}
	s.touch(a)
	c.one(http.StatusOK, s.st.visitors.resource(id))
}
