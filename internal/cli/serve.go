package cli

import (
	"errors"
	"fmt"
	"log"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/graphdocgen/graphdocgen/internal/config"
	"github.com/graphdocgen/graphdocgen/mock"
	"github.com/graphdocgen/graphdocgen/model"
)

func init() {
	register(&command{name: "serve", summary: "serve a mock of the documented API: each request answered with the docs' example that matches it best", run: runServe})
}

func runServe(e *env, args []string) int {
	fs := newFlags(e, "serve", "serve --docs DIR [--addr 127.0.0.1:8080] [--poll 2s] [--max-body-bytes SIZE] [--config FILE]")
	docs := fs.StringArray("docs", nil, "docs root `DIR`: a folder of pages (or one page); repeat to read several folders as one tree")
	addr := fs.String("addr", "127.0.0.1:8080", "`host:port` to listen on (port 0: any free port; the address is printed)")
	poll := fs.Duration("poll", 2*time.Second, "how often to look for changed pages and reload them (0: never)")
	maxBody := fs.String("max-body-bytes", "1MiB", "`size` limit of a request body (bytes, or with KiB, MiB); a larger body gets 413")
	quiet := fs.Bool("quiet", false, "do not log each request")
	read := addReadFlags(fs)
	addConfigFlag(fs)
	if code, stop := parseFlags(e, fs, args); stop {
		return code
	}
	cfg, err := applyConfig(fs)
	if err != nil {
		return fail(e, "serve", err)
	}
	if err := docsGiven(fs, *docs); err != nil {
		return fail(e, "serve", err)
	}
	bodyLimit, err := config.ParseSize(*maxBody)
	if err != nil || bodyLimit <= 0 {
		return fail(e, "serve", fmt.Errorf("--max-body-bytes: %q is not a positive size", *maxBody))
	}
	opts, err := read.options()
	if err != nil {
		return fail(e, "serve", locateConfigValue(fs, cfg, "max-page-bytes", err))
	}
	load := func() (*model.Model, error) { return readDocs(*docs, opts) }
	m, err := load()
	var rootErr *errDocsRoot
	if errors.As(err, &rootErr) {
		err = locateConfigValue(fs, cfg, "docs", err)
	}
	if err != nil {
		return fail(e, "serve", err)
	}
	warnUnreadable(e, "serve", *docs, m)

	logger := log.New(e.stderr, "graphdocgen serve: ", log.LstdFlags)
	mockOpts := mock.Options{MaxBodyBytes: bodyLimit}
	if !*quiet {
		mockOpts.Log = logger
	}
	mk := mock.New(m, mockOpts)
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fail(e, "serve", fmt.Errorf("--addr: %w", err))
	}
	ctx, stop := signal.NotifyContext(e.ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	logger.Printf("serving %s of %s from %s on http://%s (also under /v1.0 and /beta)", plural(mk.Routes(), "route"),
		plural(len(m.Operations), "operation"), plural(len(m.Pages), "page"), ln.Addr())
	if *poll > 0 {
		go mock.Watch(ctx, *docs, *poll, func() {
			start := time.Now()
			m, err := load()
			if err != nil {
				logger.Printf("reloading: %v (still serving the docs as they were)", err)
				return
			}
			mk.Load(m)
			logger.Printf("reloaded: %s, %s in %v", plural(mk.Routes(), "route"), plural(len(m.Pages), "page"),
				time.Since(start).Round(time.Millisecond))
		})
	}
	if err := mock.Serve(ctx, ln, mk, 5*time.Second); err != nil {
		return fail(e, "serve", err)
	}
	logger.Printf("stopped")
	return ExitOK
}
