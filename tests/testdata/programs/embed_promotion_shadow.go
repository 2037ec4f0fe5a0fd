package main

import "fmt"

type Logger struct {
	prefix string
	lines  int
}

func (l *Logger) Log(msg string) {
	l.lines++
	fmt.Printf("%s[%d] %s\n", l.prefix, l.lines, msg)
}

func (l Logger) Name() string { return "logger:" + l.prefix }

type Base struct {
	ID int
}

func (b Base) Describe() string { return fmt.Sprintf("base %d", b.ID) }
func (b Base) Name() string     { return "base" }

type Service struct {
	*Logger
	Base
	ID string
}

func (s Service) Name() string {
	return "service " + s.ID + " / " + s.Base.Name() + " / " + s.Logger.Name()
}

type namer interface{ Name() string }

func main() {
	s := Service{Logger: &Logger{prefix: "svc"}, Base: Base{ID: 7}, ID: "api"}
	s.Log("starting")
	s.Log("ready")
	fmt.Println(s.lines, s.Logger.lines, s.prefix)
	fmt.Println(s.ID, s.Base.ID)
	fmt.Println(s.Describe())
	fmt.Println(s.Name())
	var n namer = s
	fmt.Println(n.Name())
	n = s.Base
	fmt.Println(n.Name())
	n = *s.Logger
	fmt.Println(n.Name())
	copyS := s
	copyS.Log("from copy")
	fmt.Println(s.lines, copyS.Base.ID == s.Base.ID)
	f := s.Describe
	s.Base.ID = 99
	fmt.Println(f(), s.Describe())
}
