package main

import (
	"encoding/json"
	"fmt"
)

type Address struct {
	City string `json:"city"`
	Zip  string `json:"zip,omitempty"`
}

type Person struct {
	Name    string   `json:"name"`
	Age     int      `json:"age"`
	Emails  []string `json:"emails"`
	Address *Address `json:"address,omitempty"`
	secret  string
}

func main() {
	p := Person{Name: "Ada", Age: 36, Emails: []string{"ada@example.com"}, Address: &Address{City: "London"}, secret: "x"}
	b, err := json.Marshal(p)
	fmt.Println(string(b), err)
	var back Person
	err = json.Unmarshal([]byte(`{"name":"Bob","age":40,"address":{"city":"Paris","zip":"75001"}}`), &back)
	fmt.Println(back.Name, back.Age, back.Emails == nil, *back.Address, err)
	var generic map[string]any
	json.Unmarshal([]byte(`{"n":1.5,"list":[1,"two"],"ok":true}`), &generic)
	fmt.Println(generic["n"], generic["list"], generic["ok"])
	indented, _ := json.MarshalIndent(map[string]int{"b": 2, "a": 1}, "", "  ")
	fmt.Println(string(indented))
	err = json.Unmarshal([]byte(`{"age":"old"}`), &back)
	fmt.Println(err)
}
