package graph

// The rest of this package is generated from the pages in ../docs: run `go generate ./...` after changing them,
// and `go run github.com/graphdocgen/graphdocgen/cmd/graphdocgen generate --config graphdocgen.yaml --check`
// in CI to catch a package that was not regenerated. This file has no generated-code header, so graphdocgen
// leaves it alone.

//go:generate go run github.com/graphdocgen/graphdocgen/cmd/graphdocgen generate --config ../graphdocgen.yaml
