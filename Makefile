# graphdocgen — see README.md. Targets need Go; fidelity needs python3 and ../shared.
GO      ?= go
SHARED  ?= ../shared
CORPUS  := $(SHARED)/corpus/graph-docs-2021
BIN     := bin/graphdocgen

.PHONY: all build generate check-generated test bench fuzz fidelity lint-docs clean

all: build test

# -buildvcs=auto (go build's default, restated so that GOFLAGS=-buildvcs=false in the environment does not win)
# stamps the git revision into the binary; `graphdocgen version` reads it back with debug.ReadBuildInfo.
build:
	$(GO) build -buildvcs=auto -o $(BIN) ./cmd/graphdocgen

# The main job: read docs-input/ and (re)generate the Go package in out/. Only changed files are rewritten.
generate:
	$(GO) run ./cmd/graphdocgen generate --docs docs-input --out out --package out

# Exit 1, listing the files, when out/ is not what docs-input/ generates (for CI).
check-generated:
	$(GO) run ./cmd/graphdocgen generate --docs docs-input --out out --package out --check

test:
	$(GO) vet ./...
	$(GO) test ./...

# Every fuzz target for FUZZTIME each (CI: 10s; a real run: make fuzz FUZZTIME=10m). Go fuzzes one target of
# one package per run, so they run one after another; crashers land in the package's testdata/fuzz and then run
# as seeds in every `go test`. Go 1.26's fuzz coordinator can fail a run with a bare "context deadline exceeded"
# when -fuzztime ends while a worker is busy (go.dev/issue/75804, fixed in Go 1.27): such a run, which wrote no
# failing input, is run once more; any other failure, or that one twice, fails.
FUZZTIME ?= 10s
FUZZ_TARGETS := ./parser/:FuzzReadPage ./parser/:FuzzJSONRead ./export/:FuzzLoadModelJSON \
	./templates/support/:FuzzCodecRoundTrip ./generator/:FuzzGenerate
fuzz:
	@set -e; log=$$(mktemp); trap 'rm -f "$$log"' EXIT; for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; name=$${t##*:}; \
		for try in 1 2; do \
			echo "fuzz $$name ($$pkg) for $(FUZZTIME)"; \
			if $(GO) test -run '^$$' -fuzz "^$$name$$" -fuzztime $(FUZZTIME) -parallel 1 $$pkg >"$$log" 2>&1; then \
				cat "$$log"; break; \
			fi; \
			cat "$$log"; \
			if [ $$try = 1 ] && grep -q 'context deadline exceeded' "$$log" && ! grep -q 'Failing input written' "$$log"; then \
				echo "fuzz $$name: the fuzz coordinator's deadline race (go.dev/issue/75804), no failing input: once more"; \
				continue; \
			fi; \
			exit 1; \
		done; \
	done

bench:
	$(GO) test -run '^$$' -bench . -benchmem -benchtime 3x ./parser/ ./generator/ ./lint/

# Fidelity of the model read from the v1.0 corpus against the service's own schema.
fidelity: build
	$(BIN) model --docs $(CORPUS)/v1.0 --format csdl -o bin/v1.0.csdl
	python3 $(SHARED)/bench/fidelity.py $(SHARED)/truth/graph-v1.0-2021-07-20.csdl bin/v1.0.csdl \
		--docs $(CORPUS)/v1.0 --report bin/fidelity-misses.txt

clean:
	rm -rf bin
