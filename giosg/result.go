package giosg

// Result is the answer of an operation that either finds an existing object
// (the API answers 200 OK) or creates a new one (201 Created): create a chat
// with a visitor, join a chat, add a tag, send an invitation.
type Result[T any] struct {
	// Value is the object the API returned (the zero value when the answer
	// had no body).
	Value *T
	// Created is true when the API answered 201 Created: a new object was
	// made. It is false when an existing object was returned (200 OK).
	Created bool
}
