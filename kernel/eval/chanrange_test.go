package eval

import "testing"

// TestRangeOverChannels runs range loops over slices, maps and arrays of channels, with a
// value variable, which the interpreter took for ranges over a channel; each prints what go
// run prints for the same code.
func TestRangeOverChannels(t *testing.T) {
	setup := []string{`import ("fmt"; "sort"; "sync")`}
	runCases(t, Options{}, []cellCase{
		{name: "in a function: slices, a map, goroutines, a label, an array", setup: setup, code: `func demo() {
	chans := []chan string{make(chan string, 1), make(chan string, 1), make(chan string, 1)}
	for i, c := range chans {
		c <- fmt.Sprint("msg", i)
	}
	for _, c := range chans {
		fmt.Print(<-c, " ")
	}
	fmt.Println()
	m := map[string]chan int{"a": make(chan int, 1), "b": make(chan int, 1)}
	for k, c := range m {
		c <- len(k)
	}
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Println(keys, <-m["a"]+<-m["b"])
	var wg sync.WaitGroup
	var mu sync.Mutex
	var got []string
	for i, c := range chans {
		c <- fmt.Sprint(i)
		wg.Add(1)
		go func() { defer wg.Done(); mu.Lock(); got = append(got, <-c); mu.Unlock() }()
	}
	wg.Wait()
	sort.Strings(got)
	fmt.Println(got)
	var last chan string
	n := 0
outer:
	for _, last = range chans {
		n++
		if n == 2 {
			break outer
		}
	}
	fmt.Println(n, last == chans[1])
	arr := [2]chan int{make(chan int, 1), make(chan int, 1)}
	for i, c := range arr {
		arr[1] = nil
		fmt.Print(i, c != nil, " ")
	}
	fmt.Println()
	var recv []<-chan int
	recv = append(recv, m["a"])
	for range recv {
		fmt.Println("keyless")
	}
}
demo()`, stdout: "msg0 msg1 msg2 \n[a b] 2\n[0 1 2]\n2 true\n0 true 1 true \nkeyless\n"},
		{name: "at the top level, with continue to a label", setup: setup, code: `cs := []chan int{make(chan int, 1), make(chan int, 1), make(chan int, 1)}
sum := 0
rows:
for i, c := range cs {
	for j := 0; j < 3; j++ {
		if j > i {
			continue rows
		}
		sum += j
	}
	c <- i
}
fmt.Println(sum, len(cs[0]), len(cs[2]))`, stdout: "4 0 1\n"},
	})
}
