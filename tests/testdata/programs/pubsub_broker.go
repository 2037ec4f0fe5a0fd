// compare: sorted lines
package main

import (
	"fmt"
	"sync"
)

type Broker struct {
	mu   sync.Mutex
	subs map[string][]chan string
}

func NewBroker() *Broker { return &Broker{subs: map[string][]chan string{}} }

func (b *Broker) Subscribe(topic string) <-chan string {
	ch := make(chan string, 8)
	b.mu.Lock()
	b.subs[topic] = append(b.subs[topic], ch)
	b.mu.Unlock()
	return ch
}

func (b *Broker) Publish(topic, msg string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, ch := range b.subs[topic] {
		ch <- msg
	}
}

func (b *Broker) Close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, list := range b.subs {
		for _, ch := range list {
			close(ch)
		}
	}
}

func main() {
	b := NewBroker()
	var wg sync.WaitGroup
	listen := func(name string, ch <-chan string) {
		defer wg.Done()
		for msg := range ch {
			fmt.Printf("%s got %q\n", name, msg)
		}
	}
	wg.Add(3)
	go listen("alice/news", b.Subscribe("news"))
	go listen("bob/news", b.Subscribe("news"))
	go listen("carol/sport", b.Subscribe("sport"))
	b.Publish("news", "go 1.24 released")
	b.Publish("sport", "match tonight")
	b.Publish("news", "generics everywhere")
	b.Close()
	wg.Wait()
}
