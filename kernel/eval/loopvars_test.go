package eval

import "testing"

// TestLoopBodyVariables runs loops whose closures capture variables declared in the loop's
// body: each iteration has its own, as with go run (whose output each case was checked
// against), also when compiled code calls the closure after the loop went on.
func TestLoopBodyVariables(t *testing.T) {
	setup := []string{`import ("fmt"; "sort"; "sync")`}
	runCases(t, Options{}, []cellCase{
		{name: "closure passed to sync.WaitGroup.Go", setup: setup, code: `func demo() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	var got []string
	for i := range 4 {
		item := "a"
		if i%2 == 0 {
			item = "b"
		}
		wg.Go(func() { mu.Lock(); got = append(got, item); mu.Unlock() })
	}
	wg.Wait()
	sort.Strings(got)
	fmt.Println(got)
}
demo()`, stdout: "[a a b b]\n"},
		{name: "top-level loop with a var declaration", setup: setup, code: `var wg sync.WaitGroup
got := make([]int, 3)
for i := 0; i < 3; i++ {
	var v int
	v = i * 10
	wg.Go(func() { got[v/10] = v })
}
wg.Wait()
fmt.Println(got)`, stdout: "[0 10 20]\n"},
		{name: "a variable changed after the closure is not copied", setup: setup, code: `var fs []func() int
for i := 0; i < 3; i++ {
	x := i
	f := func() int { return x }
	x += 10
	fs = append(fs, f)
}
for _, f := range fs {
	fmt.Print(f(), " ")
}
fmt.Println()`, stdout: "10 11 12 \n"},
		{name: "a mutex and a counter the closure changes", setup: setup, code: `for i := 0; i < 2; i++ {
	var m sync.Mutex
	n := 0
	inc := func() { m.Lock(); n++; m.Unlock() }
	inc()
	inc()
	fmt.Print(n, " ")
}
fmt.Println()`, stdout: "2 2 \n"},
		{name: "nested loops, a constant and the outer loop's variable", setup: setup, code: `var wg sync.WaitGroup
var mu sync.Mutex
var got []string
for _, s := range []string{"p", "q"} {
	const k = 2
	for j := 0; j < 2; j++ {
		t := s
		wg.Go(func() { var f float64 = k; mu.Lock(); got = append(got, fmt.Sprint(t, j, f)); mu.Unlock() })
	}
}
wg.Wait()
sort.Strings(got)
fmt.Println(got)`, stdout: "[p0 2 p1 2 q0 2 q1 2]\n"},
		{name: "declared in an inner block", setup: setup, code: `var wg sync.WaitGroup
got := make([]string, 4)
for i := 0; i < 4; i++ {
	if i%2 == 0 {
		w := fmt.Sprint("even", i)
		wg.Go(func() { got[i] = w })
	} else if w := fmt.Sprint("odd", i); w != "" {
		wg.Go(func() { got[i] = w })
	}
}
wg.Wait()
fmt.Println(got)`, stdout: "[even0 odd1 even2 odd3]\n"},
	})
}
