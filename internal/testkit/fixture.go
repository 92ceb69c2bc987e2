package testkit

import (
	"errors"
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

// Root returns the module root: the nearest directory, from the working
// directory upwards, that holds go.mod.
func Root(t testing.TB) string {
	t.Helper()
	dir, err := ModuleRoot()
	if err != nil {
		t.Fatalf("testkit: %v", err)
	}
	return dir
}

// ModuleRoot is Root for code without a testing.TB (the benchmarks' paired
// runner): the nearest directory, from the working directory upwards, that
// holds go.mod.
func ModuleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}
