package main

import (
	"container/heap"
	"fmt"
)

type task struct {
	name     string
	priority int
	index    int
}

type pq []*task

func (q pq) Len() int { return len(q) }
func (q pq) Less(i, j int) bool {
	return q[i].priority > q[j].priority
}
func (q pq) Swap(i, j int) {
	q[i], q[j] = q[j], q[i]
	q[i].index = i
	q[j].index = j
}
func (q *pq) Push(x any) {
	t := x.(*task)
	t.index = len(*q)
	*q = append(*q, t)
}
func (q *pq) Pop() any {
	old := *q
	n := len(old)
	t := old[n-1]
	*q = old[:n-1]
	t.index = -1
	return t
}

type intHeap []int

func (h intHeap) Len() int           { return len(h) }
func (h intHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h intHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *intHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *intHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

func main() {
	q := pq{}
	for i, n := range []string{"write", "test", "deploy", "review"} {
		heap.Push(&q, &task{name: n, priority: (i * 7) % 5})
	}
	t := q[len(q)-1]
	t.priority = 10
	heap.Fix(&q, t.index)
	for q.Len() > 0 {
		t := heap.Pop(&q).(*task)
		fmt.Println(t.name, t.priority)
	}
	h := &intHeap{5, 2, 8}
	heap.Init(h)
	heap.Push(h, 3)
	fmt.Println("min:", (*h)[0])
	for h.Len() > 0 {
		fmt.Print(heap.Pop(h), " ")
	}
	fmt.Println()
}
