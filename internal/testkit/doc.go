// Package testkit holds what the SDK's tests share: the documented endpoint
// lists (read from internal/endpoints), the golden fixtures
// (testdata/<api>/<name>) and the comparisons of requests and decoded
// responses against them. Only tests of this module import it.
package testkit
