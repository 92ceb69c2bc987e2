package endpoints

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	eps, problems := Parse([]byte("# comment\n\nGET /a/{id}.json?x&y\tGet A\nPOST /a/<id>/b\nGET /a/{id}.json?x&y\tagain\nget /bad\n"), false)
	if len(eps) != 2 || len(problems) != 2 {
		t.Fatalf("endpoints %v, problems %v", eps, problems)
	}
	if eps[0].Key() != "GET /a/{id}.json?x&y" || eps[0].Name != "Get A" || eps[0].Methods != nil || eps[0].Path() != "/a/{id}.json" || len(eps[0].QueryNames()) != 2 {
		t.Errorf("%+v", eps[0])
	}
	if eps[0].Route() != "/a/{id}.json" || eps[1].Route() != "/a/{id}/b" {
		t.Errorf("routes %q, %q", eps[0].Route(), eps[1].Route())
	}
	if !eps[1].Matches("POST", "/a/x%2Fy/b") || eps[1].Matches("POST", "/a/x/y/b") || eps[1].Matches("GET", "/a/x/b") {
		t.Error("pattern")
	}
}

func TestParseMethodNames(t *testing.T) {
	eps, problems := Parse([]byte("PATCH /a/<id>\tA.Patch A.End\nGET /a\nGET /b\tList\nGET /c\tA.List extra words\n"), true)
	if len(eps) != 4 {
		t.Fatalf("endpoints %v", eps)
	}
	if got := strings.Join(eps[0].Methods, ","); got != "A.Patch,A.End" || eps[0].Name != "A.Patch A.End" {
		t.Errorf("methods %q, name %q", got, eps[0].Name)
	}
	want := []string{"line 2: GET /a names no SDK method", `line 3: GET /b: "List" is not`, `line 4: GET /c: "extra" is not`, `line 4: GET /c: "words" is not`}
	if len(problems) != len(want) {
		t.Fatalf("problems %q", problems)
	}
	for i, w := range want {
		if !strings.HasPrefix(problems[i], w) {
			t.Errorf("problem %d: %q, want prefix %q", i, problems[i], w)
		}
	}
}

func TestOf(t *testing.T) {
	for _, api := range []string{"chatrhub", "giosg", "chatio"} {
		eps, err := Of(api)
		if err != nil {
			t.Fatal(err)
		}
		if len(eps) == 0 {
			t.Errorf("%s: empty", api)
		}
		eps[0].Method = "changed"
		again, err := Of(api)
		if err != nil || again[0].Method == "changed" {
			t.Errorf("%s: Of returned a shared slice (%v)", api, err)
		}
	}
	if _, err := Of("nope"); err == nil {
		t.Error("Of(nope): no error")
	}
}
