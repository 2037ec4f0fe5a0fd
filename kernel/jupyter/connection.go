package jupyter

import (
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"strconv"
)

// ConnectionInfo is the content of a Jupyter connection file: where the kernel's five sockets
// listen and how messages are signed.
type ConnectionInfo struct {
	// Transport is "tcp" or "ipc".
	Transport string `json:"transport"`
	// IP is the address the kernel binds to (tcp), or the path prefix of the sockets (ipc).
	IP          string `json:"ip"`
	ShellPort   int    `json:"shell_port"`
	IOPubPort   int    `json:"iopub_port"`
	StdinPort   int    `json:"stdin_port"`
	ControlPort int    `json:"control_port"`
	HBPort      int    `json:"hb_port"`
	// Key signs messages; empty means no signing.
	Key string `json:"key"`
	// SignatureScheme is "hmac-sha256" (or empty when Key is empty).
	SignatureScheme string `json:"signature_scheme"`
	KernelName      string `json:"kernel_name,omitempty"`
}

// ReadConnectionFile reads and checks the connection file at path.
func ReadConnectionFile(path string) (ConnectionInfo, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return ConnectionInfo{}, err
	}
	var info ConnectionInfo
	if err := json.Unmarshal(data, &info); err != nil {
		return ConnectionInfo{}, fmt.Errorf("connection file %s: %w", path, err)
	}
	if err := info.Validate(); err != nil {
		return ConnectionInfo{}, fmt.Errorf("connection file %s: %w", path, err)
	}
	return info, nil
}

// Validate reports what is wrong with the connection info, if anything, and sets an empty
// transport to "tcp".
func (c *ConnectionInfo) Validate() error {
	switch c.Transport {
	case "":
		c.Transport = "tcp"
	case "tcp", "ipc":
	default:
		return fmt.Errorf("transport %q is neither tcp nor ipc", c.Transport)
	}
	if c.IP == "" {
		return errors.New("ip is empty")
	}
	switch c.SignatureScheme {
	case "hmac-sha256":
	case "":
		if c.Key != "" {
			return errors.New("a key is given but no signature_scheme")
		}
	default:
		return fmt.Errorf("signature_scheme %q is not supported (only hmac-sha256)", c.SignatureScheme)
	}
	for _, p := range []int{c.ShellPort, c.IOPubPort, c.StdinPort, c.ControlPort, c.HBPort} {
		if p <= 0 || p > 65535 {
			return fmt.Errorf("port %d is out of range", p)
		}
	}
	return nil
}

// Endpoint returns the ZeroMQ address of the socket on port: tcp://IP:PORT, or ipc://IP-PORT.
func (c ConnectionInfo) Endpoint(port int) string {
	if c.Transport == "ipc" {
		return fmt.Sprintf("ipc://%s-%d", c.IP, port)
	}
	return "tcp://" + net.JoinHostPort(c.IP, strconv.Itoa(port))
}
