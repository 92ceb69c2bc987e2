package chatrhub

import (
	"bytes"
	"encoding/json"
	"testing"
)

// addFixtureSeeds seeds f with every response fixture and the edge cases of
// the envelope.
func addFixtureSeeds(f *testing.F) {
	names, err := readFixtureNames()
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range names {
		f.Add(fixture(f, name))
	}
	for _, s := range []string{
		``, `null`, `{}`, `[]`, `{"data": null}`, `{"data": {}}`, `{"data": []}`, `{"data": [{}]}`, `{"data": [{}, {}]}`,
		`{"data": { }}`, `{"data": "x"}`, `{"data": 1}`, `{"data": {"id": "7", "type": "agents", "attributes": null}}`,
		`{"data": {"attributes": {"agent": {"agent_id": "x"}}}}`, `{"data": [{"id": 1e3}]}`,
	} {
		f.Add([]byte(s))
	}
}

// checkStable re-encodes a decoded value and requires that the encoding
// decodes again to the same encoding.
func checkStable[T any](t *testing.T, v T) {
	b1, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("re-encoding a decoded value: %v", err)
	}
	var again T
	if err := json.Unmarshal(b1, &again); err != nil {
		t.Fatalf("decoding our own encoding %s: %v", b1, err)
	}
	b2, err := json.Marshal(again)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b1, b2) {
		t.Fatalf("encoding not stable:\n%s\n%s", b1, b2)
	}
}

// fuzzOne decodes data as the client does (oneDoc) and as a field of a
// document (one): both must agree, and a decoded model must re-encode stably.
func fuzzOne[T any](t *testing.T, data []byte) {
	var env Envelope[one[T]]
	envErr := json.Unmarshal(data, &env)
	var doc oneDoc[T]
	docErr := doc.DecodeBody(data)
	if (envErr == nil) != (docErr == nil) {
		t.Fatalf("one: %v, oneDoc: %v", envErr, docErr)
	}
	if envErr != nil {
		return
	}
	if (env.Data.res == nil) != (doc.res == nil) {
		t.Fatalf("one found an object: %v, oneDoc: %v", env.Data.res != nil, doc.res != nil)
	}
	if doc.res == nil {
		return
	}
	a, _ := json.Marshal(env.Data.res.model())
	b, _ := json.Marshal(doc.res.model())
	if !bytes.Equal(a, b) {
		t.Fatalf("one and oneDoc differ:\n%s\n%s", a, b)
	}
	checkStable(t, doc.res.model())
}

// fuzzMany is fuzzOne for lists (many and manyDoc).
func fuzzMany[T any](t *testing.T, data []byte) {
	var env Envelope[many[T]]
	envErr := json.Unmarshal(data, &env)
	var doc manyDoc[T]
	docErr := doc.DecodeBody(data)
	if (envErr == nil) != (docErr == nil) {
		t.Fatalf("many: %v, manyDoc: %v", envErr, docErr)
	}
	if envErr != nil {
		return
	}
	a, _ := json.Marshal(env.Data.models())
	b, _ := json.Marshal(doc.models())
	if !bytes.Equal(a, b) {
		t.Fatalf("many and manyDoc differ:\n%s\n%s", a, b)
	}
	for _, m := range doc.models() {
		checkStable(t, m)
	}
}

// fuzzEach seeds f like addFixtureSeeds and runs every check on each input.
func fuzzEach(f *testing.F, checks ...func(*testing.T, []byte)) {
	addFixtureSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, check := range checks {
			check(t, data)
		}
	})
}

// FuzzEnvelopeOne feeds the single-object envelope decoder (object or array
// of one) with every model that Get operations return.
func FuzzEnvelopeOne(f *testing.F) {
	fuzzEach(f, fuzzOne[Agent], fuzzOne[AgentGroup], fuzzOne[Chat], fuzzOne[ChatReport],
		fuzzOne[Group], fuzzOne[Task], fuzzOne[Visitor])
}

// FuzzEnvelopeMany feeds the list envelope decoder (array, or one object as
// a list of one) with every model that List operations return.
func FuzzEnvelopeMany(f *testing.F) {
	fuzzEach(f, fuzzMany[Agent], fuzzMany[AgentActivity], fuzzMany[AgentGroup], fuzzMany[Chat],
		fuzzMany[Group], fuzzMany[Message], fuzzMany[Task], fuzzMany[Visitor])
}

// fuzzAttributes decodes data as a bare attributes object into a T and
// checks that whatever decodes re-encodes stably.
func fuzzAttributes[T any](t *testing.T, data []byte) {
	var m T
	if json.Unmarshal(data, &m) == nil {
		checkStable(t, m)
	}
}

// FuzzModelAttributes decodes attributes objects directly into the models
// with the custom decoders (AuthorizationLevel, and the lenient types).
func FuzzModelAttributes(f *testing.F) {
	for _, s := range []string{
		`{"authorization_level": "5", "agent_id": "4", "trmnt_ind": 0, "assign_operational_task_values": "[]"}`,
		`{"authorization_level": 3.0, "is_bot": "true"}`,
		`{"authorization_level": null}`,
		`{"variables_": "{\"a\": [1, 2]}", "intent_id": "1", "is_complete": 1, "message": {"body": "Hi\n"}}`,
		`{"visitor_phone_matches": "[\"123\"]", "system_group": "0"}`,
		`{"is_billable": "1", "average_rating": 87.5, "duration": "30", "agent": {"agent_id": 4}}`,
		`{"create_dt": "2018-06-19T13:00:00+00:00", "updt_dt": "2018-06-19"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzAttributes[Agent](t, data)
		fuzzAttributes[Chat](t, data)
		fuzzAttributes[Task](t, data)
		fuzzAttributes[Group](t, data)
		var l AuthorizationLevel
		_ = json.Unmarshal(data, &l)
	})
}

// FuzzTransferAnswer checks that any Transfer Chat answer is classified
// without panicking, and that a success never carries a failure.
func FuzzTransferAnswer(f *testing.F) {
	for _, s := range []string{`{"success": "Sent Transfer Action"}`, `{"success": "Invalid usernames or authentication."}`, `{"error": {"x": 1}}`, `{}`, `{"message": 3}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var a transferAnswer
		if json.Unmarshal(data, &a) != nil {
			return
		}
		msg, rejected := a.rejected()
		if !rejected && (a.Success == "" || a.Success == TransferFailedMessage) {
			t.Fatalf("accepted %s", data)
		}
		if rejected && msg == "" {
			t.Fatal("rejection without a reason")
		}
	})
}
