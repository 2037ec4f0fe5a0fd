// Package jupyter serves one engine.Engine over the Jupyter messaging protocol 5.5: the
// connection file, the wire framing with HMAC-SHA256 signatures, the five ZeroMQ sockets
// (shell, control, stdin, iopub, heartbeat) and a Server that answers every request a
// front end sends. It knows nothing of how cells are evaluated.
package jupyter
