package main

import (
	"os"
	"strings"
	"text/template"
)

type Student struct {
	Name   string
	Grades []int
	Active bool
}

func (s Student) Average() float64 {
	if len(s.Grades) == 0 {
		return 0
	}
	sum := 0
	for _, g := range s.Grades {
		sum += g
	}
	return float64(sum) / float64(len(s.Grades))
}

const report = `{{define "row"}}{{.Name | upper}}: {{printf "%.1f" .Average}}{{end -}}
Class report ({{len .}} students)
{{range $i, $s := .}}{{$i}}. {{template "row" $s}}{{if not $s.Active}} (inactive){{end}}
{{- with $s.Grades}} grades={{range $j, $g := .}}{{if $j}},{{end}}{{$g}}{{end}}{{else}} no grades{{end}}
{{end}}{{/* a comment */ -}}
Done: {{join (names .) ", "}}
`

func main() {
	funcs := template.FuncMap{
		"upper": strings.ToUpper,
		"join":  strings.Join,
		"names": func(ss []Student) []string {
			var out []string
			for _, s := range ss {
				out = append(out, s.Name)
			}
			return out
		},
	}
	t := template.Must(template.New("r").Funcs(funcs).Parse(report))
	students := []Student{{"ada", []int{90, 85}, true}, {"bob", nil, false}, {"cy", []int{70}, true}}
	if err := t.Execute(os.Stdout, students); err != nil {
		panic(err)
	}
	t2 := template.Must(template.New("m").Parse("{{.missing}} {{index .list 1}} {{eq .n 3}} {{lt .n 5}}\n"))
	t2.Execute(os.Stdout, map[string]any{"list": []string{"a", "b"}, "n": 3})
	_, err := template.New("bad").Parse("{{.Name")
	os.Stdout.WriteString(err.Error() + "\n")
}
