package chatrhub_test

import (
	"testing"

	"github.com/chatsdk-go/chatsdk/chatrhub"
	"github.com/chatsdk-go/chatsdk/internal/testkit"
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
	for name, takesString := range testkit.ServiceMethods(t, chatrhub.Client{}) {
		if takesString != stringInputMethods[name] {
			t.Errorf("%s takes a string argument: %v, want %v; add it to an escaping test and stringInputMethods", name, takesString, stringInputMethods[name])
		}
	}
}
