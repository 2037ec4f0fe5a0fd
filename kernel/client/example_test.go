package client_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/concurlab/concurlab/kernel/client"
)

// Start a kernel as a front end would, run a cell and shut the kernel down.
func ExampleStart() {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c, err := client.Start(ctx, []string{"concurlab", "kernel", "{connection_file}"})
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()
	reply, outputs, err := c.Execute(`fmt.Println("hello")`)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(string(reply.Content))
	for _, m := range outputs {
		fmt.Println(m.Header.MsgType, string(m.Content))
	}
	if _, err := c.Shutdown(false); err != nil {
		log.Fatal(err)
	}
	if err := c.Wait(5 * time.Second); err != nil {
		log.Fatal(err)
	}
}
