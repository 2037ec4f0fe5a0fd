// Package client is a small Jupyter client: it writes connection files, starts a kernel
// process or connects to a running one, and sends signed requests on its sockets. It serves
// ConcurLab's integration tests and benchmark, and reuses package jupyter's wire code.
package client
