package main

import (
	"encoding/json"
	"fmt"
)

type Address struct {
	City string
	Zip  *string
}

type User struct {
	Name    string
	Age     int
	Addr    Address
	Home    *Address
	Friends []*User
	Labels  map[string]bool
	private int
}

func main() {
	zip := "0150"
	u := User{Name: "Ann", Age: 30, Addr: Address{"Oslo", &zip}, Labels: map[string]bool{"admin": true}, private: 7}
	friend := &User{Name: "Bo"}
	u.Friends = append(u.Friends, friend)
	u.Home = &Address{City: "Bergen"}
	fmt.Printf("%v\n", u.Addr.City)
	fmt.Printf("%+v\n", *u.Home)
	fmt.Printf("%v %+v\n", u.Labels, u.Friends[0].Labels)
	fmt.Printf("%#v\n", Address{City: "X"})
	fmt.Printf("%v\n", []User{{Name: "z"}}[0].Friends == nil)
	point := struct{ X, Y int }{1, 2}
	fmt.Println(point, point.X+point.Y)
	fmt.Printf("%+v %#v %T\n", point, point, point)
	people := []struct {
		Name string
		Age  int
	}{{"a", 1}, {"b", 2}}
	fmt.Printf("%v %+v\n", people, people[1])
	cfg := struct {
		Debug bool
		Ports []int
		Inner struct{ Level int }
	}{Debug: true, Ports: []int{80, 443}}
	cfg.Inner.Level = 3
	fmt.Printf("%+v\n", cfg)
	b, _ := json.Marshal(cfg)
	fmt.Println(string(b))
	p1 := struct{ A, B int }{1, 2}
	p2 := struct{ A, B int }{1, 2}
	fmt.Println(p1 == p2, u.Age, u.private)
	type local struct{ V int }
	fmt.Printf("%v %+v %T\n", local{5}, local{6}, local{})
	m := map[string]struct{ N int }{"k": {3}}
	fmt.Println(m)
}
