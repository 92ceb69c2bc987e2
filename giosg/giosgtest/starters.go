package giosgtest

import (
	"net/http"
	"regexp"
	"slices"
)

func starterKey(cs *starter) position { return pos(cs.createdAt, cs.seq) }

// languageCodePattern accepts RFC 3066 codes such as "en", "fi" or "pt-BR".
var languageCodePattern = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)

// listStarters answers the user's conversation starters, oldest first.
func (s *Server) listStarters(r *http.Request) (int, any, error) {
	u, err := s.userFor(r)
	if err != nil {
		return 0, nil, err
	}
	list := slices.Clone(s.st.starters[u.id])
	sortBy(list, false, starterKey)
	return paginate(s, r, list, false, starterKey, func(cs *starter) any { return starterModel(cs) })
}

// addStarter adds a conversation starter: message and language_code are
// required, and a user has at most one per language (a duplicate is a
// 400, as documented). 201.
func (s *Server) addStarter(r *http.Request) (int, any, error) {
	u, err := s.userFor(r)
	if err != nil {
		return 0, nil, err
	}
	b, err := readBody(r)
	if err != nil {
		return 0, nil, err
	}
	msg, err := b.requiredString("message")
	if err != nil {
		return 0, nil, err
	}
	lang, err := b.requiredString("language_code")
	if err != nil {
		return 0, nil, err
	}
	if !languageCodePattern.MatchString(lang) {
		return 0, nil, badRequest("language_code: %q is not a supported language.", lang)
	}
	if s.starter(u.id, lang) != nil {
		return 0, nil, badRequest("language_code: the user already has a conversation starter for %q.", lang)
	}
	now := s.now()
	cs := &starter{seq: s.st.nextSeq(), languageCode: lang, message: msg, createdAt: now, updatedAt: now}
	s.st.starters[u.id] = append(s.st.starters[u.id], cs)
	return http.StatusCreated, starterModel(cs), nil
}

func (s *Server) starter(userID, lang string) *starter {
	for _, cs := range s.st.starters[userID] {
		if cs.languageCode == lang {
			return cs
		}
	}
	return nil
}

// updateStarter changes the message of the conversation starter for the
// path's language code (404 when there is none). PUT requires message,
// PATCH does not; a language_code in the body must match the path's.
func (s *Server) updateStarter(r *http.Request) (int, any, error) {
	u, err := s.userFor(r)
	if err != nil {
		return 0, nil, err
	}
	cs := s.starter(u.id, r.PathValue("language_code"))
	if cs == nil {
		return 0, nil, notFound("Conversation starter not found.")
	}
	b, err := readBody(r)
	if err != nil {
		return 0, nil, err
	}
	if lang, ok, err := b.stringField("language_code"); err != nil {
		return 0, nil, err
	} else if ok && lang != cs.languageCode {
		return 0, nil, badRequest("language_code: cannot be changed; remove the starter and add a new one.")
	}
	if r.Method == http.MethodPut || b.present("message") {
		msg, err := b.requiredString("message")
		if err != nil {
			return 0, nil, err
		}
		cs.message = msg
	}
	cs.updatedAt = s.now()
	return http.StatusOK, starterModel(cs), nil
}

// removeStarter removes the conversation starter for the path's language
// code: 204, or 404 when there is none.
func (s *Server) removeStarter(r *http.Request) (int, any, error) {
	u, err := s.userFor(r)
	if err != nil {
		return 0, nil, err
	}
	lang := r.PathValue("language_code")
	list := s.st.starters[u.id]
	i := slices.IndexFunc(list, func(cs *starter) bool { return cs.languageCode == lang })
	if i < 0 {
		return 0, nil, notFound("Conversation starter not found.")
	}
	s.st.starters[u.id] = slices.Delete(list, i, i+1)
	return http.StatusNoContent, nil, nil
}
