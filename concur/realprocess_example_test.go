package concur_test

import (
	"fmt"

	"github.com/concurlab/concurlab/concur"
)

// A real process pool calls functions by name in other processes and copies the arguments
// there and the results back. In a ConcurLab session the children replay the session's
// declarations; here they are this package's test binary, serving the functions of its tests.
func ExampleStartProcesses() {
	pool, err := concur.StartProcesses(2)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer pool.Close()
	var square int
	if err := pool.Call("square", 7, &square); err != nil {
		fmt.Println(err)
	}
	fmt.Println(square)

	xs := []int{1, 2, 3}
	var scaled []int
	if err := pool.Call("scale", concur.Args{xs, 10}, &scaled); err != nil {
		fmt.Println(err)
	}
	fmt.Println(xs, "stays as it was; the child scaled its copy:", scaled)
	fmt.Println(len(pool.PIDs()), "processes")
	// Output:
	// 49
	// [1 2 3] stays as it was; the child scaled its copy: [10 20 30]
	// 2 processes
}
