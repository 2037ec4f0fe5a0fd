package main

import (
	"fmt"
	"os"
	"strings"
	"text/template"
)

type item struct {
	Name  string
	Price float64
	Tags  []string
}

const tpl = `{{define "tags"}}{{range $i, $t := .}}{{if $i}}, {{end}}{{$t}}{{end}}{{end -}}
Order for {{.Customer | upper}}:
{{range .Items}}- {{printf "%-8s" .Name}} {{printf "%6.2f" .Price}}{{if .Tags}} [{{template "tags" .Tags}}]{{end}}
{{else}}no items
{{end}}{{with .Note}}Note: {{.}}
{{end}}Total items: {{len .Items}}
`

func main() {
	funcs := template.FuncMap{"upper": strings.ToUpper}
	t := template.Must(template.New("order").Funcs(funcs).Parse(tpl))
	data := map[string]any{
		"Customer": "zoe",
		"Items":    []item{{"pen", 1.5, []string{"office"}}, {"lamp", 24, []string{"home", "light"}}, {"gum", 0.25, nil}},
		"Note":     "leave at door",
	}
	if err := t.Execute(os.Stdout, data); err != nil {
		fmt.Println("error:", err)
	}
	empty := map[string]any{"Customer": "al", "Items": []item{}}
	t.Execute(os.Stdout, empty)
	_, err := template.New("bad").Parse("{{.Name")
	fmt.Println(err != nil)
	t2 := template.Must(template.New("x").Parse("{{.Missing.Field}}\n"))
	err = t2.Execute(os.Stdout, struct{ Name string }{"n"})
	fmt.Println(err)
	var b strings.Builder
	template.Must(template.New("c").Parse(`{{if and (gt .A 1) (lt .A 10)}}mid{{else}}out{{end}} {{eq .B "x"}}`)).Execute(&b, map[string]any{"A": 5, "B": "x"})
	fmt.Println(b.String())
}
