// Package testenv lets tests depend on outside programs (MinIO, Tesseract,
// LibreOffice, poppler) the way CI expects: on a developer's laptop a
// missing program skips the test; under CI=true it fails it, because there
// the test command installs everything and a skip would hide a broken
// install step.
package testenv

import (
	"os"
	"os/exec"
	"testing"
)

// CI reports whether the tests run under CI (CI=true).
func CI() bool { return os.Getenv("CI") == "true" }

// LookPath returns the path of program or skips (fails under CI) the test.
func LookPath(t testing.TB, program string) string {
	t.Helper()
	p, err := exec.LookPath(program)
	if err != nil {
		Missing(t, program+" not found in PATH: "+err.Error())
	}
	return p
}

// Missing skips the test because of why, or fails it under CI.
func Missing(t testing.TB, why string) {
	t.Helper()
	if CI() {
		t.Fatalf("required under CI=true: %s", why)
	}
	t.Skip(why)
}

// MinIO returns the MinIO server binary named by HOSO_MINIO_BIN (set by the
// test script from deploy/minio.sh), or skips (fails under CI).
func MinIO(t testing.TB) string {
	t.Helper()
	p := os.Getenv("HOSO_MINIO_BIN")
	if p == "" {
		Missing(t, "HOSO_MINIO_BIN is not set; run deploy/minio.sh or ./test.sh")
	}
	if _, err := os.Stat(p); err != nil {
		Missing(t, "HOSO_MINIO_BIN: "+err.Error())
	}
	return p
}
