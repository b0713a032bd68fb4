module example.com/consumer

go 1.24.0

require github.com/graphdocgen/graphdocgen v0.0.0

// graphdocgen is a tool of this module: `go get -tool github.com/graphdocgen/graphdocgen/cmd/graphdocgen@latest`
// adds the two lines, and keeps the requirement when `go mod tidy` finds no import of it.
tool github.com/graphdocgen/graphdocgen/cmd/graphdocgen

// TestGoGenerateConsumer adds a replace directive pointing at the graphdocgen checkout under test.
