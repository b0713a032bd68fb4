# graphdocgen — see README.md. Targets need Go; fidelity needs python3 and ../shared.
GO      ?= go
SHARED  ?= ../shared
CORPUS  := $(SHARED)/corpus/graph-docs-2021
BIN     := bin/graphdocgen

.PHONY: all build generate test bench fidelity lint-docs clean

all: build test

build:
	$(GO) build -o $(BIN) ./cmd/graphdocgen

# The main job: read docs-input/ and (re)generate the Go package in out/.
generate:
	$(GO) run ./cmd/graphdocgen generate --docs docs-input --out out --package out

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
