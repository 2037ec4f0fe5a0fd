package main

import (
	"encoding/csv"
	"fmt"
	"os"
	"strconv"
	"strings"
)

const data = `name,city,score
"Smith, Jo",Oslo,88
Lee,"New ""York""",92
Kim,Seoul,75
`

func main() {
	r := csv.NewReader(strings.NewReader(data))
	records, err := r.ReadAll()
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	header, rows := records[0], records[1:]
	fmt.Println(header, len(rows))
	total := 0
	for _, row := range rows {
		n, _ := strconv.Atoi(row[2])
		total += n
		fmt.Printf("%-10q %-12q %d\n", row[0], row[1], n)
	}
	fmt.Println("avg", float64(total)/float64(len(rows)))
	w := csv.NewWriter(os.Stdout)
	w.Write([]string{"id", "note"})
	w.Write([]string{"1", "has,comma"})
	w.Write([]string{"2", `has "quote"`})
	w.Write([]string{"3", "multi\nline"})
	w.Flush()
	fmt.Println(w.Error())
	bad := csv.NewReader(strings.NewReader("a,b\nc\n"))
	_, err = bad.ReadAll()
	fmt.Println(err)
	semi := csv.NewReader(strings.NewReader("x;y\n# skip\n1;2\n"))
	semi.Comma = ';'
	semi.Comment = '#'
	for {
		rec, err := semi.Read()
		if err != nil {
			fmt.Println(err)
			break
		}
		fmt.Println(rec, len(rec))
	}
}
