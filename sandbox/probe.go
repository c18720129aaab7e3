package sandbox

import (
	"context"
	"net"
	"os"
	"syscall"
)

// ProbeResult is what a child sees of its surroundings.
type ProbeResult struct {
	Env         []string
	TempDir     string
	Interfaces  []string // network interfaces that are up
	Network     bool     // some interface other than loopback is up, or loopback is
	Isolated    bool     // the child runs in its own network namespace
	MemoryLimit uint64   // RLIMIT_AS, bytes
	Pid         int
}

// probe answers a probe request inside the child.
func probe() *ProbeResult {
	p := &ProbeResult{Env: os.Environ(), TempDir: os.TempDir(), Pid: os.Getpid()}
	ifs, _ := net.Interfaces()
	for _, i := range ifs {
		if i.Flags&net.FlagUp != 0 {
			p.Interfaces = append(p.Interfaces, i.Name)
		}
	}
	p.Network = len(p.Interfaces) > 0
	self, err1 := os.Readlink("/proc/self/ns/net")
	parent, err2 := os.Readlink("/proc/1/ns/net")
	p.Isolated = err1 == nil && (err2 != nil || self != parent)
	var rl syscall.Rlimit
	if syscall.Getrlimit(syscall.RLIMIT_AS, &rl) == nil && rl.Cur != ^uint64(0) {
		p.MemoryLimit = rl.Cur
	}
	return p
}

// Probe reports what a child of t sees: its environment, temporary
// folder, network and memory limit. Services log it once at start, and
// tests check the wall with it; the child stays for the files that follow.
func (t *Texter) Probe(ctx context.Context) (*ProbeResult, error) {
	if t.err != nil {
		return nil, t.err
	}
	select {
	case t.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-t.slots }()
	c, err := t.get(ctx)
	if err != nil {
		return nil, err
	}
	res, err := c.do(ctx, request{Probe: true}, nil, t.opt.Wall)
	if err != nil {
		c.kill()
		t.forget(c)
		return nil, err
	}
	t.put(c)
	return res.Probe, nil
}
