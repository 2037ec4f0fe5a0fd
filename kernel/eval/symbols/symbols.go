// Package symbols holds the yaegi symbol tables of the compiled packages that cells import
// beyond the standard library: ours by their short paths, "concur" and "display", and
// golang.org/x/sync's errgroup, semaphore and singleflight by their own. yaegi extract
// generates the tables, as the generate directives below say; rerun them with
// `go generate ./kernel/eval/symbols`.
package symbols

import (
	"reflect"
	"strings"
)

//go:generate go run github.com/traefik/yaegi/cmd/yaegi extract -name symbols github.com/concurlab/concurlab/concur
//go:generate go run github.com/traefik/yaegi/cmd/yaegi extract -name symbols -exclude ^SetSink$,^Sink$ github.com/concurlab/concurlab/display
//go:generate go run github.com/traefik/yaegi/cmd/yaegi extract -name symbols golang.org/x/sync/errgroup
//go:generate go run github.com/traefik/yaegi/cmd/yaegi extract -name symbols golang.org/x/sync/semaphore
//go:generate go run github.com/traefik/yaegi/cmd/yaegi extract -name symbols golang.org/x/sync/singleflight

// Symbols is filled by the generated files, keyed as yaegi writes them
// ("github.com/concurlab/concurlab/concur/concur").
var Symbols = map[string]map[string]reflect.Value{}

const modulePrefix = "github.com/concurlab/concurlab/"

// Exports returns the tables keyed by the import paths that cells use ("concur/concur",
// "golang.org/x/sync/errgroup/errgroup"), ready for interp.Use.
func Exports() map[string]map[string]reflect.Value {
	short := make(map[string]map[string]reflect.Value, len(Symbols))
	for key, table := range Symbols {
		short[strings.TrimPrefix(key, modulePrefix)] = table
	}
	return short
}
