package main

import (
	"fmt"
	"math/rand"
)

func shuffleDeck(r *rand.Rand) []string {
	deck := []string{"A", "K", "Q", "J", "10", "9"}
	r.Shuffle(len(deck), func(i, j int) { deck[i], deck[j] = deck[j], deck[i] })
	return deck
}

func main() {
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 5; i++ {
		fmt.Print(r.Intn(100), " ")
	}
	fmt.Println()
	fmt.Printf("%.4f %d %d\n", r.Float64(), r.Int63n(1000), r.Int31n(50))
	fmt.Println(r.Perm(6))
	fmt.Println(shuffleDeck(r))
	r2 := rand.New(rand.NewSource(1))
	fmt.Println(r2.Intn(100))
	counts := make([]int, 3)
	r3 := rand.New(rand.NewSource(42))
	for i := 0; i < 300; i++ {
		counts[r3.Intn(3)]++
	}
	fmt.Println(counts, counts[0]+counts[1]+counts[2])
	x := rand.Intn(10)
	fmt.Println(x >= 0 && x < 10)
}
