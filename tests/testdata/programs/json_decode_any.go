package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

func walk(prefix string, v any) {
	switch x := v.(type) {
	case map[string]any:
		for _, k := range []string{"name", "age", "langs", "address", "active", "none"} {
			if val, ok := x[k]; ok {
				walk(prefix+"."+k, val)
			}
		}
	case []any:
		for i, e := range x {
			walk(fmt.Sprintf("%s[%d]", prefix, i), e)
		}
	default:
		fmt.Printf("%s = %v (%T)\n", prefix, x, x)
	}
}

func main() {
	raw := `{"name":"Ana","age":31,"langs":["go","c"],"address":{"name":"home"},"active":true,"none":null}`
	var v any
	if err := json.Unmarshal([]byte(raw), &v); err != nil {
		panic(err)
	}
	walk("$", v)
	m := v.(map[string]any)
	age := m["age"].(float64)
	fmt.Println(int(age)+1, len(m))
	dec := json.NewDecoder(strings.NewReader(`{"n":1} {"n":2} {"n":3.5}`))
	for {
		var item struct{ N float64 }
		if err := dec.Decode(&item); err == io.EOF {
			break
		} else if err != nil {
			fmt.Println(err)
			break
		}
		fmt.Println(item.N)
	}
	var nums []int
	err := json.Unmarshal([]byte(`[1, 2, "three"]`), &nums)
	fmt.Println(nums, err)
	err = json.Unmarshal([]byte(`{"a":1`), &v)
	fmt.Println(err)
	var raw2 map[string]json.RawMessage
	json.Unmarshal([]byte(`{"x":{"deep":[1,2]},"y":"s"}`), &raw2)
	fmt.Println(string(raw2["x"]), string(raw2["y"]))
}
