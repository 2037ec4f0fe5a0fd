package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"time"
)

type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

func main() {
	fs := flag.NewFlagSet("tool", flag.ContinueOnError)
	fs.SetOutput(os.Stdout)
	name := fs.String("name", "world", "who to greet")
	count := fs.Int("n", 1, "how many times")
	verbose := fs.Bool("v", false, "verbose output")
	wait := fs.Duration("wait", time.Second, "pause")
	var tags listFlag
	fs.Var(&tags, "tag", "repeatable tag")
	err := fs.Parse([]string{"-name=gopher", "-n", "3", "-v", "-tag", "a", "-tag=b", "--wait", "250ms", "rest", "-x"})
	fmt.Println(err, *name, *count, *verbose, *wait, tags, fs.Args(), fs.NArg())
	fs.Visit(func(f *flag.Flag) { fmt.Println("set:", f.Name, f.Value) })
	fmt.Println(fs.Lookup("n").DefValue, fs.Lookup("missing") == nil)
	bad := flag.NewFlagSet("bad", flag.ContinueOnError)
	bad.SetOutput(os.Stdout)
	bad.Int("port", 80, "port number")
	err = bad.Parse([]string{"-port", "http"})
	fmt.Println("err:", err)
	err = bad.Parse([]string{"-nope"})
	fmt.Println("err:", err)
	err = bad.Parse([]string{"-h"})
	fmt.Println("err:", err, err == flag.ErrHelp)
}
