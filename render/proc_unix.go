//go:build unix

package render

import (
	"os/exec"
	"syscall"
)

// ownGroup puts cmd in its own process group: soffice is a shell script
// that starts oosplash, which starts soffice.bin, and killing only the
// script would leave the office running.
func ownGroup(cmd *exec.Cmd) { cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} }

func killGroup(cmd *exec.Cmd) {
	if cmd.Process != nil {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		_ = cmd.Process.Kill()
	}
}
