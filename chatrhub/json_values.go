package chatrhub

import "github.com/chatsdk-go/chatsdk/internal/lenient"

type (
	// Bool is a boolean read from true/false, 0/1, "0"/"1" or null (false);
	// it is sent as a JSON boolean.
	Bool = lenient.Bool
	// IntBool is a boolean the API documents as the integer 0 or 1
	// (is_billable, is_ended, ...). It is read like Bool and sent as 0 or 1.
	IntBool = lenient.IntBool
	// Int is an integer read from 4, "4" or null (0); it is sent as a number.
	Int = lenient.Int
	// Time is a datetime read from RFC 3339 (with or without a zone) or
	// YYYY-MM-DD; null and "" are the zero time, which is sent as null.
	Time = lenient.Time
	// StringList is a list of strings the API stores as JSON inside a string
	// ("[\"123\"]"). It is read from that form or a plain array and sent in
	// the string form.
	StringList = lenient.StringList
	// List is a list of JSON values the API stores as JSON inside a string
	// ("[]"), sent back in the string form.
	List = lenient.List
	// Object is a JSON object the API stores as JSON inside a string ("{}"),
	// sent back in the string form.
	Object = lenient.Object
)
