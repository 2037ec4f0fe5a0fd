package main

import "fmt"

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°C", float64(t)) }

type Pair struct {
	Name string
	T    Temp
}

func (p *Pair) String() string { return p.Name + "@" + p.T.String() }

func main() {
	t := Temp(21.5)
	fmt.Println(t)
	fmt.Printf("%v %s %d\n", t, t, 3)
	p := &Pair{"room", 19}
	fmt.Println(p)
	fmt.Println(*p)
	fmt.Println([]Temp{1, 2.25})
}
