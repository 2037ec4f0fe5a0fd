package main

import (
	"encoding/json"
	"fmt"
)

type Address struct {
	City string `json:"city"`
	Zip  string `json:"zip,omitempty"`
}

type User struct {
	ID      int               `json:"id"`
	Name    string            `json:"name"`
	Emails  []string          `json:"emails"`
	Addr    *Address          `json:"address,omitempty"`
	Tags    map[string]string `json:"tags,omitempty"`
	Ignored string            `json:"-"`
	Score   float64           `json:"score,string"`
}

func main() {
	u := User{ID: 7, Name: "Ada", Emails: []string{"a@x.io"}, Addr: &Address{City: "Paris"},
		Tags: map[string]string{"role": "admin", "lang": "go"}, Ignored: "x", Score: 9.5}
	b, err := json.Marshal(u)
	fmt.Println(string(b), err)
	pretty, _ := json.MarshalIndent(Address{"Rome", "00100"}, "", "  ")
	fmt.Println(string(pretty))
	var back User
	err = json.Unmarshal([]byte(`{"id":8,"name":"Bob","emails":null,"address":{"city":"Oslo","zip":"0150"},"score":"1.25","extra":true}`), &back)
	fmt.Printf("%v %q %+v %v\n", back.ID, back.Name, *back.Addr, err)
	fmt.Println(back.Emails == nil, back.Tags == nil, back.Score)
	var anyv map[string]any
	json.Unmarshal([]byte(`{"n":1,"list":[1,"two",false,null],"obj":{"k":2.5}}`), &anyv)
	fmt.Println(anyv["n"], anyv["list"], anyv["obj"].(map[string]any)["k"])
	fmt.Printf("%T %T\n", anyv["n"], anyv["list"])
	var bad User
	err = json.Unmarshal([]byte(`{"id":"seven"}`), &bad)
	fmt.Println(err)
	err = json.Unmarshal([]byte(`{"id":`), &bad)
	fmt.Println(err)
	m, _ := json.Marshal(map[string]int{"b": 2, "a": 1, "c": 3})
	fmt.Println(string(m))
	s, _ := json.Marshal([]any{1, "x<y>", nil, 2.5, true})
	fmt.Println(string(s))
}
