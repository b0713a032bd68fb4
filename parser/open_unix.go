//go:build unix

package parser

import (
	"os"
	"syscall"
)

// openNoBlock opens a file for reading without waiting for a writer, should it be a named pipe; the caller
// checks what it opened.
func openNoBlock(name string) (*os.File, error) {
	return os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
