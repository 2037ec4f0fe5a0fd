package main

import (
	"container/list"
	"fmt"
)

type entry struct {
	key   string
	value int
}

type lru struct {
	cap   int
	order *list.List
	items map[string]*list.Element
}

func newLRU(n int) *lru {
	return &lru{cap: n, order: list.New(), items: map[string]*list.Element{}}
}

func (c *lru) Get(k string) (int, bool) {
	if e, ok := c.items[k]; ok {
		c.order.MoveToFront(e)
		return e.Value.(*entry).value, true
	}
	return 0, false
}

func (c *lru) Put(k string, v int) {
	if e, ok := c.items[k]; ok {
		e.Value.(*entry).value = v
		c.order.MoveToFront(e)
		return
	}
	c.items[k] = c.order.PushFront(&entry{k, v})
	if c.order.Len() > c.cap {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.items, last.Value.(*entry).key)
		fmt.Println("evict", last.Value.(*entry).key)
	}
}

func (c *lru) keys() []string {
	var ks []string
	for e := c.order.Front(); e != nil; e = e.Next() {
		ks = append(ks, e.Value.(*entry).key)
	}
	return ks
}

func main() {
	c := newLRU(2)
	c.Put("a", 1)
	c.Put("b", 2)
	fmt.Println(c.Get("a"))
	c.Put("c", 3)
	fmt.Println(c.Get("b"))
	c.Put("a", 10)
	fmt.Println(c.keys(), c.order.Len())
	l := list.New()
	l.PushBack(2)
	l.PushFront(1)
	l.InsertAfter(3, l.Back())
	for e := l.Back(); e != nil; e = e.Prev() {
		fmt.Print(e.Value, " ")
	}
	fmt.Println()
}
