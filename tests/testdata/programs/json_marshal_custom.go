package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"
)

type Status int

func (s Status) MarshalJSON() ([]byte, error) {
	return json.Marshal([]string{"draft", "live"}[s])
}

type Post struct {
	ID       int               `json:"id"`
	Title    string            `json:"title"`
	Tags     []string          `json:"tags,omitempty"`
	Status   Status            `json:"status"`
	Meta     map[string]any    `json:"meta,omitempty"`
	Created  time.Time         `json:"created"`
	Internal string            `json:"-"`
	Extra    map[string]string `json:",omitempty"`
	Score    float64           `json:"score,string"`
}

func main() {
	p := Post{ID: 1, Title: "Hello <Go> & JSON", Status: 1, Created: time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC), Internal: "x", Score: 4.5}
	b, err := json.Marshal(p)
	fmt.Println(string(b), err)
	p.Tags = []string{"go", "json"}
	p.Meta = map[string]any{"views": 10, "ok": true, "ratio": 0.5, "nil": nil}
	out, _ := json.MarshalIndent(p, "", "  ")
	fmt.Println(string(out))
	var back Post
	err = json.Unmarshal(out, &back)
	fmt.Println(err)
	dec := json.NewDecoder(strings.NewReader(`{"id": 2, "title": "t", "unknown": 1}`))
	dec.DisallowUnknownFields()
	fmt.Println(dec.Decode(&back))
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	enc.Encode(map[string]any{"b": []int{1, 2}, "a": "<tag>", "c": nil})
	bs, err := json.Marshal(map[int]string{2: "two", 10: "ten"})
	fmt.Println(string(bs), err)
	_, err = json.Marshal(make(chan int))
	fmt.Println(err)
	fmt.Println(json.Valid([]byte(`{"a":}`)), json.Valid([]byte(`[1,2]`)))
}
