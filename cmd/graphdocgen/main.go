// Command graphdocgen turns API reference docs in the Microsoft Graph convention into a model, Go code and lint
// findings. See the README for usage.
package main

import (
	"os"

	"github.com/graphdocgen/graphdocgen/internal/cli"
)

func main() { os.Exit(cli.Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
