# graphdocgen — see README.md. Targets need Go; fidelity needs python3 and ../shared.
GO      ?= go
SHARED  ?= ../shared
CORPUS  := $(SHARED)/corpus/graph-docs-2021
BIN     := bin/graphdocgen

.PHONY: all build generate check-generated test bench fidelity lint-docs clean

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

bench:
	$(GO) test -run '^$$' -bench . -benchmem -benchtime 3x ./parser/ ./generator/ ./lint/

# Fidelity of the model read from the v1.0 corpus against the service's own schema.
fidelity: build
	$(BIN) model --docs $(CORPUS)/v1.0 --format csdl -o bin/v1.0.csdl
	python3 $(SHARED)/bench/fidelity.py $(SHARED)/truth/graph-v1.0-2021-07-20.csdl bin/v1.0.csdl \
		--docs $(CORPUS)/v1.0 --report bin/fidelity-misses.txt

clean:
	rm -rf bin
