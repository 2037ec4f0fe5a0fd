package eval

import (
	"context"
	"testing"

	"github.com/concurlab/concurlab/kernel/engine"
	"github.com/concurlab/concurlab/kernel/engine/enginetest"
)

// BenchmarkTrivialCell measures the evaluator alone on `1+1`: parsing, rewriting, yaegi's
// compilation and the result capture, without the processes and sockets around it.
func BenchmarkTrivialCell(b *testing.B) {
	s := mustNew(b, Options{})
	defer s.Shutdown(false)
	out := &enginetest.Recorder{}
	for i := 0; i < b.N; i++ {
		s.Execute(context.Background(), engine.ExecuteRequest{Code: "1+1", ExecutionCount: i + 1}, out)
	}
}
