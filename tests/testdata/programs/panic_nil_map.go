package main

import "fmt"

type Registry struct {
	entries map[string]int
}

func (r *Registry) Register(name string) {
	r.entries[name] = len(r.entries)
}

func main() {
	ok := &Registry{entries: map[string]int{}}
	ok.Register("first")
	fmt.Println("registered", len(ok.entries))
	var broken Registry
	defer fmt.Println("deferred print runs before the crash")
	broken.Register("boom")
	fmt.Println("never printed")
}
