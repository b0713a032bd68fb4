//go:build !unix

package parser

import "errors"

func mkfifo(string) error { return errors.New("not on this system") }
