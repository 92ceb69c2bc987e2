package testkit

import (
	"os"
	"path/filepath"
	"testing"
)

// FixturePath is the path of testdata/<api>/<name>.
func FixturePath(t testing.TB, api, name string) string {
	t.Helper()
	return filepath.Join(Root(t), "testdata", api, filepath.FromSlash(name))
}

// Fixture reads testdata/<api>/<name>.
func Fixture(t testing.TB, api, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(FixturePath(t, api, name))
	if err != nil {
		t.Fatalf("fixture %s (written from the API docs into testdata/%s): %v", name, api, err)
	}
	return b
}

// FixtureExists reports whether testdata/<api>/<name> exists.
func FixtureExists(t testing.TB, api, name string) bool {
	t.Helper()
	_, err := os.Stat(FixturePath(t, api, name))
	return err == nil
}
