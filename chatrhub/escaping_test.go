package chatrhub_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/chatsdk-go/chatsdk/chatrhub"
)

// stringInputMethods are the service methods that take a string argument.
// ChatrHub path IDs are integers, so none of these strings is a path segment:
// Visitors.GetByUsername sends its username in the query, and
// TestStringInputsCannotChangeTheEndpoint checks that it arrives intact
// without changing the path.
var stringInputMethods = map[string]bool{
	"Visitors.GetByUsername": true,
}

// TestOnlyKnownMethodsTakeStringInputs fails when a service method gains a
// string argument (such as a string path ID) that no escaping test covers.
func TestOnlyKnownMethodsTakeStringInputs(t *testing.T) {
	ct := reflect.TypeOf(chatrhub.Client{})
	services := 0
	for i := 0; i < ct.NumField(); i++ {
		f := ct.Field(i)
		if !f.IsExported() || f.Type.Kind() != reflect.Pointer || !strings.HasSuffix(f.Type.Elem().Name(), "Service") {
			continue
		}
		services++
		for j := 0; j < f.Type.NumMethod(); j++ {
			m := f.Type.Method(j)
			name := f.Name + "." + m.Name
			takesString := false
			for k := 1; k < m.Type.NumIn(); k++ {
				if m.Type.In(k).Kind() == reflect.String {
					takesString = true
				}
			}
			if takesString != stringInputMethods[name] {
				t.Errorf("%s takes a string argument: %v, want %v; add it to an escaping test and stringInputMethods", name, takesString, stringInputMethods[name])
			}
		}
	}
	if services == 0 {
		t.Fatal("found no services on chatrhub.Client")
	}
}
