package eval

import (
	"go/importer"
	"go/token"
	"go/types"
)

// devImporter is a stand-in until the embedded package types land.
type devImporter struct{ gc types.Importer }

func newDevImporter() types.Importer {
	return devImporter{gc: importer.ForCompiler(token.NewFileSet(), "gc", nil)}
}

func (d devImporter) Import(path string) (*types.Package, error) {
	switch path {
	case "concur", "display":
		path = modulePrefix + path
	}
	return d.gc.Import(path)
}
