//go:build !unix

package parser

import "os"

// openNoBlock opens a file for reading; the caller checks what it opened.
func openNoBlock(name string) (*os.File, error) { return os.Open(name) }
