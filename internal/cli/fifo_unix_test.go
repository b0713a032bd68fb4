//go:build unix

package cli

import "syscall"

func mkfifo(path string) error { return syscall.Mkfifo(path, 0o644) }

// mknodNull makes a character device with the numbers of Linux's /dev/null.
func mknodNull(path string) error { return syscall.Mknod(path, syscall.S_IFCHR|0o666, int(1<<8|3)) }
