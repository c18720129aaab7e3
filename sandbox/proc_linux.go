package sandbox

import (
	"fmt"
	"os"
	"syscall"
)

// netMode is how a child is cut off from the network, strongest first.
type netMode int

const (
	netNS     netMode = iota // a new network namespace (needs CAP_SYS_ADMIN)
	netUserNS                // a new user and network namespace (unprivileged, when the kernel allows)
	netHost                  // none: the host's network
)

// sysProcAttr starts the child in its own process group (killed as one),
// killed if the parent dies, in the network isolation of mode.
func sysProcAttr(mode netMode) *syscall.SysProcAttr {
	a := &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	switch mode {
	case netNS:
		a.Cloneflags = syscall.CLONE_NEWNET
	case netUserNS:
		a.Cloneflags = syscall.CLONE_NEWUSER | syscall.CLONE_NEWNET
		a.UidMappings = []syscall.SysProcIDMap{{ContainerID: os.Getuid(), HostID: os.Getuid(), Size: 1}}
		a.GidMappings = []syscall.SysProcIDMap{{ContainerID: os.Getgid(), HostID: os.Getgid(), Size: 1}}
	}
	return a
}

// protocolOut moves the protocol to a file descriptor of its own and points
// descriptor 1 at stderr: a library that prints to standard output (the
// PDF library has fmt.Printf debugging lines, off by default) must not
// land in the middle of an answer.
func protocolOut() (*os.File, error) {
	fd, err := syscall.Dup(1)
	if err != nil {
		return nil, fmt.Errorf("dup stdout: %w", err)
	}
	if err := syscall.Dup3(2, 1, 0); err != nil {
		return nil, fmt.Errorf("stdout to stderr: %w", err)
	}
	syscall.CloseOnExec(fd) // Tesseract and Poppler must not inherit it
	return os.NewFile(uintptr(fd), "protocol"), nil
}
