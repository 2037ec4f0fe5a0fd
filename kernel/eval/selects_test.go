package eval

import (
	"testing"

	"github.com/concurlab/concurlab/kernel/gofront"
)

// The front end's lowered code calls the functions gofront.Runtime names: the host package
// of the rewrites must have each.
func TestHostRuntimeHasWhatLoweredCodeCalls(t *testing.T) {
	ro, err := newCellStdio()
	if err != nil {
		t.Fatal(err)
	}
	defer ro.close()
	rt := newHostRuntime(ro).exports()[rtPath+"/rt"]
	for _, name := range gofront.Runtime {
		if _, ok := rt[name]; !ok {
			t.Errorf("%s has no %s, which gofront's lowered code calls", rtPath, name)
		}
	}
}
