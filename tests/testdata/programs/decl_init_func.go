package main

import "fmt"

var registry = map[string]int{}

func init() {
	registry["alpha"] = 1
}

func init() {
	registry["beta"] = len(registry) + 1
}

func main() {
	fmt.Println(len(registry), registry["alpha"], registry["beta"])
}
