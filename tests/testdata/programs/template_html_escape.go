package main

import (
	"fmt"
	"html/template"
	"os"
)

type Comment struct {
	Author string
	Body   string
	URL    string
}

const page = `<ul>
{{range .}}  <li><a href="{{.URL}}">{{.Author}}</a>: {{.Body}}</li>
{{end}}</ul>
<script>var author = {{(index . 0).Author}};</script>
`

func main() {
	t := template.Must(template.New("page").Parse(page))
	comments := []Comment{
		{"alice", "I <3 Go & templates", "/u/alice"},
		{"<b>mallory</b>", `<script>alert("x")</script>`, "javascript:alert(1)"},
		{"bob", "quote's \"here\"", "/u/bob?tab=1&x=2"},
	}
	if err := t.Execute(os.Stdout, comments); err != nil {
		fmt.Println("error:", err)
	}
	fmt.Println(template.HTMLEscapeString("<a href='x'>&</a>"))
	fmt.Println(template.JSEscapeString(`it's "quoted"`))
	safe := template.Must(template.New("s").Parse("{{.}}\n"))
	safe.Execute(os.Stdout, template.HTML("<em>trusted</em>"))
	safe.Execute(os.Stdout, "<em>untrusted</em>")
}
