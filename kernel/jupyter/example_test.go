package jupyter_test

import (
	"context"
	"fmt"
	"log"
	"log/slog"
	"os"
	"os/signal"

	"github.com/concurlab/concurlab/kernel/engine"
	"github.com/concurlab/concurlab/kernel/jupyter"
)

// A kernel's main: serve an engine on the connection file the front end wrote, with SIGINT
// interrupting the running cell.
func ExampleNewServer() {
	info, err := jupyter.ReadConnectionFile(os.Args[1])
	if err != nil {
		log.Fatal(err)
	}
	var eng engine.Engine = newFakeEngine()
	srv, err := jupyter.NewServer(info, eng, jupyter.Options{
		Logger:         slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})),
		MaxOutputBytes: 16 << 20,
		MaxOutputHint:  "start the kernel with --max-output=32MiB",
	})
	if err != nil {
		log.Fatal(err)
	}
	interrupts := make(chan os.Signal, 1)
	signal.Notify(interrupts, os.Interrupt)
	go func() {
		for range interrupts {
			srv.Interrupt()
		}
	}()
	if err := srv.Run(context.Background()); err != nil {
		log.Fatal(err)
	}
}

func ExampleDecode() {
	signer := jupyter.NewSigner("secret")
	request, _ := jupyter.NewMessage(jupyter.NewHeader("kernel_info_request", "session-1", "alice"), nil, struct{}{})
	request.Identities = [][]byte{[]byte("client")}
	frames, _ := jupyter.Encode(request, signer)
	fmt.Println(len(frames), string(frames[1]))

	m, err := jupyter.Decode(frames, signer)
	fmt.Println(m.Header.MsgType, string(m.Identities[0]), err)

	frames[5] = []byte(`{"tampered":true}`)
	_, err = jupyter.Decode(frames, signer)
	fmt.Println(err)
	// Output:
	// 7 <IDS|MSG>
	// kernel_info_request client <nil>
	// wrong signature
}
