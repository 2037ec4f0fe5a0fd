package main

import "fmt"

func double(a [3]int) [3]int {
	for i := range a {
		a[i] *= 2
	}
	return a
}

func doubleSlice(s []int) {
	for i := range s {
		s[i] *= 2
	}
}

func main() {
	arr := [3]int{1, 2, 3}
	d := double(arr)
	fmt.Println(arr, d, arr == [3]int{1, 2, 3})
	cp := arr
	cp[0] = 100
	fmt.Println(arr[0], cp[0])
	s := arr[:]
	doubleSlice(s)
	fmt.Println(arr, s)
	base := make([]int, 3, 4)
	x := append(base, 1)
	y := append(base, 2)
	fmt.Println(x, y, len(base), cap(base))
	z := append(base[:3:3], 9)
	z[0] = 7
	fmt.Println(base, z)
	var grow []int
	lens := []int{}
	for i := 0; i < 10; i++ {
		grow = append(grow, i)
		lens = append(lens, len(grow))
	}
	fmt.Println(lens, cap(grow) >= len(grow))
	dst := make([]int, 2)
	n := copy(dst, []int{5, 6, 7})
	fmt.Println(n, dst)
	matrix := [2][2]string{{"a", "b"}, {"c", "d"}}
	m2 := matrix
	m2[1][1] = "Z"
	fmt.Println(matrix, m2, len(matrix))
	ptr := &arr
	ptr[1] = -1
	fmt.Println(arr, len(ptr))
	sub := s[1:2]
	fmt.Println(sub, len(sub), cap(sub), sub[:2])
	var nilS []int
	fmt.Println(nilS == nil, len(nilS), nilS, append(nilS, 1))
}
