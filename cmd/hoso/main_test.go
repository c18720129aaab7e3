package main

import (
	"os"
	"testing"

	"github.com/hoso-vn/hoso/sandbox"
)

// TestMain lets the test binary serve as the parsing child that the
// commands under test start (it is their os.Executable).
func TestMain(m *testing.M) {
	sandbox.Main()
	os.Exit(m.Run())
}
