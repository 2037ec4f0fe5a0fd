package e2e

import (
	"testing"

	"github.com/concurlab/concurlab/kernel/client"
	"github.com/concurlab/concurlab/kernel/jupyter"
)

// The kernel speaks protocol 5.5: kernel_info on shell and on control, and no optional
// feature claimed that it lacks.
func TestKernelInfoOfProtocol55OnShellAndControl(t *testing.T) {
	k := startKernel(t)
	for _, s := range []client.Socket{client.Shell, client.Control} {
		t.Run(s.String(), func(t *testing.T) {
			reply, err := k.Request(s, "kernel_info_request", struct{}{})
			if err != nil {
				t.Fatal(err)
			}
			var info struct {
				Status            string    `json:"status"`
				ProtocolVersion   string    `json:"protocol_version"`
				SupportedFeatures *[]string `json:"supported_features"`
				Debugger          bool      `json:"debugger"`
			}
			if err := reply.DecodeContent(&info); err != nil {
				t.Fatal(err)
			}
			if info.Status != "ok" || info.ProtocolVersion != "5.5" || reply.Header.Version != "5.5" {
				t.Errorf("kernel_info_reply %s in a header of version %s", reply.Content, reply.Header.Version)
			}
			if info.SupportedFeatures == nil || len(*info.SupportedFeatures) != 0 || info.Debugger {
				t.Errorf("supported_features %v, debugger %v: want an empty list and no debugger", info.SupportedFeatures, info.Debugger)
			}
		})
	}
}

// Each new subscriber to iopub is welcomed, and every subscriber sees the welcome: a client
// connecting (which waits for its welcome) shows on the iopub of one connected before.
func TestIOPubWelcomesEveryNewSubscriber(t *testing.T) {
	k := startKernel(t)
	late, err := client.Connect(t.Context(), k.Info)
	if err != nil {
		t.Fatalf("a second client: %v", err)
	}
	defer late.Close()
	for {
		m, err := k.Recv(client.IOPub, k.Timeout)
		if err != nil {
			t.Fatalf("the first client saw no welcome: %v", err)
		}
		if m.Header.MsgType != "iopub_welcome" {
			continue // the second client's kernel_info statuses
		}
		var c map[string]any
		if err := m.DecodeContent(&c); err != nil {
			t.Fatal(err)
		}
		if c["subscription"] != "" || m.Parent != (jupyter.Header{}) || m.Header.Version != "5.5" {
			t.Errorf("iopub_welcome %v with parent %+v, version %s", c, m.Parent, m.Header.Version)
		}
		return
	}
}
