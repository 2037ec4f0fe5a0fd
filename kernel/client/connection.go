package client

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net"
	"os"

	"github.com/concurlab/concurlab/kernel/jupyter"
)

// NewConnection writes a connection file with five free tcp ports on 127.0.0.1 and a random
// key, readable by the user only, and returns its content and path. The caller removes it.
func NewConnection() (jupyter.ConnectionInfo, string, error) {
	ports, err := freePorts(5)
	if err != nil {
		return jupyter.ConnectionInfo{}, "", err
	}
	info := jupyter.ConnectionInfo{
		Transport:       "tcp",
		IP:              "127.0.0.1",
		ShellPort:       ports[0],
		IOPubPort:       ports[1],
		StdinPort:       ports[2],
		ControlPort:     ports[3],
		HBPort:          ports[4],
		Key:             jupyter.NewID(),
		SignatureScheme: "hmac-sha256",
		KernelName:      "concurlab",
	}
	data, err := json.MarshalIndent(info, "", "  ")
	if err != nil {
		return jupyter.ConnectionInfo{}, "", err
	}
	f, err := os.CreateTemp("", "concurlab-kernel-*.json")
	if err != nil {
		return jupyter.ConnectionInfo{}, "", err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(f.Name())
		return jupyter.ConnectionInfo{}, "", err
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return jupyter.ConnectionInfo{}, "", err
	}
	return info, f.Name(), nil
}

// Ports are picked below Linux's ephemeral range (32768 and up), where outgoing connections
// take their local ports, so that a port found free is not taken by a client socket before
// the kernel binds it.
const (
	lowestPort  = 20000
	portsToPick = 12000
)

// freePorts finds n distinct free tcp ports on 127.0.0.1, trying random ones below the
// ephemeral range first and asking the system for any at last.
func freePorts(n int) ([]int, error) {
	var listeners []net.Listener
	defer func() {
		for _, l := range listeners {
			l.Close()
		}
	}()
	ports := make([]int, 0, n)
	for attempt := 0; len(ports) < n; attempt++ {
		addr := "127.0.0.1:0"
		if attempt < 100*n {
			addr = fmt.Sprintf("127.0.0.1:%d", lowestPort+rand.IntN(portsToPick))
		}
		l, err := net.Listen("tcp", addr)
		if err != nil {
			if addr == "127.0.0.1:0" {
				return nil, fmt.Errorf("finding a free port: %w", err)
			}
			continue
		}
		listeners = append(listeners, l)
		ports = append(ports, l.Addr().(*net.TCPAddr).Port)
	}
	return ports, nil
}
