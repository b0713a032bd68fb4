// Package cli is graphdocgen's command line. Run is the whole program, so tests drive the real CLI.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/spf13/pflag"
)

// Exit codes.
const (
	ExitOK       = 0
	ExitFindings = 1 // lint findings at or above --fail-on, stale files with --check, breaking changes
	ExitUsage    = 2 // bad flags, bad config, I/O errors
)

type env struct {
	ctx            context.Context // done when a long-running command (serve) should stop
	stdin          io.Reader
	stdout, stderr io.Writer
}

type command struct {
	name    string
	summary string
	run     func(e *env, args []string) int
}

var commands = map[string]*command{}

func register(c *command) { commands[c.name] = c }

// Run runs graphdocgen with args (without the program name) and returns the exit code.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return RunContext(context.Background(), args, stdin, stdout, stderr)
}

// RunContext is Run with a context: a long-running command (serve) stops when ctx is done, as on SIGINT/SIGTERM.
func RunContext(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{ctx: ctx, stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		usage(stderr)
		return ExitUsage
	}
	switch args[0] {
	case "-h", "--help", "help":
		if len(args) > 1 {
			if c, ok := commands[args[1]]; ok {
				return c.run(e, []string{"--help"})
			}
		}
		usage(stdout)
		return ExitOK
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "graphdocgen: unknown command %q\n\n", args[0])
		usage(stderr)
		return ExitUsage
	}
	return c.run(e, args[1:])
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "graphdocgen turns Microsoft Graph-style API reference docs into a model, Go code and lint findings.")
	fmt.Fprintln(w, "\nUsage:\n  graphdocgen <command> [flags]\n\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'graphdocgen <command> --help' for a command's flags.")
}

// newFlags makes a flag set whose --help prints the command's usage to stdout.
func newFlags(e *env, name, synopsis string) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.SortFlags = false
	fs.Usage = func() {
		fmt.Fprintf(e.stdout, "Usage: graphdocgen %s\n\n%s\n\nFlags:\n%s", synopsis, commands[name].summary, fs.FlagUsages())
	}
	return fs
}

// parseFlags parses args; it returns (exit code, true) when the command should stop (help or a bad flag).
func parseFlags(e *env, fs *pflag.FlagSet, args []string) (int, bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return ExitOK, true
		}
		fmt.Fprintf(e.stderr, "graphdocgen %s: %v\nRun 'graphdocgen %s --help' for usage.\n", fs.Name(), err, fs.Name())
		return ExitUsage, true
	}
	return 0, false
}

func fail(e *env, cmd string, err error) int {
	fmt.Fprintf(e.stderr, "graphdocgen %s: %v\n", cmd, err)
	return ExitUsage
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	if strings.HasSuffix(word, "s") {
		return fmt.Sprintf("%d %ses", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
