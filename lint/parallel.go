package lint

import (
	"runtime"

	"github.com/graphdocgen/graphdocgen/internal/workers"
	"github.com/graphdocgen/graphdocgen/model"
)

// The page-local checks (placeholders, outline, links, permissions, suppression comments) read one page and the
// tree's indexes, so they run on every core, as the parser reads pages: a lint within 1.2× of building the model
// (issue 11) cannot be single-threaded beside a parser that is not. Each worker checks with a fork of the checker
// that shares the read-only indexes and owns its findings and memos; the results are merged in page order, so
// the output does not depend on scheduling.

// checkPages runs checkPage on every page, in parallel, and merges what the workers found into c.
func (c *checker) checkPages() {
	pages := c.m.Pages
	c.m.Page("") // the model's lookups are built lazily, and not safely from several goroutines: build them first
	texts := make([]*pageText, len(pages))
	found := make([][]Finding, len(pages))
	n := min(runtime.GOMAXPROCS(0), max(len(pages)/64, 1))
	// First every page's text, which the checks of one page read for others (a link's target anchors).
	workers.Each(n, len(pages), func(_, i int) { texts[i] = newPageText(pages[i]) })
	for i, p := range pages {
		c.texts[p.Path] = texts[i]
	}
	forks := make([]*checker, n)
	for k := range forks {
		forks[k] = c.fork()
	}
	workers.Each(n, len(pages), func(k, i int) {
		w := forks[k]
		w.findings = nil
		w.checkPage(texts[i])
		found[i] = w.findings
	})
	for _, fs := range found {
		c.findings = append(c.findings, fs...)
	}
	for _, w := range forks {
		for file, ss := range w.suppress {
			c.suppress[file] = ss
		}
		for file, a := range w.anchors {
			c.anchors[file] = a
		}
	}
}

// fork returns a checker for one worker of checkPages: the model, options and indexes shared (read only), the
// findings and every memo its own.
func (c *checker) fork() *checker {
	w := *c
	w.findings = nil
	w.anchors = map[string]map[string]bool{}
	w.suppress = map[string]*suppressions{}
	w.extra = map[string]*Rule{}
	w.open = map[*model.Type]bool{}
	w.typeMemo = nil
	w.typings = map[*model.Example]*exampleTyping{}
	w.objectFacts = map[*model.Value]objectFact{}
	w.bodies = map[*model.Operation]bodyEvidence{}
	w.openWhy = map[*model.Type]string{}
	w.unstatedBases = map[[2]*model.Type]bool{}
	w.getPaths = nil
	w.claimHints = map[*model.Value]string{}
	return &w
}
