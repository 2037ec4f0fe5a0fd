//go:build !linux

package pipes

// ConcurLab's kernel needs Linux: this package asks the kernel how many bytes a pipe holds
// unread (TIOCINQ), the worker dies with its kernel through Pdeathsig, and the supervisor
// reads a worker's CPU time from /proc. On any other system the build stops here, with the
// message below, rather than on the first Linux call it meets.
const unsupportedSystem int = "ConcurLab's kernel runs on Linux only (README.md, Supported systems)"
