package ingest

import (
	"os"
	"testing"

	"github.com/hoso-vn/hoso/sandbox"
)

// TestMain lets the test binary serve as the parsing child of
// sandbox.Texter (it is the os.Executable of pipelines under test).
func TestMain(m *testing.M) {
	sandbox.Main()
	os.Exit(m.Run())
}
