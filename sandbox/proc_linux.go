package sandbox

import (
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
