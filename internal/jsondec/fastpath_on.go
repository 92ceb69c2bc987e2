//go:build !chatsdk_encodingjson

package jsondec

// fastPath is true unless the build tag chatsdk_encodingjson leaves every
// document to encoding/json.
const fastPath = true
