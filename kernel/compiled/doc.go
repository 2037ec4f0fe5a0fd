// Package compiled runs %%compile cells: a cell, with the session's earlier imports and
// declarations, becomes a Go program that the Go toolchain builds (into a per-user cache,
// keyed by the program's source and flags) and that runs as a child process at native
// speed, under the race detector with -race.
//
// A cell with a package clause is the program as it stands; otherwise its statements are the
// body of main and its declarations, and those of earlier cells that it does not declare
// anew, are the program's. Values that earlier cells computed at run time exist only in the
// interpreter and are not carried; a cell that uses one fails to build, and says so.
//
// Every piece of source stands behind a //line directive naming its cell (__cell_N.go), so
// that the compiler's errors, panics' tracebacks and the race detector's reports are mapped
// back to In[n] line L. The program's stdout and stderr stream to the cell as they come;
// display (and concur's pictures) reach the notebook as framed messages on stdout; a read of
// its empty stdin asks the front end for a line. An interrupt sends SIGINT, and SIGKILL
// after a short grace.
//
// The programs import concur and display from the source that the kernel binary carries
// (concurlab.Library), written once into the cache, so an installed kernel needs no copy of
// the repository: only the go command, on PATH or in $GOROOT/bin.
package compiled
