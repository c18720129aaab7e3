package main

import (
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// lockName is the file in the data folder that 'hoso run' (and the
// commands that open its embedded NATS) hold an flock on, with the
// holder's pid in it.
const lockName = "hoso.lock"

// lockData checks the embedded mode's data folder and takes its lock, so
// that each mistake is named at once instead of surfacing as a NATS server
// that does not start within 30 s: --data naming a file, a folder that
// cannot be written, and a second program on the same folder (the lock's
// holder is named by its pid). The lock lasts until unlock is called or
// the process ends; the kernel drops it with the process, so a crash
// leaves no stale lock.
func lockData(data string) (unlock func(), err error) {
	fi, err := os.Stat(data)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(data, 0o755); err != nil {
			return nil, dataErr(data, err)
		}
	case err != nil:
		return nil, dataErr(data, err)
	case !fi.IsDir():
		return nil, fmt.Errorf("--data %s is a file, not a folder: name a folder (it is created when missing)", data)
	}
	f, err := os.OpenFile(filepath.Join(data, lockName), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, dataErr(data, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		b, _ := os.ReadFile(f.Name())
		f.Close()
		holder := strings.TrimSpace(string(b))
		if holder == "" {
			holder = "unknown"
		}
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("data folder %s is in use by another hoso (pid %s): stop it, or give another --data; "+
				"'hoso run --nats-listen 127.0.0.1:4222' lets 'hoso users' and the others reach it with --nats-url", data, holder)
		}
		return nil, dataErr(data, err)
	}
	if err := f.Truncate(0); err == nil {
		_, err = f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
		if err != nil {
			f.Close()
			return nil, dataErr(data, err)
		}
	} else {
		f.Close()
		return nil, dataErr(data, err)
	}
	return func() { f.Close() }, nil
}

// dataErr names what is wrong with the data folder in words an operator
// acts on.
func dataErr(data string, err error) error {
	switch {
	case errors.Is(err, syscall.EROFS), errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("data folder %s is read-only for this user (uid %d): %w; give a writable --data", data, os.Getuid(), err)
	case errors.Is(err, syscall.ENOSPC):
		return fmt.Errorf("data folder %s: the disk is full: %w", data, err)
	case errors.Is(err, syscall.ENOTDIR):
		return fmt.Errorf("data folder %s: a part of the path is a file, not a folder: %w", data, err)
	}
	return fmt.Errorf("data folder %s: %w", data, err)
}

// checkPortFree fails at once when addr cannot be listened on (a port in
// use, an address not of this machine), which NATS would only report by
// not starting.
func checkPortFree(flagName, addr string) error {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			return fmt.Errorf("%s %s: the port is in use (another NATS or hoso run?); choose another port", flagName, addr)
		}
		return fmt.Errorf("%s %s: %w", flagName, addr, err)
	}
	return l.Close()
}
