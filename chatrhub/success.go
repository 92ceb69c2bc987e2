package chatrhub

// Success is the answer of the operations that return a message instead of
// an object: {"success": "Deleted"} for deletes and {"success": "Sent
// Transfer Action"} for Transfer Chat.
type Success struct {
	// Message is the text of "success", such as SuccessDeleted.
	Message string `json:"success"`
}

// The documented Success messages.
const (
	// SuccessDeleted is the answer of Remove Group and Remove Agent From Group.
	SuccessDeleted = "Deleted"
	// SuccessTransferSent is the answer of a Transfer Chat request that was sent.
	SuccessTransferSent = "Sent Transfer Action"
)
