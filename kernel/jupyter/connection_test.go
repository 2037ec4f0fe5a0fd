package jupyter

import (
	"strings"
	"testing"
)

func TestReadConnectionFile(t *testing.T) {
	tests := []struct {
		file      string
		endpoints []string // shell, iopub, stdin, control, hb
		key       string
		err       string
	}{
		{file: "tcp.json", key: "a0436f6c-1916-498b-8eb9-e81ab9368e84", endpoints: []string{
			"tcp://127.0.0.1:50001", "tcp://127.0.0.1:50002", "tcp://127.0.0.1:50003", "tcp://127.0.0.1:50004", "tcp://127.0.0.1:50005"}},
		{file: "ipc.json", endpoints: []string{
			"ipc:///tmp/kernel-abc-1", "ipc:///tmp/kernel-abc-2", "ipc:///tmp/kernel-abc-3", "ipc:///tmp/kernel-abc-4", "ipc:///tmp/kernel-abc-5"}},
		{file: "md5.json", err: `signature_scheme "hmac-md5" is not supported`},
		{file: "udp.json", err: `transport "udp" is neither tcp nor ipc`},
		{file: "noport.json", err: "port 0 is out of range"},
		{file: "truncated.json", err: "unexpected end of JSON input"},
		{file: "missing.json", err: "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			info, err := ReadConnectionFile("testdata/" + tt.file)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			ports := []int{info.ShellPort, info.IOPubPort, info.StdinPort, info.ControlPort, info.HBPort}
			for i, port := range ports {
				if got := info.Endpoint(port); got != tt.endpoints[i] {
					t.Errorf("endpoint %d = %q, want %q", i, got, tt.endpoints[i])
				}
			}
			if info.Key != tt.key {
				t.Errorf("key = %q, want %q", info.Key, tt.key)
			}
		})
	}
}

func TestEndpointIPv6(t *testing.T) {
	info := ConnectionInfo{Transport: "tcp", IP: "::1"}
	if got, want := info.Endpoint(9000), "tcp://[::1]:9000"; got != want {
		t.Errorf("Endpoint = %q, want %q", got, want)
	}
}
