package chatrhub

// Visitor is a customer who chats through the web chat widget or by text
// message.
type Visitor struct {
	// ID is the resource "id" of the visitor; zero in a Visitor nested in a
	// Chat (use Chat.VisitorID there).
	ID int64 `json:"-"`
	// Type is the resource "type", "visitors".
	Type string `json:"-"`

	// Name is the visitor's name.
	Name string `json:"name"`
	// CompanyName is the visitor's company.
	CompanyName string `json:"company_name"`
	// StreetAddress1 is the first street address line.
	StreetAddress1 string `json:"street_address_1"`
	// StreetAddress2 is the second street address line.
	StreetAddress2 string `json:"street_address_2"`
	// City is the visitor's city.
	City string `json:"city"`
	// State is the visitor's state.
	State string `json:"state"`
	// ZipCode is the visitor's zip code.
	ZipCode string `json:"zip_code"`
	// Country is the visitor's country (ISO short code).
	Country string `json:"country"`
	// Phone is the visitor's phone number.
	Phone string `json:"phone"`
	// Email is the visitor's email address.
	Email string `json:"email"`
	// GroupID is the group currently assigned to the visitor (0 if none).
	GroupID Int `json:"group_id"`
	// XMPPUsername is the visitor's XMPP username, the "visitor username"
	// that Visitors.GetByUsername and Messages.List take.
	XMPPUsername string `json:"xmpp_username"`
	// XMPPPassword is the visitor's XMPP password.
	XMPPPassword string `json:"xmpp_password"`
	// CurrentURL is the last page the visitor was on.
	CurrentURL string `json:"current_url"`
	// ReferrerURL is the visitor's last referrer URL.
	ReferrerURL string `json:"referrer_url"`
	// IPAddress is the visitor's IP address, on web chat.
	IPAddress string `json:"ip_address"`
	// Record is the account, the terminated flag and who created and last
	// updated the visitor, and when; CreateDt is when the visitor was first
	// seen.
	Record
}

func (v *Visitor) setIdentity(id int64, typ string) { v.ID, v.Type = id, typ }
