package main

import (
	"strings"
	"testing"
)

func TestProcField(t *testing.T) {
	cpuinfo := "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 7B13\nmodel name\t: other\n"
	meminfo := "MemTotal:        8123456 kB\nMemFree:         1000 kB\n"
	cases := []struct{ text, key, want string }{
		{cpuinfo, "model name", "AMD EPYC 7B13"},
		{cpuinfo, "vendor_id", "AuthenticAMD"},
		{meminfo, "MemTotal", "8123456 kB"},
		{meminfo, "Missing", ""},
	}
	for _, c := range cases {
		if got := procField(strings.NewReader(c.text), c.key); got != c.want {
			t.Errorf("procField(%q) = %q, want %q", c.key, got, c.want)
		}
	}
}

func TestMachineMarkdown(t *testing.T) {
	m := machine{cpu: "AMD EPYC", cores: 2, memory: 8 << 30, linux: "6.1.0", goVersion: "go1.26", commit: "abc123", peer: "ipykernel 6.17.0", load: "0.50 0.40 0.30"}
	var b strings.Builder
	if err := m.writeMarkdown(&b); err != nil {
		t.Fatal(err)
	}
	want := "- CPU: AMD EPYC, 2 cores (`nproc`)\n- memory: 8.0 GiB\n- Linux 6.1.0, go1.26\n- concurlab at abc123; peer: ipykernel 6.17.0\n- load average when the run began: 0.50 0.40 0.30\n"
	if b.String() != want {
		t.Errorf("markdown:\n%s\nwant:\n%s", b.String(), want)
	}
}
