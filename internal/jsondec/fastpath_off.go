//go:build chatsdk_encodingjson

package jsondec

// fastPath is false: built with the tag chatsdk_encodingjson, Unmarshal is
// json.Unmarshal, for measuring the client without its decoder or ruling
// the decoder out.
const fastPath = false
